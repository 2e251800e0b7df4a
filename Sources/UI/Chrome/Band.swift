import QanatCore
import QanatText

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
