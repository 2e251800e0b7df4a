import QanatCore
import QanatText

/// The tab bar (row 0) and the status bar (last row).
enum Chrome {
    static func drawTabs(_ state: DeskState, into frame: inout Frame) {
        let l = state.localizer
        frame.fill(row: 0, role: .tabInactive)
        var x = frame.put(" \(l(.appName)) ", x: 0, y: 0, role: .title) + 1
        // Below a wide screen only the current board is named: the note beside the tabs (a filter,
        // the flags' counts) needs the room more than the other boards' names.
        let compact = state.width < 140
        let tooSmall = state.width < DeskView.smallest.width || state.height < DeskView.smallest.height
        for board in Board.allCases {
            let named = board == state.board ? !tooSmall : !compact
            let label = named ? " F\(board.functionKey) \(l(board.title)) " : " F\(board.functionKey) "
            x += frame.put(label, x: x, y: 0, role: board == state.board ? .tabActive : .tabInactive) + 1
        }
        var note = ""
        if state.board == .incidents {
            // Closed incidents come latest closed first, whatever the order chosen (see the store's query).
            let order = state.incidentQuery.status == .closed ? l(.latestClosedFirst) : l(state.incidentQuery.order)
            // `filtered` first: at 80 columns the order may be cut, never that.
            note = (state.incidentQuery.isFiltering ? l(.filtered) + " · " : "") + order
        }
        if state.board == .units { note = state.unitGrouping == .status ? l(.groupedByStatus) : l(.groupedByAgency) }
        if state.board == .log {
            note = describe(state.logQuery, l)
            // What awaits us may be more than the window holds: say that the oldest are not shown.
            let owed = state.data.pendingAcknowledgements
            if state.logQuery.awaitingAcknowledgementBy == state.agency, owed > state.data.messages.count, !state.data.logWindowPartial {
                note += " · \(l(.showingNewest)) \(l.number(state.data.messages.count))/\(l.number(state.unacknowledgedCount))"
            }
        }
        if state.board == .coverage {
            note = describe(state.coverageFilter, cells: state.data.coverage, l, compact: state.width < DeskView.sideBySideWidth)
        }
        if tooSmall {
            // Below the size the boards are laid out for, columns and rows go: say so, not silently.
            x += 1 + frame.put("⚠ \(l(.screenTooSmall)) ", x: x + 1, y: 0, role: .statusBusy, limit: frame.width - x - 1)
            let size = l.number("\(DeskView.smallest.width)×\(DeskView.smallest.height)")
            x += frame.put(size, x: x, y: 0, role: .statusBusy, limit: frame.width - x, paragraph: .leftToRight)
        }
        if !note.isEmpty { frame.put("[\(note)]", x: x + 1, y: 0, role: .tabInactive, limit: frame.width - x - 1) }
    }

    /// The log's filter in a few words: `CD · INC-2026-0004 · ≥ immediate · unacknowledged`.
    static func describe(_ query: MessageQuery, _ l: Localizer) -> String {
        let parts = [
            query.agency?.rawValue, query.incident?.rawValue, query.minimumPriority.map { "≥ " + l($0) },
            query.awaitingAcknowledgementBy.map { _ in l(.filterUnacknowledged) },
        ].compactMap { $0 }
        return parts.isEmpty ? l(.filterAll) : parts.joined(separator: " · ")
    }

    /// The coverage board's filter and its flags counted: `Derna · shelter · gap 3 · duplicated 1`.
    /// Compact on a narrow screen: the letters and their counts (`D 1 · G 3 · L 0`), the names in the help.
    static func describe(_ filter: CoverageFilter, cells: [CoverageCell], _ l: Localizer, compact: Bool = false) -> String {
        let parts = [
            filter.district.flatMap { Gazetteer.libya.area(id: $0)?.name(in: l.language) }, filter.sector.map { l($0) }, filter.kind.map { l($0) },
        ].compactMap { $0 }
        // Each flag's letter beside its name: the legend of the board's cells, and their count.
        let counts = CoverageFlag.allCases.map { flag in
            (compact ? [CoverageBoard.letter(flag, l)] : [CoverageBoard.letter(flag, l), l(flag)])
                .joined(separator: " ") + " " + l.number(cells.filter { $0.flags.contains(flag) }.count)
        }
        return ((parts.isEmpty ? (compact ? [] : [l(.filterAll)]) : parts) + counts).joined(separator: " · ")
    }

