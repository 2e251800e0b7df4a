/// Text from people, journals and gateways is untrusted: before it reaches a terminal, every
/// control character, escape sequence introducer and bidi override is replaced by a visible
/// placeholder, so a message cannot set the title, clear the screen or reorder a line.
public enum UntrustedText {
    /// The placeholder shown for a character that must not reach the terminal raw.
    public static func placeholder(for scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x00...0x1F: return String(Unicode.Scalar(0x2400 + scalar.value)!)  // ␀ … ␟ (␛ for ESC)
        case 0x7F: return "\u{2421}"  // ␡
        case 0x80...0x9F: return "\u{FFFD}"
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: return "\u{2426}"  // ␦ for bidi controls
        case 0x2028, 0x2029: return "\u{2424}"  // ␤
        default: return nil
        }
    }

    /// `text` with every unsafe character shown as its placeholder. Newlines too: a field is one line.
    public static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { placeholder(for: $0) != nil }) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if let shown = placeholder(for: scalar) { out += shown } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
