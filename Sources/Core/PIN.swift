/// The PIN an officer types at sign-on on a shared duty terminal. It tells officers apart for
/// the record; it is no defence against someone who can read the store (a few digits fall to
/// a search), which is why the store's files are readable by its group only.
public enum PIN {
    static let rounds = 10_000

    /// 4 to 12 digits.
    public static func check(_ text: String, field: String = "pin") throws(ValidationError) -> String {
        let text = Digits.western(text)
        guard (4...12).contains(text.unicodeScalars.count), text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
            throw ValidationError(field: field, value: String(repeating: "*", count: text.count), problem: .malformed(expected: "4 to 12 digits"))
        }
        return text
    }

    /// `sha256-ROUNDS$SALT$HASH`: SHA-256 iterated over the salt and the PIN.
    public static func hash(_ pin: String, salt: [UInt8]) -> String {
        "sha256-\(rounds)$\(SHA256.hexString(salt))$\(digest(pin, salt: salt, rounds: rounds))"
    }

    public static func verify(_ typed: String, against stored: String) -> Bool {
        let pin = Digits.western(typed)
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].hasPrefix("sha256-"), let rounds = Int(parts[0].dropFirst(7)), (1...1_000_000).contains(rounds),
              let salt = bytes(hex: parts[1]) else { return false }
        return digest(pin, salt: salt, rounds: rounds) == parts[2]
    }

    private static func digest(_ pin: String, salt: [UInt8], rounds: Int) -> String {
        var value = salt + Array(pin.utf8)
        for _ in 0..<rounds {
            var hasher = SHA256()
            hasher.update(value)
            hasher.update(salt)
            value = hasher.finalize()
        }
        return SHA256.hexString(value)
    }

    private static func bytes(hex text: Substring) -> [UInt8]? {
        let scalars = Array(text.utf8)
        guard scalars.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        for index in stride(from: 0, to: scalars.count, by: 2) {
            guard let byte = UInt8(String(decoding: scalars[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
            out.append(byte)
        }
        return out
    }
}
