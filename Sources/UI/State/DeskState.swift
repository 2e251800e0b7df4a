import QanatCore

public enum Board: CaseIterable, Sendable {
    case incidents, units, log, coverage, risks, performance, map

    var title: UIText {
        switch self {
        case .incidents: .incidents
        case .units: .units
        case .log: .log
        case .coverage: .coverage
        case .risks: .riskBoard
        case .performance: .performanceBoard
        case .map: .map(.board)
        }
    }

    var functionKey: Int {
        switch self {
        case .incidents: 2
        case .units: 3
        case .log: 4
        case .coverage: 5
        case .risks: 6
        case .performance: 7
        case .map: 8
        }
    }
}

public enum StoreHealth: Equatable, Sendable {
    case live
    /// The store is locked past the desk's short timeout; writes wait in the journal.
    case busy
    case offline(reason: String)
    /// A service store read as usual, whose service does not answer: writes wait in the journal.
    case serviceAway
}

public enum UnitGrouping: Sendable { case status, agency }

public enum DeskShift: Equatable, Sendable {
    /// A personal account: the officer is its user.
    case notRequired
    case awaitingSignOn
    case onShift(since: Timestamp)
}

/// The handover report as lines, scrolled.
public struct HandoverScreen: Equatable, Sendable {
    public var lines: [HandoverLine]
    public var top = 0

    public init(lines: [HandoverLine]) { self.lines = lines }
}
public enum Overlay: Equatable, Sendable { case help }

/// What the desk shows, read from the store in windows (never the whole store).
public struct DeskData: Equatable, Sendable {
    public var incidents: [IncidentRecord] = []
    public var units: [UnitRecord] = []
    /// Oldest first: the log reads downwards, newest at the bottom.
    public var messages: [MessageRecord] = []
    /// The log holds only the first page a new filter read, for the frame right after the key;
    /// the loop reads the whole window next, unless another key is waiting.
    public var logWindowPartial = false
    public var detail: IncidentDetail?
    /// The open message, read by its id (it may have left the log's window).
    public var message: MessageRecord?
    /// The selected incident and message, read by their identity when the board's filter hides
    /// them: still the selection, which `s`, `a`, `r` and Enter act on.
    public var hiddenIncident: IncidentRecord?
    public var hiddenMessage: MessageRecord?
    /// Every agency on the channel, to know who a message to "*" awaits.
    public var agencies: [AgencyCode] = []
    /// The site this store is (a bare incident number typed is its), and what its relay last knew
    /// of the hub; nil for a store that relays to none.
    public var site: SiteCode?
    public var relay: RelayStatus?
    /// Messages awaiting this desk's agency's acknowledgement in the whole store, counted up to the cap.
    public var pendingAcknowledgements = 0
    /// The newest flash messages awaiting this desk's agency's acknowledgement, whatever the log's filter.
    public var flashAwaiting: [MessageRecord] = []
    /// The newest open extreme incidents, whatever the board's filter.
    public var newestExtreme: [IncidentRecord] = []
    /// The coverage board's cells, as its filter selects them.
    public var coverage: [CoverageCell] = [] {
        didSet { coverageRows = CoverageBoard.rows(coverage) }
    }
    /// Its rows, made once per change of the cells: each keystroke reads them several times.
    var coverageRows: [CoverageBoard.Row] = []
    /// The records of the cell whose detail is open.
    public var coverageDetail: CoverageDetail?
    /// The risk register, highest score first (a register holds hundreds, not millions).
    public var risks: [Risk] = []
    /// The incidents each risk of the open matrix cell produced, newest first.
    public var riskIncidents: [RecordID: [IncidentRecord]] = [:]
    /// Response times against the targets, for the performance board; read only while it is shown.
    public var performance: [MetricFigures] = [] {
        didSet { performanceRows = PerformanceBoard.rows(performance) }
    }
    var performanceRows: [PerformanceBoard.Row] = []
    /// The period they cover; nil until first read.
    public var performancePeriod: PerformancePeriod?
    /// The exercise played on this store (an exercise store), as its events fold.
    public var exerciseRun: ExerciseRun?
    /// The message that carried the stop phrase, once play stopped for it.
    public var stopMessage: MessageRecord?
    /// Open incidents and committed units counted by area, for the map; nil until it is first shown.
    public var areaTallies: AreaTallies?
    /// The open unit, read whole.
    public var unitDetail: UnitDetail?
    /// The store's setting, which the flags were computed with.
    public var gapDays = StoreSetting.gapDays.defaultValue
    public static let alertWindow = 5
    public static let pendingCountCap = 1000