    /// `EXERCISE`, and what play is doing: paused, or stopped and why.
    static func exerciseStatus(_ state: DeskState) -> String {
        let l = state.localizer
        switch state.data.exerciseRun?.status {
        case .paused: return "\(l(.exercise)) · \(l(.exercisePaused))"
        case .stopped(let reason): return "\(l(.exerciseStopped)) · \(l(reason))"
        case .running, nil: return l(.exercise)
        }
    }

    /// Clock, who is on duty, what awaits acknowledgement, the store's health, then the last
    /// notice or the help hint. Each part is its own field, so Arabic and English parts keep
    /// their order and the separators stay between them when the bar is mirrored.
    static func drawStatus(_ state: DeskState, into frame: inout Frame) {
        let l = state.localizer
        let y = frame.height - 1
        frame.fill(row: y, role: .statusBar)
        var x = 0
        func part(_ text: String, role: StyleRole = .statusBar) {
            if x > 0 { x += frame.put("│", x: x, y: y, role: .statusBar) }
            x += frame.put(" \(text) ", x: x, y: y, role: role)
        }
        if state.exercise { part(exerciseStatus(state), role: .severityExtreme) }
        part(l.clock(state.now) + " " + l(.libyaTime))
        // Between shifts on a duty terminal nobody is on it: not the officer who signed off.
        part(state.shift == .awaitingSignOn ? l(.awaitingSignOn) : "\(state.officer) @ \(state.agency)")
        if state.readOnly != nil { part(l(.readOnly), role: .statusBusy) }
        part("\(l(.unacknowledged)): \(l.number(state.unacknowledgedCount))",
             role: state.data.pendingAcknowledgements > 0 ? .unacknowledged : .statusBar)
        let (health, role): (String, StyleRole) = switch state.store {
        case .live: (l(.live), .statusLive)
        case .busy: (l(.busy), .statusBusy)
        case .offline: (l(.offline), .statusOffline)
        }
        part(health, role: role)
        if state.backlog > 0 { part("\(l(.waiting)): \(l.number(state.backlog))", role: .statusBusy) }
        // The last notice, or why the store is offline so the officer can act (no store yet: `qanat init`).
        var last = state.notice
        if case .offline(let reason) = state.store, last == nil { last = reason }
        if let last {
            x += frame.put("│", x: x, y: y, role: .statusBar)
            // Too long for what is left of the bar: whole, in a band of its own above it.
            guard DisplayWidth.of(UntrustedText.sanitized(last)) <= frame.width - x - 1 else {
                Band.draw(last, role: .overlay, bottom: y - 1, into: &frame)
                return
            }
            frame.put(last, x: x + 1, y: y, role: .statusBar, limit: frame.width - x - 1)
            return
        }
        let hint = " ? \(l(.help)) "
        let hintWidth = DisplayWidth.of(hint)
        if x + hintWidth + 1 <= frame.width { frame.put(hint, x: frame.width - hintWidth, y: y, role: .key) }
    }
}

/// `?`: every key binding, over the board, in pages where the screen is short (80×24).
enum HelpOverlay {
    static func geometry(_ state: DeskState) -> (width: Int, height: Int, perPage: Int, pages: Int) {
        let l = state.localizer
        let shown = KeyBindings.shown(on: state.board, exercise: state.exercise)
        let keyWidth = keyColumnWidth(shown)
        let textWidth = shown.map { DisplayWidth.of(l($0.text)) }.max() ?? 0
        let width = min(state.width - 2, max(40, keyWidth + 3 + textWidth + 2))
        let height = min(state.height - 2, shown.count + 4)
        let perPage = max(1, height - 3)
        return (width, height, perPage, (shown.count + perPage - 1) / perPage)
    }

