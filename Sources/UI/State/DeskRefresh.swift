import QanatCore

/// The windows of the desk a change in the store calls to be read again.
public struct DeskRefresh: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let incidents = DeskRefresh(rawValue: 1 << 0)
    public static let units = DeskRefresh(rawValue: 1 << 1)
    /// The log's window, its acknowledgement markers and the unacknowledged count.
    public static let messages = DeskRefresh(rawValue: 1 << 2)
    public static let agencies = DeskRefresh(rawValue: 1 << 3)
    public static let detail = DeskRefresh(rawValue: 1 << 4)
    /// The coverage board: needs, activities, pledges, organisations and the store's settings.
    public static let coordination = DeskRefresh(rawValue: 1 << 5)
    /// The risk register's board.
    public static let risks = DeskRefresh(rawValue: 1 << 6)
    /// The performance board: response times and targets.
    public static let performance = DeskRefresh(rawValue: 1 << 7)
    /// The exercise's play: running, paused or stopped, and its injects.
    public static let exercise = DeskRefresh(rawValue: 1 << 8)
    /// The map's counts: open incidents and committed units by area.
    public static let map = DeskRefresh(rawValue: 1 << 9)
    public static let all: DeskRefresh = [
        .incidents, .units, .messages, .agencies, .detail, .coordination, .risks, .performance, .exercise, .map,
    ]

    /// What to read after `changes`, for a desk whose open detail (if any) is `detail`.
    public static func after(
        _ changes: StoreChanges, detail: IncidentReference?, message: EventID? = nil, unit: CallSign? = nil
    ) -> DeskRefresh {
        guard let subjects = changes.subjects else { return .all }
        var refresh: DeskRefresh = []
        for subject in subjects {
            switch subject {
            // A new agency is owed acknowledgements of earlier broadcasts.
            case .agency: refresh.formUnion([.agencies, .messages, .coordination])
            case .incident(let reference):
                refresh.formUnion([.incidents, .map])
                if reference == detail { refresh.insert(.detail) }
            // The open unit's detail shows its status and history.
            case .unit(let callSign): refresh.formUnion(callSign == unit ? [.units, .detail, .map] : [.units, .map])
            // A message may be linked to the open incident: its timeline shows it.
            // An acknowledgement of the open message changes its detail.
            case .message(let id): refresh.formUnion(detail == nil && id != message ? .messages : [.messages, .detail])
            // No board shows members or shifts (the desk re-reads its own access on every reload).
            // Nor reports written to files.
            case .member, .officer, .report: break
            case .need, .activity, .pledge, .setting: refresh.insert(.coordination)
            case .risk: refresh.insert(.risks)
            case .target: refresh.insert(.performance)
            case .exercise: refresh.insert(.exercise)
            }
            // Response times move with incidents, assignments and acknowledgements.
            switch subject {
            case .incident, .unit, .message: refresh.insert(.performance)
            default: break
            }
        }
        return refresh
    }
}

/// What one read of the store does after a change: the windows, and where the log and the coverage
/// board can be kept up from what changed alone. Decided here, once, for the desk's loop.
public struct ReloadPlan: Equatable, Sendable {
    public var refresh: DeskRefresh
    /// The messages new events touched: the log's window is kept up from these alone
    /// (`LogWindow`); nil reads it whole.
    public var changedMessages: Set<EventID>?
    /// The needs, activities and pledges new events touched: the coverage board reads only the
    /// cells they lie in; nil reads it whole.
    public var changedRecords: Set<Subject>?
    /// The incidents new events touched: the map reads again only the areas they lie in; nil
    /// reads it whole.
    public var changedIncidents: Set<IncidentReference>?
    /// Members or a shift changed: who this desk is to the store must be learned again.
    public var access: Bool

    public init(
        refresh: DeskRefresh, changedMessages: Set<EventID>? = nil, changedRecords: Set<Subject>? = nil,
        changedIncidents: Set<IncidentReference>? = nil, access: Bool = true
    ) {
        self.refresh = refresh
        self.changedMessages = changedMessages
        self.changedRecords = changedRecords
        self.changedIncidents = changedIncidents
        self.access = access
    }
}

extension DeskRefresh {
    /// The plan for reading `asked` (a key's new filter, a detail opened) and whatever `changes`
    /// touched, on `state`; `firstRead` when nothing was read before.
    public static func plan(asked: DeskRefresh, changes: StoreChanges, firstRead: Bool, state: DeskState) -> ReloadPlan
    {
        let refresh = asked.union(
            after(changes, detail: state.detailReference, message: state.openMessage, unit: state.openUnit))
        let subjects = firstRead ? nil : changes.subjects
        // Messages posted or acknowledged update the log's window by themselves, unless the
        // window was asked for whole (a new filter) or agencies changed who owes what.
        let changedMessages =
            asked.contains(.messages) || refresh.contains(.agencies)
            ? nil
            : subjects.map {
                Set($0.compactMap { subject -> EventID? in if case .message(let id) = subject { id } else { nil } })
            }
        // Needs, activities and pledges read again only the cells they lie in, unless the board
        // was asked for whole (a new filter) or a setting or an organisation changed.
        let changedRecords =
            asked.contains(.coordination)
            ? nil
            : subjects.flatMap { subjects -> Set<Subject>? in
                subjects.contains(where: \.changesEveryCell) ? nil : subjects.filter(\.isCoordinationRecord)
            }
        // The map reads again only the areas of the incidents touched, unless asked for whole.
        let changedIncidents =
            asked.contains(.map)
            ? nil
            : subjects.map {
                Set(
                    $0.compactMap { subject -> IncidentReference? in
                        if case .incident(let reference) = subject { reference } else { nil }
                    })
            }
        return ReloadPlan(
            refresh: refresh, changedMessages: changedMessages, changedRecords: changedRecords,
            changedIncidents: changedIncidents, access: changes.subjects?.contains(where: \.concernsAccess) ?? true)
    }
}

private extension Subject {
    var concernsAccess: Bool {
        switch self {
        case .member, .officer: true
        default: false
        }
    }

    var isCoordinationRecord: Bool {
        switch self {
        case .need, .activity, .pledge: true
        default: false
        }
    }

    var changesEveryCell: Bool {
        switch self {
        case .setting, .agency: true
        default: false
        }
    }
}