    public init() {}
}

/// The whole state of one desk. Screens are functions of it; keys change it.
public struct DeskState: Equatable, Sendable {
    public internal(set) var width: Int
    public internal(set) var height: Int
    public internal(set) var language: Language
    /// Who reorders and shapes right-to-left text: Qanat or the terminal.
    public internal(set) var bidi: BidiMode = .app
    public internal(set) var digits: DigitStyle = .western
    public internal(set) var officer: String
    public internal(set) var agency: AgencyCode
    public internal(set) var now: Timestamp
    public internal(set) var store: StoreHealth = .live
    /// Events written to the journal that the store has not taken yet.
    public internal(set) var backlog = 0
    public internal(set) var data = DeskData() {
        didSet { settleSelection() }
    }

    public internal(set) var board: Board = .incidents
    /// What the officer has selected, by identity on each board: it stays on the same incident,
    /// unit or message when rows move, appear or are filtered out, and actions act on it.
    public internal(set) var selection = Selection()
    /// Where the selection last stood on each board: only to scroll, and to move from once the
    /// selected row has left the board. Never what an action acts on.
    var cursorRow: [Board: Int] = [:]
    /// The incident whose detail is open: chosen on the board, or reached from a log message.
    public internal(set) var detailReference: IncidentReference?
    /// Where a jump to an incident by its number came from: a number that does not exist leaves
    /// the officer there, with what they had selected.
    struct JumpOrigin: Equatable, Sendable {
        var board: Board
        var incident: IncidentReference?
    }
    var jumpedFrom: JumpOrigin?
    /// The message whose detail is open on the log (Enter on a message).
    public internal(set) var openMessage: EventID?
    /// The unit whose detail is open on the units board.
    public internal(set) var openUnit: CallSign?
    /// The coverage cell whose needs, activities and pledges are open (Enter on a cell).
    public internal(set) var openCell: CoverageCell.Key?
    /// Which areas, sector and kind of organisation the coverage board shows.
    public internal(set) var coverageFilter = CoverageFilter()
    /// The risk matrix's cell whose risks are open (Enter on the risk board).
    public internal(set) var openRiskCell: RiskCell?
    /// What the map shows on Libya, and the district it is zoomed into (nil: Libya whole).
    public internal(set) var mapLayer: MapLayer = .incidents
    public internal(set) var mapDistrict: String?
    /// Where Enter on the map came from, for Esc to go back to it with the board's filter as it was.
    var mapReturn: MapReturn?
    /// Windows a key left out of date without an effect of its own (`takeStaleWindows`).
    var staleWindows: DeskRefresh = []
    /// Whether the current board shows a detail beside (or instead of) its rows.
    public var showingDetail: Bool {
        switch board {
        case .incidents: detailReference != nil
        case .log: openMessage != nil
        case .coverage: openCell != nil
        case .risks: openRiskCell != nil
        case .units: openUnit != nil
        case .performance, .map: false
        }
    }
    /// Tab puts the keys in the detail pane: they scroll it instead of moving the selection.
    public internal(set) var detailFocused = false
    /// The detail's first line shown; nil shows its facts and the newest of its timeline.
    public internal(set) var detailScroll: Int?
    public internal(set) var overlay: Overlay?
    /// The help's page, where it does not fit the screen.
    public internal(set) var helpPage = 0
    /// `/` search or `:` palette, when open.
    public internal(set) var picker: Picker?
    public internal(set) var unitGrouping: UnitGrouping = .status
    /// Which messages the log asks the store for.
    public internal(set) var logQuery = MessageQuery()
    /// Which incidents the board asks the store for, and in what order.
    public internal(set) var incidentQuery = IncidentQuery()
    /// The log follows new messages until the officer moves up.
    public internal(set) var followingLog = true
    /// The form being filled in, if any.
    public internal(set) var form: Form?
    /// Forms closed with Esc, kept with what was typed, to be offered again.
    public internal(set) var drafts: [String: Form] = [:]
    /// Why this desk may not write at all (its Unix user is no member, or a viewer), once the
    /// store has said; forms then do not open, and the status bar says read-only.
    public internal(set) var readOnly: Refusal?
    /// An exercise store: every screen says so.
    public internal(set) var exercise = false
    /// On a shared duty account the desk starts with the sign-on form, and nothing else opens
    /// until an officer has signed on.
    public internal(set) var shift: DeskShift = .notRequired
    /// The shift handover report, when open (`H`).
    public internal(set) var handover: HandoverScreen?
    /// What the last officer on this terminal wrote at sign-off, for the next one who signs on.
    public internal(set) var handoverNote: String?
    /// A line for the status bar: what the last action did.
    public internal(set) var notice: String?
    /// Flash messages and extreme incidents not yet acknowledged or opened, newest first: the banner.
    public internal(set) var alerts: [DeskAlert] = []
    /// What has rung already, so that each rings once.
    var alerted: Set<DeskAlert.Subject> = []
    /// Set when something new must ring the bell; the loop rings it and clears this.
    public internal(set) var bellPending = false
    /// Extreme incidents opened before the desk started are on its board, not alerts.
    public internal(set) var startedAt: Timestamp
    public internal(set) var confirmingQuit = false
    /// `K` asked whether to skip this inject; the next key answers.
    public internal(set) var confirmingSkip: Int?

