import QanatCore
import QanatText

/// The tab bar (row 0) and the status bar (last row).
enum Chrome {
    static func drawTabs(_ state: DeskState, into frame: inout Frame) {
        let l = state.localizer
        frame.fill(row: 0, role: .tabInactive)
        var x = frame.put(" \(l(.appName)) ", x: 0, y: 0, role: .title) + 1
        for board in Board.allCases {
            let label = " F\(board.functionKey) \(l(board.title)) "
            x += frame.put(label, x: x, y: 0, role: board == state.board ? .tabActive : .tabInactive) + 1
        }
        var note = ""
        if state.board == .incidents {
            note = l(state.incidentQuery.order) + (state.incidentQuery.isFiltering ? " · " + l(.filtered) : "")
        }
        if state.board == .units { note = state.unitGrouping == .status ? l(.groupedByStatus) : l(.groupedByAgency) }
        if state.board == .log { note = describe(state.logQuery, l) }
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

    static func drawStatus(_ state: DeskState, into frame: inout Frame) {
        let l = state.localizer
        let y = frame.height - 1
        frame.fill(row: y, role: .statusBar)
        var x = frame.put(" \(LibyaTime.clock(state.now, seconds: true)) LY ", x: 0, y: y, role: .statusBar)
        x += frame.put("│ \(state.officer) @ \(state.agency) ", x: x, y: y, role: .statusBar)
        let unack = state.data.pendingAcknowledgements
        x += frame.put("│ \(l(.unacknowledged)): \(state.unacknowledgedCount) ", x: x, y: y,
                       role: unack > 0 ? .unacknowledged : .statusBar)
        let (health, role): (String, StyleRole) = switch state.store {
        case .live: (l(.live), .statusLive)
        case .busy: (l(.busy), .statusBusy)
        case .offline: (l(.offline), .statusOffline)
        }
        x += frame.put("│ ", x: x, y: y, role: .statusBar)
        x += frame.put(health, x: x, y: y, role: role)
        if state.backlog > 0 { x += frame.put(" (\(l(.waiting)): \(state.backlog))", x: x, y: y, role: .statusBusy) }
        if case .offline(let reason) = state.store, state.notice == nil {
            // Why, so the officer can act (no store yet: `qanat init`).
            frame.put(" " + reason, x: x, y: y, role: .statusBar, limit: frame.width - x)
            return
        }
        if let notice = state.notice {
            frame.put("│ " + notice, x: x + 1, y: y, role: .statusBar, limit: frame.width - x - 1)
            return
        }
        let hint = " ? \(l(.help)) "
        let hintWidth = hint.count
        if x + hintWidth + 1 <= frame.width { frame.put(hint, x: frame.width - hintWidth, y: y, role: .key) }
    }
}

/// `?`: every key binding, over the board.
enum HelpOverlay {
    static func draw(_ state: DeskState, into frame: inout Frame) {
        let l = state.localizer
        let lines = DeskCommands.all.map { ($0.keys, l($0.text)) }
        let keyWidth = lines.map { $0.0.count }.max() ?? 0
        let width = min(frame.width - 2, max(40, keyWidth + 3 + (lines.map { $0.1.count }.max() ?? 0) + 2))
        let height = min(frame.height - 2, lines.count + 4)
        let x = (frame.width - width) / 2
        let top = (frame.height - height) / 2
        for y in top..<(top + height) { frame.fill(x: x, y: y, width: width, role: .overlay) }
        frame.put(" \(l(.help)) ", x: x + 2, y: top, role: .title)
        for (index, (key, text)) in lines.enumerated() where top + 1 + index < top + height - 2 {
            frame.put(key, x: x + 2, y: top + 1 + index, role: .key, limit: keyWidth)
            frame.put(text, x: x + 3 + keyWidth, y: top + 1 + index, role: .overlay, limit: width - keyWidth - 4)
        }
        frame.put(l(.helpClose), x: x + 2, y: top + height - 1, role: .dim, limit: width - 3)
    }
}

/// The whole desk: tab bar, the board (and the detail pane), the status bar, any overlay.
public enum DeskView {
    /// At this width and more the detail pane sits beside the board; below, it replaces it.
    static let sideBySideWidth = 120

    public static func render(_ state: DeskState) -> Frame {
        var frame = Frame(width: state.width, height: state.height)
        guard state.width >= 20, state.height >= 5 else {
            frame.put(state.localizer(.appName), x: 0, y: 0, role: .title)
            return frame
        }
        Chrome.drawTabs(state, into: &frame)
        switch state.board {
        case .incidents where state.showingDetail:
            if state.width >= sideBySideWidth {
                let listWidth = state.width * 55 / 100
                IncidentsBoard.draw(state, into: &frame, width: listWidth)
                DetailPane.draw(state, into: &frame, x: listWidth + 1, width: state.width - listWidth - 1)
            } else {
                DetailPane.draw(state, into: &frame, x: 0, width: state.width)
            }
        case .incidents: IncidentsBoard.draw(state, into: &frame, width: state.width)
        case .units: UnitsBoard.draw(state, into: &frame, width: state.width)
        case .log: LogBoard.draw(state, into: &frame, width: state.width)
        }
        Chrome.drawStatus(state, into: &frame)
        if state.overlay == .help { HelpOverlay.draw(state, into: &frame) }
        if let picker = state.picker { PickerOverlay.draw(picker, state: state, into: &frame) }
        if let form = state.form { FormOverlay.draw(form, state: state, into: &frame) }
        if state.confirmingQuit {
            let text = " " + state.localizer(.quitWithDraft) + " "
            let y = state.height / 2
            let x = max(0, (state.width - DisplayWidth.of(text)) / 2)
            frame.put(text, x: x, y: y, role: .unacknowledged)
        }
        return frame
    }
}
