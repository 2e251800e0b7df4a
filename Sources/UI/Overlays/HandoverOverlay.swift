import QanatCore

extension DeskState {
    /// Keys on the handover report: scroll, `S` to sign off (with a note), Esc or `q` back.
    mutating func handleHandover(_ key: KeyPress) -> DeskEffect? {
        guard var screen = handover else { return nil }
        let page = max(1, height - 4)
        let last = max(0, screen.lines.count - page)
        switch key {
        case .escape, .character("q"), .character("H"): handover = nil
        case .character("S"):
            handover = nil
            form = Forms.signOff()
        case .up, .character("k"): screen.top = max(0, screen.top - 1)
        case .down, .character("j"): screen.top = min(last, screen.top + 1)
        case .pageUp: screen.top = max(0, screen.top - page)
        case .pageDown, .character(" "): screen.top = min(last, screen.top + page)
        case .home: screen.top = 0
        case .end: screen.top = last
        default: break
        }
        if handover != nil { handover = screen }
        return nil
    }
}

/// The handover report over the whole board, as `qanat report shift` prints it.
enum HandoverOverlay {
    static func draw(_ screen: HandoverScreen, state: DeskState, into frame: inout Frame) {
        let l = state.localizer
        for y in 0..<(frame.height - 1) { frame.fill(x: 0, y: y, width: frame.width, role: .normal) }
        frame.fill(row: 0, role: .tabInactive)
        frame.put(" \(l(.handoverTitle)) ", x: 0, y: 0, role: .tabActive)
        let visible = max(0, frame.height - 3)
        for (row, line) in screen.lines.dropFirst(screen.top).prefix(visible).enumerated() {
            let y = 1 + row
            switch line {
            case .heading(let text): frame.put(text, x: 1, y: y, role: .title, limit: frame.width - 2)
            case .text(let text): frame.put(text, x: 1, y: y, role: .normal, limit: frame.width - 2)
            case .row(let cells, let widths):
                // Cell by cell at the table's columns: each keeps its place, and its own direction,
                // when the layout is mirrored.
                var x = 3
                for (cell, width) in zip(cells, widths) where x < frame.width - 1 {
                    frame.put(field: cell, x: x, y: y, width: min(width, frame.width - 1 - x))
                    x += width + 2
                }
            }
        }
        frame.fill(row: frame.height - 2, role: .statusBar)
        frame.put(pieces: l.pieces(.handoverHint), x: 1, y: frame.height - 2, role: .statusBar, limit: frame.width - 2)
    }
}
