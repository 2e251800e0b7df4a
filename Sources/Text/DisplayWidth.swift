/// Widths in terminal cells, counted per grapheme cluster, and cutting text to a width without
/// splitting a cluster. (Issue 4 brings ICU bidi and shaping on top of this.)
public enum DisplayWidth {
    /// Cells one grapheme cluster takes: 0 for a lone mark or format character, 2 for East
    /// Asian wide and emoji presentation, else 1.
    public static func of(_ cluster: Character) -> Int {
        // Most cells are printable ASCII: no Unicode property to look up.
        if let ascii = cluster.asciiValue { return ascii >= 0x20 && ascii != 0x7F ? 1 : 0 }
        var width = 0
        for scalar in cluster.unicodeScalars {
            let w = of(scalar)
            if w > 0 { width = max(width, w) }
            if scalar.value == 0xFE0F { width = 2 }  // emoji presentation selector
        }
        return width
    }

    static func of(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value >= 0x20, scalar.value < 0x7F { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    public static func of(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    /// `text` cut to at most `width` cells, ending in `…` when something was cut. A cluster is
    /// never split: a wide one that would straddle the edge is left out.
    public static func truncate(_ text: String, to width: Int, ellipsis: Character = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var out = ""
        var used = 0
        let room = width - of(ellipsis)
        for cluster in text {
            let w = of(cluster)
            if used + w > room { break }
            out.append(cluster)
            used += w
        }
        out.append(ellipsis)
        return out
    }

    /// `text` cut or padded with spaces to exactly `width` cells.
    public static func fit(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - of(cut)))
    }

    /// `text` in lines of at most `width` cells (see `WrappedLine.wrap`), as text.
    public static func wrap(_ text: String, width: Int) -> [String] {
        WrappedLine.wrap(text, width: width).map(\.text)
    }
}