    public init(
        width: Int, height: Int, language: Language, officer: String, agency: AgencyCode, now: Timestamp,
        bidi: BidiMode = .app, digits: DigitStyle = .western
    ) {
        self.bidi = bidi
        self.digits = digits
        self.width = width
        self.height = height
        self.language = language
        self.officer = officer
        self.agency = agency
        self.now = now
        startedAt = now
    }

    public var localizer: Localizer { Localizer(language, digits: digits) }

    /// The coverage rules as the store sets them, today in Libya.
    public var coverageRules: CoverageRules {
        CoverageRules(today: CalendarDate(libyaDayOf: now), gapDays: data.gapDays)
    }

    /// Arabic mirrors the layout only where Qanat orders the text itself: a terminal that does
    /// its own bidi mirrors each right-to-left line on its own.
    public var textLayout: TextLayout {
        TextLayout(mirrored: bidi == .app && language.isRightToLeft, reordered: bidi == .app)
    }

    /// Messages this desk's agency must acknowledge and has not.
    public func awaitsOurAcknowledgement(_ record: MessageRecord) -> Bool {
        record.awaits(agency, among: data.agencies)
    }

    /// The status bar's count: "999+" past the cap, so that counting never costs a long scan.
    public var unacknowledgedCount: String {
        let count = data.pendingAcknowledgements
        return count >= DeskData.pendingCountCap ? "\(DeskData.pendingCountCap - 1)+" : "\(count)"
    }

    /// Rows for a board (its header included) between the tab bar and the status bar; an alert's
    /// banner takes the last, so that it never covers a row.
    public var boardHeight: Int {
        let banner =
            realEmergency
            ? Band.height(StopBanner.text(data.stopMessage, localizer), width: width, screenHeight: height)
            : alerts.isEmpty ? 0 : 1
        return max(1, height - 2 - banner)
    }

    /// The exercise was stopped by its stop phrase: a real emergency, in a banner on every desk.
    public var realEmergency: Bool { exercise && data.exerciseRun?.status == .stopped(.stopPhrase) }

    /// Rows of the current board, for moving the selection.
    var rowCount: Int { rowCount(on: board) }

    func rowCount(on board: Board) -> Int {
        switch board {
        case .incidents: data.incidents.count
        case .units: UnitsBoard.rows(data.units, grouping: unitGrouping, localizer: localizer).count
        case .log: data.messages.count
        case .coverage: data.coverageRows.count
        case .risks: RiskBoard.levels.count
        case .performance: data.performanceRows.count
        case .map: 0
        }
    }

    /// False on the wall: its boards show rows, nobody selects one.
    public internal(set) var marksSelection = true

    func selectionMark(_ mark: SelectionMark) -> SelectionMark { marksSelection ? mark : .none }

