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
            // Then the area, when one is chosen (Enter on the map): its name is in every row as well.
            let area = state.incidentQuery.area.flatMap {
                Gazetteer.libya.area(id: $0).map { " · " + l($0.shortNames) }
            }
            note = (state.incidentQuery.isFiltering ? l(.filtered) + " · " : "") + order + (area ?? "")
        }
        if state.board == .units { note = state.unitGrouping == .status ? l(.groupedByStatus) : l(.groupedByAgency) }
        if state.board == .log {
            note = describe(state.logQuery, l)
            // What awaits us may be more than the window holds: say that the oldest are not shown.
            let owed = state.data.pendingAcknowledgements
            if state.logQuery.awaitingAcknowledgementBy == state.agency, owed > state.data.messages.count,
                !state.data.logWindowPartial
            {
                note +=
                    " · \(l(.showingNewest)) \(l.number(state.data.messages.count))/\(l.number(state.unacknowledgedCount))"
            }
        }
        if state.board == .coverage {
            note = describe(
                state.coverageFilter, cells: state.data.coverage, l, compact: state.width < DeskView.sideBySideWidth)
        }
        if tooSmall {
            // Below the size the boards are laid out for, columns and rows go: say so, not silently.
            x +=
                1 + frame.put("⚠ \(l(.screenTooSmall)) ", x: x + 1, y: 0, role: .statusBusy, limit: frame.width - x - 1)
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
    static func describe(_ filter: CoverageFilter, cells: [CoverageCell], _ l: Localizer, compact: Bool = false)
        -> String
    {
        let parts = [
            filter.district.flatMap { Gazetteer.libya.area(id: $0)?.name(in: l.language) }, filter.sector.map { l($0) },
            filter.kind.map { l($0) },
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
    /// their order and the separators stay between them when the bar is mirrored. Where the bar is
    /// too narrow for every part (80 columns in Arabic at a site cut off from the hub), the parts
    /// an officer can best do without go first: "live", then the clock, then who is on duty; what
    /// awaits acknowledgement and what waits to go out always stay.
    static func drawStatus(_ state: DeskState, into frame: inout Frame) {
        let l = state.localizer
        let y = frame.height - 1
        frame.fill(row: y, role: .statusBar)
        var parts: [StatusPart] = []
        if state.exercise { parts.append(StatusPart(exerciseStatus(state), role: .severityExtreme)) }
        parts.append(StatusPart(l.clock(state.now) + " " + l(.libyaTime), spared: 2))
        // Between shifts on a duty terminal nobody is on it: not the officer who signed off.
        parts.append(
            StatusPart(
                state.shift == .awaitingSignOn ? l(.awaitingSignOn) : "\(state.officer) @ \(state.agency)", spared: 1))
        if state.readOnly != nil { parts.append(StatusPart(l(.readOnly), role: .statusBusy)) }
        parts.append(
            StatusPart(
                "\(l(.unacknowledged)): \(l.number(state.unacknowledgedCount))",
                role: state.data.pendingAcknowledgements > 0 ? .unacknowledged : .statusBar))
        let (health, role, spared): (String, StyleRole, Int) =
            switch state.store {
            case .live: (l(.live), .statusLive, 3)
            case .busy: (l(.busy), .statusBusy, 0)
            case .offline: (l(.offline), .statusOffline, 0)
            case .serviceAway: (l(.serviceAway), .statusOffline, 0)
            }
        parts.append(StatusPart(health, role: role, spared: spared))
        // A site cut off from the hub works on: its officers see so, and how much waits to go out.
        if let relay = state.data.relay, !relay.reachable {
            parts.append(
                StatusPart("\(l(.hubCutOff)) · \(l(.toSend)): \(l.number(relay.waiting))", role: .statusOffline))
        }
        if state.backlog > 0 {
            parts.append(StatusPart("\(l(.waiting)): \(l.number(state.backlog))", role: .statusBusy))
        }
        var x = 0
        for part in StatusPart.fitting(parts, width: frame.width) {
            if x > 0 { x += frame.put("│", x: x, y: y, role: .statusBar) }
            x += frame.put(" \(part.text) ", x: x, y: y, role: part.role)
        }
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

/// One field of the desk's status bar, and how readily it gives way on a narrow terminal (0: never).
struct StatusPart {
    let text: String
    let role: StyleRole
    let spared: Int

    init(_ text: String, role: StyleRole = .statusBar, spared: Int = 0) {
        self.text = text
        self.role = role
        self.spared = spared
    }

    var width: Int { DisplayWidth.of(text) + 2 }

    /// `parts` without those that give way first, until they and their separators fit in `width`.
    static func fitting(_ parts: [StatusPart], width: Int) -> [StatusPart] {
        var kept = parts
        func total() -> Int { kept.reduce(0) { $0 + $1.width } + max(0, kept.count - 1) }
        while total() > width,
            let readiest = kept.indices.filter({ kept[$0].spared > 0 }).max(by: {
                kept[$0].spared < kept[$1].spared
            })
        {
            kept.remove(at: readiest)
        }
        return kept
    }
}
