/// The PIN an officer types at sign-on on a shared duty terminal. It tells officers apart for
/// the record; it is no defence against someone who can read the store (a few digits fall to
/// a search however slow the hash), which is why the store's files are readable by its group
/// only. Hashing is outside Core (`PINHash` in Channel, from swift-crypto).
public enum PIN {
    /// 4 to 12 digits.
    public static func check(_ text: String, field: String = "pin") throws(ValidationError) -> String {
        let text = Digits.western(text)
        guard (4...12).contains(text.unicodeScalars.count), text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) })
        else {
            throw ValidationError(
                field: field, value: String(repeating: "*", count: text.count),
                problem: .malformed(expected: "4 to 12 digits"))
        }
        return text
    }
}