    /// The row of `key` on the board it belongs to, if the board shows it.
    func row(of key: Selection.Key) -> Int? {
        switch key {
        case .incident(let reference): data.incidents.firstIndex { $0.incident.reference == reference }
        case .unit(let callSign):
            UnitsBoard.rows(data.units, grouping: unitGrouping, localizer: localizer).firstIndex { row in
                if case .unit(let record) = row { return record.unit.callSign == callSign }
                return false
            }
        case .message(let id): data.messages.firstIndex { $0.message.id == id }
        case .cell(let key): data.coverageRows.firstIndex { $0.area == key.area }
        case .riskCell(let cell): RiskBoard.row(of: cell.impact)
        case .metric(let key): data.performanceRows.firstIndex { PerformanceBoard.key($0) == key }
        case .area: nil
        }
    }

    /// The identity shown at `row` of the current board; nil for a group header.
    func key(atRow row: Int, on board: Board? = nil) -> Selection.Key? {
        switch board ?? self.board {
        case .incidents:
            return data.incidents.indices.contains(row) ? .incident(data.incidents[row].incident.reference) : nil
        case .units:
            let rows = UnitsBoard.rows(data.units, grouping: unitGrouping, localizer: localizer)
            guard rows.indices.contains(row), case .unit(let record) = rows[row] else { return nil }
            return .unit(record.unit.callSign)
        case .log:
            return data.messages.indices.contains(row) ? .message(data.messages[row].message.id) : nil
        case .coverage:
            let rows = data.coverageRows
            guard rows.indices.contains(row), case .area(let area, let cells) = rows[row] else { return nil }
            // Up and down keep the sector: the selection is an area and a sector. A first selection
            // takes the row's first sector that holds something.
            let first = coverageFilter.sector ?? Sector.allCases.first { cells[$0] != nil } ?? Sector.allCases[0]
            return .cell(CoverageCell.Key(area: area, sector: selection.cell?.sector ?? first))
        case .risks:
            // Up and down keep the likelihood: the selection is a cell of the matrix.
            guard let impact = RiskBoard.impact(atRow: row) else { return nil }
            return .riskCell(RiskCell(likelihood: selection.riskCell?.likelihood ?? 1, impact: impact))
        case .performance:
            let rows = data.performanceRows
            return rows.indices.contains(row) ? PerformanceBoard.key(rows[row]).map(Selection.Key.metric) : nil
        case .map: return nil
        }
    }

    /// The highlighted row: where the selected identity is on the board now, or nil when the
    /// board does not show it (filtered out, not loaded, or the log following live).
    public var selectedIndex: Int? {
        if board == .log, followingLog { return nil }
        return selection[board].flatMap(row(of:))
    }

    /// The row kept in view: the selection, else where it last stood; the newest message while
    /// the log follows live.
    public var viewRow: Int {
        let count = rowCount
        guard count > 0 else { return 0 }
        if board == .log, followingLog { return count - 1 }
        return min(max(0, selectedIndex ?? cursorRow[board] ?? 0), count - 1)
    }

    /// The selected incident: its row on the board, or the open detail when the board does not
    /// show it (opened by search or palette, closed, filtered out).
    public var selectedIncident: IncidentRecord? {
        guard board == .incidents, let reference = selection.incident else { return nil }
        if let record = data.incidents.first(where: { $0.incident.reference == reference }) { return record }
        if let detail = data.detail, detail.record.incident.reference == reference { return detail.record }
        return data.hiddenIncident.flatMap { $0.incident.reference == reference ? $0 : nil }
    }

    public var selectedUnit: Unit? {
        guard board == .units, let callSign = selection.unit else { return nil }
        return data.units.first { $0.unit.callSign == callSign }?.unit
    }

    /// Nil while the log follows live: the newest row changes under the officer's keys.
    public var selectedMessage: MessageRecord? {
        guard board == .log, !followingLog, let id = selection.message else { return nil }
        return data.messages.first { $0.message.id == id }
            ?? data.hiddenMessage.flatMap { $0.message.id == id ? $0 : nil }
    }

