import QanatCore

public enum Language: String, CaseIterable, Sendable {
    case en, ar

    public var isRightToLeft: Bool { self == .ar }
}

/// Every user-facing string, in both languages. A switch per key makes a missing translation
/// a compile error, not a blank on a duty officer's screen.
public struct Localizer: Sendable {
    public var language: Language

    public init(_ language: Language) { self.language = language }

    public func callAsFunction(_ key: UIText) -> String { pick(key.translations) }

    public func callAsFunction(_ value: some Translatable) -> String { pick(value.translations) }

    private func pick(_ pair: (en: String, ar: String)) -> String { language == .ar ? pair.ar : pair.en }
}

public protocol Translatable {
    var translations: (en: String, ar: String) { get }
}
