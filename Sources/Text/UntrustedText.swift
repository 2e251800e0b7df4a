/// Text from people, journals and gateways is untrusted: before it reaches a terminal, every
/// control character, escape sequence introducer and bidi control is replaced by a visible
/// placeholder, so a message cannot set the title, clear the screen or reorder a line. Bidi
/// controls never reach the bidi step either: a field's order is decided by its letters alone.
public enum UntrustedText {
    /// Combining marks kept on one character: Arabic needs two or three (shadda with a haraka);
    /// more only stack into other rows of the screen ("zalgo" text).
    public static let marksPerCharacter = 4

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

    /// `text` made safe to draw as one field: every unsafe character shown as its placeholder
    /// (newlines too: a field is one line), a combining mark that opens the field set on a dotted
    /// circle, and at most `marksPerCharacter` marks on any character.
    public static func sanitized(_ text: String) -> String {
        // Printable ASCII is never replaced: only the rest is looked at.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F }),
            text.unicodeScalars.contains(where: { placeholder(for: $0) != nil || isMark($0) })
        else { return text }
        var out = String.UnicodeScalarView()
        var marks = 0
        for scalar in text.unicodeScalars {
            if isMark(scalar) {
                if out.isEmpty { out.append("\u{25CC}") }
                marks += 1
                if marks > marksPerCharacter { continue }
            } else {
                marks = 0
            }
            if let shown = placeholder(for: scalar) {
                out.append(contentsOf: shown.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x300 && scalar.properties.generalCategory == .nonspacingMark
            || scalar.properties.generalCategory == .enclosingMark
    }
}
