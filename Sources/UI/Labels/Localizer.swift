import QanatCore

public enum Language: String, CaseIterable, Sendable {
    case en, ar

    public var isRightToLeft: Bool { self == .ar }
}

/// Who puts right-to-left text in visual order: Qanat (`app`: it reorders and shapes each field
/// and mirrors the Arabic layout) or a terminal that does bidi itself (`terminal`).
public enum BidiMode: String, CaseIterable, Sendable {
    case app, terminal
}

/// Digits in numbers Qanat writes (times, counts, ages) in the Arabic interface. References and
/// call signs keep theirs: they are identifiers that officers type and read out.
public enum DigitStyle: String, CaseIterable, Sendable {
    case western
    case arabicIndic = "arabic-indic"
}

/// Every user-facing string, in both languages. A switch per key makes a missing translation
/// a compile error, not a blank on a duty officer's screen.
public struct Localizer: Sendable {
    public var language: Language
    public var digits: DigitStyle

    public init(_ language: Language, digits: DigitStyle = .western) {
        self.language = language
        self.digits = digits
    }

    public func callAsFunction(_ key: UIText) -> String { pick(key.translations) }

    public func callAsFunction(_ value: some Translatable) -> String { pick(value.translations) }

    /// A pair from the label tables that is not a value's own name (a flag's letter, a heading).
    public func callAsFunction(_ pair: (en: String, ar: String)) -> String { pick(pair) }

    private func pick(_ pair: (en: String, ar: String)) -> String { language == .ar ? pair.ar : pair.en }

    /// A number, time or duration Qanat wrote, in this interface's digits.
    public func number(_ text: String) -> String {
        guard language == .ar, digits == .arabicIndic else { return text }
        return String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    (0x30...0x39).contains(scalar.value)
                        ? Unicode.Scalar(scalar.value - 0x30 + 0x0660) ?? scalar : scalar
                }))
    }

    public func number(_ value: Int) -> String { number(String(value)) }
}

public protocol Translatable {
    var translations: (en: String, ar: String) { get }
}

extension Localizer {
    /// A hint's parts (`Tab next · Esc closes`), to be drawn as separate fields with `put(pieces:)`.
    public func pieces(_ text: UIText) -> [String] {
        self(text).components(separatedBy: " · ")
    }
}
