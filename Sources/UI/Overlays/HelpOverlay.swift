import QanatCore
import QanatText

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
