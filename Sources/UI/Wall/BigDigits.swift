/// Digits five rows high, for figures read from across a control room. Drawn with full blocks,
/// which every terminal font has; always Western shapes (a block font of Arabic-Indic digits
/// would be a second font to keep legible).
enum BigDigits {
    static let height = 5
    static let glyphWidth = 3

    private static let glyphs: [Character: [String]] = [
        "0": ["███", "█ █", "█ █", "█ █", "███"],
        "1": [" ██", "  █", "  █", "  █", "  █"],
        "2": ["███", "  █", "███", "█  ", "███"],
        "3": ["███", "  █", " ██", "  █", "███"],
        "4": ["█ █", "█ █", "███", "  █", "  █"],
        "5": ["███", "█  ", "███", "  █", "███"],
        "6": ["███", "█  ", "███", "█ █", "███"],
        "7": ["███", "  █", "  █", "  █", "  █"],
        "8": ["███", "█ █", "███", "█ █", "███"],
        "9": ["███", "█ █", "███", "  █", "███"],
        ":": ["   ", " █ ", "   ", " █ ", "   "],
        "+": ["   ", " █ ", "███", " █ ", "   "],
    ]

    /// The five rows of `text` (digits, `:` and `+`), glyphs one cell apart.
    static func rows(_ text: String) -> [String] {
        let blank = Array(repeating: String(repeating: " ", count: glyphWidth), count: height)
        let shapes = text.map { glyphs[$0] ?? blank }
        return (0..<height).map { row in shapes.map { $0[row] }.joined(separator: " ") }
    }

    /// Cells `text` takes across.
    static func width(_ text: String) -> Int { text.isEmpty ? 0 : text.count * (glyphWidth + 1) - 1 }
}
