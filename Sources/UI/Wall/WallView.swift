import QanatCore
import QanatText

/// The wall display: from the top, a title with the clock, the EXERCISE and stale-data banners,
/// the counters, the latest flash and immediate messages, then one of the desk's boards in turn.
/// On a large screen counters and clock are five rows high.
public enum WallView {
    /// Big figures need this much room; below it they are one line each.
    static let bigWidth = 100
    static let bigHeight = 30

    public static func render(_ state: WallState) -> Frame {
        var frame = Frame(width: state.width, height: state.height, layout: state.textLayout)
        guard state.width >= 20, state.height >= 8 else {
            frame.put(state.localizer(.appName), x: 0, y: 0, role: .title)
            return frame
        }
        if case .unreadable(let reason) = state.health {
            // No figures at all rather than old ones or zeros: the room must not trust this screen.
            drawTitle(state, into: &frame, clockInTitle: true)
            drawUnreadable(state, reason: reason, into: &frame)
            drawFooter(state, into: &frame)
            return frame
        }
        let big = state.width >= bigWidth && state.height >= bigHeight
        let counters = counters(state)
        let counterRows =
            big
            ? bigCounterRows(counters, width: state.width - clockWidth) : smallCounterRows(counters, width: state.width)
        let banners = banners(state)
        // Pinned flash messages get lines of their own: the latest list keeps all of its lines,
        // so that a burst of new messages still reaches the room.
        let pinnedLines = min(state.figures.pinnedFlash.count, big ? 3 : 1)
        let urgentLines = (big ? 5 : 3) + pinnedLines
        let countersTop = 1 + banners.count
        let urgentTop = countersTop + (big ? counterRows.count * (BigDigits.height + 2) : counterRows.count)
        let boardTop = urgentTop + 1 + urgentLines + 1
        // The board first: its frame's blank edges are then covered by what is drawn around it.
        if boardTop + 2 < state.height - 1 { drawBoard(state, into: &frame, top: boardTop, bottom: state.height - 1) }
        drawTitle(state, into: &frame, clockInTitle: !big)
        for (index, banner) in banners.enumerated() {
            frame.fill(row: 1 + index, role: banner.role)
            let width = DisplayWidth.of(banner.text)
            frame.put(banner.text, x: max(0, (state.width - width) / 2), y: 1 + index, role: banner.role)
        }
        if big {
            drawBigClock(state, into: &frame, top: countersTop)
            for (line, row) in counterRows.enumerated() {
                drawBig(row, into: &frame, top: countersTop + line * (BigDigits.height + 2))
            }
        } else {
            for (line, row) in counterRows.enumerated() { drawSmall(row, state, into: &frame, y: countersTop + line) }
        }
        drawUrgent(state, into: &frame, top: urgentTop, lines: urgentLines, pinned: pinnedLines)
        drawFooter(state, into: &frame)
        return frame
    }

    // MARK: Counters

    struct Counter {
        var label: String
        var value: String
        var role: StyleRole
    }

    static func counters(_ state: WallState) -> [Counter] {
        let l = state.localizer
        let f = state.figures
        var list = Severity.allCases.reversed().map { severity in
            let n = f.openIncidents[severity] ?? 0
            return Counter(
                label: l(.wallOpen) + " · " + l(severity), value: String(n), role: n > 0 ? severity.role : .dim)
        }
        list.append(Counter(label: l(.wallUnitsAvailable), value: String(f.unitsAvailable), role: .title))
        list.append(Counter(label: l(.wallUnitsCommitted), value: String(f.unitsCommitted), role: .title))
        let unacknowledged =
            f.unacknowledgedUrgent >= WallFigures.unacknowledgedCap
            ? "\(WallFigures.unacknowledgedCap)+" : String(f.unacknowledgedUrgent)
        list.append(
            Counter(
                label: l(.wallUnacknowledgedUrgent), value: unacknowledged,
                role: f.unacknowledgedUrgent > 0 ? .priorityFlash : .dim))
        return list
    }

    static let counterGap = 3

    static func bigWidth(_ counter: Counter) -> Int {
        max(DisplayWidth.of(counter.label), BigDigits.width(counter.value))
    }

    /// Counters in lines that fit `width`.
    static func bigCounterRows(_ counters: [Counter], width: Int) -> [[Counter]] {
        flow(counters, width: width) { bigWidth($0) }
    }

    static func smallCounterRows(_ counters: [Counter], width: Int) -> [[Counter]] {
        flow(counters, width: width) { DisplayWidth.of($0.label) + 1 + $0.value.count }
    }

    private static func flow(_ counters: [Counter], width: Int, measure: (Counter) -> Int) -> [[Counter]] {
        var rows: [[Counter]] = [[]]
        var used = 1
        for counter in counters {
            let w = measure(counter)
            if used + w > width, !(rows.last?.isEmpty ?? true) {
                rows.append([])
                used = 1
            }
            rows[rows.count - 1].append(counter)
            used += w + counterGap
        }
        return rows
    }

