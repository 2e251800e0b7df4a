import Crypto
import QanatCore

/// A UUID (version 8) made from a name by SHA-256: the same name gives the same id, so what is
/// imported twice (a CAP alert, a partner's row without an id of ours) is applied once.
enum NameDerivedID {
    /// Parts joined by `|`, a `|` or `\\` inside one escaped, so that no two lists of parts give
    /// one name (`a|b`, `c` against `a`, `b|c`); parts without either read as they always did.
    static func joined(_ parts: [String]) -> String {
        parts.map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|") }.joined(
            separator: "|")
    }

    static func make(_ name: String) -> EventID {
        var bytes = Array(Array(SHA256.hash(data: Array(name.utf8))).prefix(16))
        bytes[6] = 0x80 | (bytes[6] & 0x0F)  // version 8: a name-derived id
        bytes[8] = 0x80 | (bytes[8] & 0x3F)
        let hex = bytes.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }
        let text = [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(
            separator: "-")
        // Thirty-two hex digits in the 8-4-4-4-12 shape: always a UUID.
        return (try? EventID(text)) ?? EventID.make(at: Timestamp(millisecondsSinceEpoch: 0))
    }
}
