/// An agency's short code, such as `MOI`, `NCEMC` or `LRC`: 2 to 12 upper-case ASCII letters,
/// digits or `-`. Lower-case input is accepted and upper-cased.
public struct AgencyCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ text: String, field: String = "agency") throws(ValidationError) {
        // Codes read back from the store are canonical already: checked byte by byte, without
        // the Unicode upper-casing (a sixth of the desk's reads went there).
        if Self.isCanonical(text.utf8) {
            rawValue = text
            return
        }
        let upper = text.uppercased()
        let ok =
            (2...12).contains(upper.utf8.count)
            && upper.utf8.allSatisfy { c in
                (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 45
            }
        guard ok else {
            throw ValidationError(
                field: field, value: text, problem: .malformed(expected: "an agency code (2-12 letters, digits or -)"))
        }
        rawValue = upper
    }

    /// For codes known to be well formed (the seeded agencies).
    init(known: String) { rawValue = known }

    private static func isCanonical(_ bytes: String.UTF8View) -> Bool {
        (2...12).contains(bytes.count)
            && bytes.allSatisfy { c in (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 45 }
    }

    public static func < (lhs: AgencyCode, rhs: AgencyCode) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}

/// An incident's reference, `INC-2026-0042`: the year it was opened and a number. A reference
/// made while the store was unreachable carries a provisional suffix instead (`INC-2026-P1A2B3C`).
public struct IncidentReference: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ text: String, field: String = "incident") throws(ValidationError) {
        if Self.isCanonical(text.utf8) {
            rawValue = text
            return
        }
        let upper = Digits.western(text.trimmingSpaces()).uppercased()
        let parts = upper.split(separator: "-", omittingEmptySubsequences: false)
        let ok =
            parts.count == 3 && parts[0] == "INC" && parts[1].count == 4
            && parts[1].allSatisfy(\.isASCIIDigit)
            && (1...12).contains(parts[2].count)
            && parts[2].allSatisfy { $0.isASCIIDigit || ($0.isASCII && $0.isUppercase) }
        guard ok else {
            throw ValidationError(
                field: field, value: text,
                problem: .malformed(expected: "an incident reference like INC-2026-0001 or INC-2026-TRP0001"))
        }
        rawValue = upper
    }

    /// What an officer types for an incident: its reference, or its bare number this year — this
    /// site's (`12` or `١٢` is INC-YEAR-0012, at site BGZ INC-YEAR-BGZ0012) — or a site's code and
    /// number (`bgz12` is INC-YEAR-BGZ0012 wherever it is typed).
    public init(typed text: String, year: Int64, site: SiteCode? = nil, field: String = "incident")
        throws(ValidationError)
    {
        let typed = Digits.western(text.trimmingSpaces()).uppercased()
        let letters = typed.prefix { $0.isASCII && $0.isLetter }
        let digits = typed.dropFirst(letters.count)
        if !digits.isEmpty, digits.count <= 6, digits.allSatisfy(\.isASCIIDigit), let number = Int(digits), number > 0 {
            if letters.isEmpty {
                self.init(year: year, number: number, site: site)
                return
            }
            if let named = try? SiteCode(String(letters)) {
                self.init(year: year, number: number, site: named)
                return
            }
        }
        try self.init(text, field: field)
    }

    /// The reference numbered `number` this year: after the site's code at a site.
    public init(year: Int64, number: Int, site: SiteCode? = nil) {
        let digits = String(number)
        rawValue =
            "INC-\(year)-" + (site?.rawValue ?? "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// A reference made without the store's counter (it was unavailable): unique by chance,
    /// marked `P` so nobody takes it for a sequence number.
    public static func provisional(year: Int64) -> IncidentReference {
        let suffix = "P" + String(UInt32.random(in: 0...UInt32.max), radix: 16, uppercase: true)
        return IncidentReference(rawValue: "INC-\(year)-" + suffix)
    }

    private init(rawValue: String) { self.rawValue = rawValue }

    /// `INC-`, four digits, `-`, 1–12 upper-case letters or digits, in ASCII: as the store keeps
    /// references, so reading one back skips the trimming, digit folding and upper-casing.
    private static func isCanonical(_ bytes: String.UTF8View) -> Bool {
        let count = bytes.count
        guard (10...21).contains(count), bytes.starts(with: "INC-".utf8) else { return false }
        for (offset, c) in bytes.enumerated().dropFirst(4) {
            switch offset {
            case 4...7: guard c >= 48 && c <= 57 else { return false }
            case 8: guard c == 45 else { return false }
            default: guard (c >= 48 && c <= 57) || (c >= 65 && c <= 90) else { return false }
            }
        }
        return true
    }

    /// The year part.
    public var year: Int64? { rawValue.split(separator: "-").dropFirst().first.flatMap { Int64($0) } }

    /// The number part when it is a plain sequence number (no site's code before it).
    public var sequenceNumber: Int? { numbered.flatMap { $0.site.isEmpty ? $0.number : nil } }

    /// The site whose number it is ("" for a store that is no site's) and the number; nil for a
    /// reference no counter made (a provisional one, an imported one).
    public var numbered: (site: String, number: Int)? {
        guard let last = rawValue.split(separator: "-").last else { return nil }
        let letters = last.prefix { $0.isLetter }
        let digits = last.dropFirst(letters.count)
        guard letters.isEmpty || (2...6).contains(letters.count), !digits.isEmpty, let number = Int(digits) else {
            return nil
        }
        return (String(letters), number)
    }

    public static func < (lhs: IncidentReference, rhs: IncidentReference) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}

/// A responder unit's call sign, `CD-TRP-07`: 2 to 24 letters (any script), digits, `-`, `_` or `/`.
public struct CallSign: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ text: String, field: String = "unit") throws(ValidationError) {
        let trimmed = text.trimmingSpaces()
        if trimmed.isEmpty { throw ValidationError(field: field, value: text, problem: .empty) }
        let ok =
            (2...24).contains(trimmed.count)
            && trimmed.unicodeScalars.allSatisfy { s in
                s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-" || s == "_" || s == "/"
            }
        guard ok else {
            throw ValidationError(
                field: field, value: text, problem: .malformed(expected: "a call sign (2-24 letters, digits, - _ /)"))
        }
        rawValue = trimmed.uppercased()
    }

    public static func < (lhs: CallSign, rhs: CallSign) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}

extension Character {
    public var isASCIIDigit: Bool { isASCII && isNumber }
}