    private static func keyColumnWidth(_ shown: [KeyBinding]) -> Int {
        shown.map { DisplayWidth.of($0.label) }.max() ?? 0
    }

    static func draw(_ state: DeskState, into frame: inout Frame) {
        let l = state.localizer
        let (width, height, perPage, pages) = geometry(state)
        let page = min(state.helpPage, pages - 1)
        let shown = KeyBindings.shown(on: state.board, exercise: state.exercise)
        let lines = shown.dropFirst(page * perPage).prefix(perPage).map { ($0.label, l($0.text)) }
        let keyWidth = keyColumnWidth(shown)
        let x = (frame.width - width) / 2
        let top = (frame.height - height) / 2
        for y in top..<(top + height) { frame.fill(x: x, y: y, width: width, role: .overlay) }
        let name = "\(l(.help)): \(l(state.board.title))"
        let title = pages > 1 ? " \(name) \(l.number(page + 1))/\(l.number(pages)) " : " \(name) "
        frame.put(title, x: x + 2, y: top, role: .title)
        for (index, (key, text)) in lines.enumerated() {
            frame.put(key, x: x + 2, y: top + 1 + index, role: .key, limit: keyWidth)
            frame.put(text, x: x + 3 + keyWidth, y: top + 1 + index, role: .overlay, limit: width - keyWidth - 4)
        }
        let footer = (pages > 1 ? l.pieces(.helpPages) : []) + l.pieces(.helpClose)
        frame.put(pieces: footer, x: x + 2, y: top + height - 1, role: .dim, limit: width - 3)
    }
}

/// The whole desk: tab bar, the board (and the detail pane), the status bar, any overlay.
public enum DeskView {
    /// At this width and more the detail pane sits beside the board; below, it replaces it.
    static let sideBySideWidth = 120
    /// The least size every board shows all of its columns at.
    static let smallest = (width: 80, height: 24)

    public static func render(_ state: DeskState) -> Frame {
        var frame = Frame(width: state.width, height: state.height, layout: state.textLayout)
        guard state.width >= 20, state.height >= 5 else {
            frame.put(state.localizer(.appName), x: 0, y: 0, role: .title)
            return frame
        }
        Chrome.drawTabs(state, into: &frame)
        switch state.board {
        case .incidents where state.showingDetail, .units where state.showingDetail, .log where state.showingDetail,
             .coverage where state.showingDetail, .risks where state.showingDetail:
            let (x, _) = DetailPane.placement(state)
            if x > 0 { drawBoard(state, into: &frame, width: x - 1) }
            DetailPane.draw(state, into: &frame)
        default: drawBoard(state, into: &frame, width: state.width)
        }
        if state.realEmergency {
            // Above any alert, whole: play is over on every desk and what comes now is real.
            Band.draw(StopBanner.text(state.data.stopMessage, state.localizer), role: .severityExtreme, bottom: state.height - 2, into: &frame)
        } else if let alert = state.alerts.first {
            drawAlert(alert, more: state.alerts.count - 1, state: state, into: &frame)
        }
        Chrome.drawStatus(state, into: &frame)
        if let handover = state.handover { HandoverOverlay.draw(handover, state: state, into: &frame) }
        if state.overlay == .help { HelpOverlay.draw(state, into: &frame) }
        if let picker = state.picker { PickerOverlay.draw(picker, state: state, into: &frame) }
        if let form = state.form { FormOverlay.draw(form, state: state, into: &frame) }
        if state.confirmingQuit { drawQuestion(state.localizer(.quitWithDraft), state: state, into: &frame) }
        if let number = state.confirmingSkip, let inject = state.data.exerciseRun?.injects[number] {
            let l = state.localizer
            drawQuestion("\(l(.skipInjectQuestion)) \(l.number(number)) (\(inject.from) → \(inject.to.codes.joined(separator: ", ")): "
                         + "\(DisplayWidth.truncate(inject.text, to: 30)))? \(l(.yesNo))", state: state, into: &frame)
        }
        return frame
    }