    static func drawBig(_ row: [Counter], into frame: inout Frame, top: Int) {
        var x = 1
        for counter in row {
            let w = bigWidth(counter)
            frame.put(counter.label, x: x, y: top, role: counter.role == .dim ? .dim : .title, limit: w)
            for (line, text) in BigDigits.rows(counter.value).enumerated() {
                frame.put(
                    text, x: x, y: top + 1 + line, role: counter.role == .priorityFlash ? .timerAlarm : counter.role)
            }
            x += w + counterGap
        }
    }

    static func drawSmall(_ row: [Counter], _ state: WallState, into frame: inout Frame, y: Int) {
        let l = state.localizer
        var x = 1
        for counter in row {
            x += frame.put(counter.label, x: x, y: y, role: .title) + 1
            x += frame.put(l.number(counter.value), x: x, y: y, role: counter.role) + counterGap
        }
    }

    // MARK: Clock, banners, messages, board, footer

    /// `HH:MM` in big digits, the date above it.
    static let clockWidth = BigDigits.width("00:00") + 3

    static func drawBigClock(_ state: WallState, into frame: inout Frame, top: Int) {
        let l = state.localizer
        let x = state.width - clockWidth
        for (line, text) in BigDigits.rows(LibyaTime.clock(state.now, seconds: false)).enumerated() {
            frame.put(text, x: x, y: top + 1 + line, role: .title)
        }
        frame.put(l.date(state.now) + " " + l(.libyaTime), x: x, y: top, role: .dim, limit: clockWidth)
    }

    struct Banner {
        var text: String
        var role: StyleRole
    }

    static func banners(_ state: WallState) -> [Banner] {
        let l = state.localizer
        var list: [Banner] = []
        if state.exercise {
            // Stopped by its stop phrase, the exercise gives way to a real emergency.
            let text: String =
                switch state.boards.exerciseRun?.status {
                case .stopped(.stopPhrase): StopBanner.text(state.boards.stopMessage, l)
                case .stopped(let reason): "\(l(.exerciseStopped)) — \(l(reason))"
                case .paused: "\(l(.exercise)) — \(l(.exercisePaused))"
                case .running, nil: Array(repeating: l(.exercise), count: 3).joined(separator: " — ")
                }
            list.append(Banner(text: text, role: .severityExtreme))
        }
        // A site cut off from the hub: the room sees the picture is this site's alone, since when.
        if let relay = state.boards.relay, !relay.reachable {
            list.append(
                Banner(
                    text:
                        "\(l(.hubCutOff)) \(since(relay.checked, state.now, l)) — \(l(.toSend)): \(l.number(relay.waiting))",
                    role: .statusOffline))
        }
        switch state.health {
        case .unreadable(let reason):
            list.append(Banner(text: "\(l(.wallStoreUnreadable)): \(reason)", role: .statusOffline))
        case .live where state.staleSeconds != nil:
            list.append(Banner(text: "\(l(.wallStale)) \(since(state.lastActivity, state.now, l))", role: .statusBusy))
        case .live:
            break
        }
        return list
    }

    static func drawTitle(_ state: WallState, into frame: inout Frame, clockInTitle: Bool) {
        let l = state.localizer
        frame.fill(row: 0, role: .tabInactive)
        let x = frame.put(" \(l(.appName)) ", x: 0, y: 0, role: .title) + 1
        frame.put(l(.wallTitle), x: x, y: 0, role: .tabInactive)
        guard clockInTitle else { return }
        let clock = " \(l.date(state.now)) \(l.clock(state.now)) \(l(.libyaTime)) "
        frame.put(clock, x: state.width - DisplayWidth.of(clock), y: 0, role: .title)
    }

    /// The big band that replaces every figure when the store cannot be read, and why.
    static func drawUnreadable(_ state: WallState, reason: String, into frame: inout Frame) {
        let l = state.localizer
        let band = min(7, max(3, state.height - 6))
        let top = max(1, (state.height - band) / 2 - 1)
        for y in top..<(top + band) { frame.fill(row: y, role: .statusOffline) }
        let title = l(.wallStoreUnreadable)
        // Letters spaced out, so the words carry across the room.
        let spaced = state.language.isRightToLeft ? title : title.map(String.init).joined(separator: " ")
        let shown = DisplayWidth.of(spaced) <= state.width - 2 ? spaced : title
        frame.put(shown, x: max(0, (state.width - DisplayWidth.of(shown)) / 2), y: top + band / 2, role: .statusOffline)
        let why = DisplayWidth.truncate(reason, to: state.width - 2)
        frame.put(why, x: max(1, (state.width - DisplayWidth.of(why)) / 2), y: top + band + 1, role: .normal)
    }

