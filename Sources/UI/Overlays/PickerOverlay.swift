import QanatCore
import QanatText

/// `/` and `:` over the board: the prompt, the lines it found, a hint.
enum PickerOverlay {
    static func draw(_ picker: Picker, state: DeskState, into frame: inout Frame) {
        let l = state.localizer
        let width = min(frame.width - 2, 100)
        let height = max(6, min(frame.height - 3, picker.entries.count + 5))
        let x = (frame.width - width) / 2
        let top = 1
        for y in top..<(top + height) { frame.fill(x: x, y: y, width: width, role: .overlay) }
        let title = picker.kind == .search ? l(.keySearch) : l(.keyPalette)
        frame.put(" \(title) ", x: x + 2, y: top, role: .title)
        let sigil = picker.kind == .search ? "/ " : ": "
        frame.put(sigil, x: x + 2, y: top + 1, role: .key)
        FormOverlay.drawText(picker.query, x: x + 4, y: top + 1, width: width - 6, focused: true, into: &frame)

        let matched = picker.kind == .search ? SearchQuery(picker.answered ?? "").words : []
        let rows = height - 4
        let first = max(0, picker.selected - rows + 1)
        for (offset, entry) in picker.entries.dropFirst(first).prefix(rows).enumerated() {
            let y = top + 2 + offset
            let chosen = first + offset == picker.selected
            // A command that cannot act now is greyed, its reason beside it.
            let role: StyleRole = chosen ? .selected : entry.unavailable == nil ? .overlay : .dim
            frame.fill(x: x + 1, y: y, width: width - 2, role: role)
            let detailWidth = min(DisplayWidth.of(entry.detail), entry.unavailable == nil ? width / 3 : width / 2)
            // The lead (a reference; a time and an agency) is a field of its own: in Arabic it
            // stands at the line's start, and the title keeps its own direction after it.
            let lead = entry.lead.isEmpty ? 0 : frame.put(entry.lead, x: x + 2, y: y, role: role, limit: width / 3) + 2
            frame.put(
                entry.label, x: x + 2 + lead, y: y, role: role, limit: max(0, width - detailWidth - 5 - lead),
                marking: SearchText.matches(of: matched, in: entry.label), as: chosen ? .selected : .match)
            frame.put(
                entry.detail, x: x + width - 2 - detailWidth, y: y, role: chosen ? .selected : .dim, limit: detailWidth)
        }
        if picker.entries.isEmpty, picker.answered != nil {
            frame.put(l(.noResults), x: x + 2, y: top + 2, role: .dim, limit: width - 4)
        }
        let hint: UIText =
            switch picker.kind {
            case .palette: .paletteHint
            case .search: picker.answered == nil ? .searchHint : .searching
            }
        frame.put(pieces: l.pieces(hint), x: x + 2, y: top + height - 1, role: .dim, limit: width - 4)
    }
}