    /// A question in a band of its own: a row above and below, so no text of the form shows around it.
    static func drawQuestion(_ text: String, state: DeskState, into frame: inout Frame) {
        let bandWidth = min(state.width, DisplayWidth.of(text) + 4)
        let x = (state.width - bandWidth) / 2
        let y = state.height / 2
        for row in max(0, y - 1)...min(state.height - 1, y + 1) { frame.fill(x: x, y: row, width: bandWidth, role: .unacknowledged) }
        frame.put(text, x: x + 2, y: y, role: .unacknowledged, limit: max(0, bandWidth - 4))
    }

    static func drawBoard(_ state: DeskState, into frame: inout Frame, width: Int) {
        switch state.board {
        case .incidents: IncidentsBoard.draw(state.boardInput, into: &frame, width: width)
        case .units: UnitsBoard.draw(state.boardInput, into: &frame, width: width)
        case .log: LogBoard.draw(state.boardInput, into: &frame, width: width)
        case .coverage: CoverageBoard.draw(state.boardInput, into: &frame, width: width)
        case .risks: RiskBoard.draw(state.boardInput, into: &frame, width: width)
        case .performance: PerformanceBoard.draw(state.boardInput, into: &frame, width: width)
        }
    }

    /// The banner above the status bar: the newest alert, and how many more wait behind it.
    static func drawAlert(_ alert: DeskAlert, more: Int, state: DeskState, into frame: inout Frame) {
        let l = state.localizer
        let y = state.height - 2
        frame.fill(row: y, role: .unacknowledged)
        let hint = (more > 0 ? "+\(l.number(more)) · " : "") + l(.alertOpen)
        let hintWidth = DisplayWidth.of(hint)
        var x = frame.put("⚠", x: 0, y: y, role: .unacknowledged) + 1
        let (head, body) = alert.parts(state.localizer)
        let end = state.width - hintWidth - 2
        x += frame.put(head, x: x, y: y, role: .unacknowledged, limit: max(0, end - x))
        x += frame.put(" — ", x: x, y: y, role: .unacknowledged, limit: max(0, end - x))
        frame.put(body, x: x, y: y, role: .unacknowledged, limit: max(0, end - x))
        frame.put(hint, x: state.width - hintWidth - 1, y: y, role: .unacknowledged)
    }
}

/// Text longer than the row it belongs to (a refusal, the draft notice, the stop of an exercise),
/// shown whole: wrapped in a band of rows that ends at `bottom`, a cell of margin each side, as
/// the quit question has a band of its own. At most a third of the screen; past that it is cut.
enum Band {
    static func draw(_ text: String, role: StyleRole, bottom: Int, into frame: inout Frame) {
        let room = max(1, frame.height / 3)
        var lines = WrappedLine.wrap(text, width: max(1, frame.width - 2))
        if lines.count > room { lines = Array(lines.prefix(room)) }
        for (index, line) in lines.enumerated() {
            let y = bottom - (lines.count - 1 - index)
            guard y >= 1 else { continue }
            frame.fill(row: y, role: role)
            frame.put(line: line, x: 1, y: y, role: role, limit: frame.width - 2)
        }
    }

    /// The rows `text` takes in a band across `width`.
    static func height(_ text: String, width: Int, screenHeight: Int) -> Int {
        min(max(1, screenHeight / 3), WrappedLine.wrap(text, width: max(1, width - 2)).count)
    }
}