    /// After new rows arrived: a board with nothing selected selects its first row, by
    /// identity, so that later arrivals cannot move what is selected; a selection still on the
    /// board records where it stands.
    public mutating func settleSelection() {
        // A coverage cell its filter hides leaves the selection: the board's first cell is taken, so
        // that Enter and `n` act on what is shown.
        if let cell = selection.cell,
            row(of: .cell(cell)) == nil || (coverageFilter.sector.map { $0 != cell.sector } ?? false)
        {
            selection.cell = nil
        }
        for board in [Board.incidents, .units, .coverage, .risks, .performance] {
            if let key = selection[board] {
                if let row = row(of: key) { cursorRow[board] = row }
            } else if let first = (0..<rowCount(on: board)).first(where: { key(atRow: $0, on: board) != nil }) {
                selection[board] = key(atRow: first, on: board)
                cursorRow[board] = first
            }
        }
        if let id = selection.message, let row = row(of: .message(id)) { cursorRow[.log] = row }
        // The map's first selection is where it is worst, once its counts are read; then the officer's.
        if selection.area == nil, let tallies = data.areaTallies {
            selection.area = MapPlaces.worst(tallies, zoomedInto: mapDistrict)?.id
        }
    }

    /// The detail was read and the store has no such incident (a number typed at `:`): say so
    /// and close it, selecting nothing that does not exist.
    public mutating func detailRead() {
        if openMessage != nil, data.message == nil { openMessage = nil }
        if openUnit != nil, data.unitDetail == nil { openUnit = nil }
        if let id = openMessage { alertOpened(.message(id)) }
        if let reference = detailReference, data.detail != nil { alertOpened(.incident(reference)) }
        guard let reference = detailReference, data.detail == nil else {
            jumpedFrom = nil
            return
        }
        notice = "\(localizer(.noSuchIncident)) \(reference.rawValue)"
        detailReference = nil
        detailFocused = false
        if selection.incident == reference {
            selection.incident = jumpedFrom?.incident
            settleSelection()
        }
        if let origin = jumpedFrom { switchTo(origin.board) }
        jumpedFrom = nil
    }

    /// Search results arrived for `text`; ignored if the officer closed the search meanwhile.
    public mutating func showSearchResults(_ hits: [SearchHit], for text: String) {
        guard var search = picker, search.kind == .search else { return }
        search.entries = Picker.searchEntries(hits, localizer: localizer)
        search.answered = text
        search.selected = 0
        picker = search
    }

    /// Whether quitting now would drop typed text.
    public var holdsUnsentText: Bool { (form?.holdsTypedText ?? false) || drafts.values.contains { $0.holdsTypedText } }

    /// After a successful write: the form is done, its draft gone.
    public mutating func formSucceeded(_ message: String) {
        if let form { drafts[Self.draftKey(form.purpose)] = nil }
        form = nil
        notice = message
    }

    /// A field was refused: the form stays, with the error beside the field.
    public mutating func formRefused(field: String, message: String) {
        form?.show(error: message, field: field)
    }

    /// A refusal beside its field, named by the field's label in the desk's language (`إلى`, not
    /// the journal's `to`).
    public mutating func formRefused(_ error: ValidationError) { formRefused([error]) }

    /// Several fields' refusals, each beside its own field; the first wrong field takes the focus.
    public mutating func formRefused(_ errors: [ValidationError]) {
        let fields = form?.fields ?? []
        let shown = errors.map { error in
            let text = localizer(error)
            let prefix = error.field + ": "
            guard let label = fields.first(where: { $0.name == error.field })?.label, text.hasPrefix(prefix) else {
                return (field: error.field, message: text)
            }
            return (field: error.field, message: localizer(label) + ": " + text.dropFirst(prefix.count))
        }
        form?.show(errors: shown)
    }

    static func draftKey(_ purpose: FormPurpose) -> String { "\(purpose)" }

    /// Opens a form, or the draft of one kept with Esc (not for a reply, whose recipients are set).
    /// `chosen` names the fields the officer chose by where they opened it (the map's place): the
    /// draft takes them.
    mutating func open(_ fresh: Form, keepingDraft: Bool = true, chosen: Set<String> = []) {
        if let readOnly {
            notice = localizer(readOnly)
            return
        }
        if keepingDraft, var draft = drafts[Self.draftKey(fresh.purpose)] {
            draft.restored = true
            // A draft about no incident takes the one selected now; one about an incident keeps it.
            if draft.fields.contains(where: { $0.name == "incident" }), draft.value("incident").isEmpty {
                draft.set("incident", fresh.value("incident"))
            }
            for name in chosen where !fresh.value(name).isEmpty { draft.set(name, fresh.value(name)) }
            form = draft
        } else {
            form = fresh
        }
        notice = nil
    }
}