    static func drawUrgent(_ state: WallState, into frame: inout Frame, top: Int, lines: Int, pinned pinnedLines: Int) {
        let l = state.localizer
        guard top < state.height - 1 else { return }
        frame.fill(row: top, role: .header)
        frame.put(" " + l(.wallLatestUrgent), x: 0, y: top, role: .header)
        // Flash messages still owed an acknowledgement stay pinned on top until they are acknowledged.
        let pinned = state.figures.pinnedFlash.prefix(pinnedLines)
        let pinnedIDs = Set(pinned.map(\.message.id))
        let messages =
            Array(pinned)
            + state.figures.latestUrgent.filter { !pinnedIDs.contains($0.message.id) }.prefix(lines - pinned.count)
        guard !messages.isEmpty else {
            frame.put(l(.wallNoUrgent), x: 1, y: top + 1, role: .dim)
            return
        }
        for (line, record) in messages.enumerated() where top + 1 + line < state.height - 1 {
            let message = record.message
            let y = top + 1 + line
            let isPinned = pinnedIDs.contains(message.id)
            var x = 1
            if isPinned { x += frame.put("\(l(.wallPinned))", x: x, y: y, role: .unacknowledged) + 1 }
            x += frame.put(l.clock(message.postedAt), x: x, y: y, role: .normal) + 1
            x += frame.put(" \(l(message.priority)) ", x: x, y: y, role: message.priority.role) + 1
            x += frame.put(message.agency.rawValue, x: x, y: y, role: .title) + 1
            let body = [message.subject, message.body].compactMap { $0 }.joined(separator: " — ")
            frame.put(body, x: x, y: y, role: .normal, limit: state.width - x - 1)
        }
    }

    /// One of the desk's boards, drawn by the desk's own code, without a selection.
    static func drawBoard(_ state: WallState, into frame: inout Frame, top: Int, bottom: Int) {
        let l = state.localizer
        let height = bottom - top + 1
        // The wall has no agency (no owed marker) and no selection; the log shows its newest rows.
        let rows = state.board == .log ? state.boards.messages.count : 0
        let input = BoardInput(
            data: state.boards, localizer: l, now: state.now, height: max(1, height - 2), selected: nil,
            scrollTo: max(0, rows - 1), mark: .none, agency: nil, blankBraille: state.bidi == .terminal)
        var board = Frame(width: state.width, height: height, layout: frame.layout)
        switch state.board {
        case .incidents: IncidentsBoard.draw(input, into: &board, width: state.width)
        case .units: UnitsBoard.draw(input, into: &board, width: state.width)
        case .log: LogBoard.draw(input, into: &board, width: state.width)
        case .coverage: CoverageBoard.drawDistrictCounts(input, into: &board, width: state.width)
        case .risks: RiskBoard.draw(input, into: &board, width: state.width)
        case .performance: PerformanceBoard.draw(input, into: &board, width: state.width)
        case .map: MapBoard.draw(input, into: &board, width: state.width)
        }
        frame.blit(board, x: 0, y: top - 1)
        frame.fill(row: top - 1, role: .tabInactive)
        let boards = Board.allCases
        let position = l.number("\((boards.firstIndex(of: state.board) ?? 0) + 1)/\(boards.count)")
        frame.put(" \(l(state.board.title)) ", x: 0, y: top - 1, role: .tabActive)
        let note = "\(position) · \(l(.wallEvery)) \(l.number(state.rotationSeconds)) \(l(.wallSeconds))"
        frame.put(note, x: state.width - DisplayWidth.of(note) - 1, y: top - 1, role: .tabInactive)
    }

    static func drawFooter(_ state: WallState, into frame: inout Frame) {
        let l = state.localizer
        let y = state.height - 1
        frame.fill(row: y, role: .statusBar)
        // Under a stale banner the footer does not say live.
        let (health, role): (String, StyleRole) =
            switch state.health {
            case .live where state.staleSeconds != nil: (l(.wallStaleShort), .statusBusy)
            case .live: (l(.live), .statusLive)
            case .unreadable: (l(.offline), .statusOffline)
            }
        var x = frame.put(" \(health) ", x: 0, y: y, role: role) + 1
        // An unreadable store has no last change to tell: the wall's own start would mislead.
        if state.health == .live {
            x += frame.put("\(l(.wallLastChange)) \(l.clock(state.lastActivity))", x: x, y: y, role: .statusBar) + 2
        }
        frame.put(l(.readOnly), x: x, y: y, role: .statusBar)
        let hint = state.locked ? l(.wallLocked) : "q " + l(.keyQuit)
        frame.put(hint, x: state.width - DisplayWidth.of(hint) - 1, y: y, role: .statusBar)
    }
}
