/// A value refused at the moment an event is written. It names the field, the value that was
/// given and, where there is a closed set, the values that are allowed.
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Problem: Equatable, Sendable {
        case missing
        case empty
        case tooLong(maximum: Int)
        case notOneOf([String])
        case malformed(expected: String)
        case unknown(what: String)
        case transitionRefused(from: String, allowed: [String])
        case outOfRange(ClosedRange<Int>)
        /// Something with this key is on the channel already.
        case exists(what: String)
        /// The unit cannot be tasked now: it is busy (or out of service).
        case unavailable(status: String, incident: String?)
        /// Only the agencies a message was addressed to acknowledge it.
        case notAddressed(to: [String], sender: String)
        /// A short form that names several values.
        case ambiguous([String])
        /// An acknowledgement of a message that asked for none.
        case noAcknowledgementAsked
        /// No such name; perhaps the nearest one was meant.
        case unknownName(what: String, nearest: String?)
        /// The organisation is suspended: it records no new work until it is active again.
        case suspended
        /// A need that is met or closed takes no new pledge or activity.
        case notOpen(status: String)
        /// During play an inject may not carry the exercise's stop phrase (the value), which would end it.
        case carriesStopPhrase
        /// An incident closes only once its units are released: closed, it would keep them committed.
        case unitsCommitted([String])
    }

    public var field: String
    public var value: String
    public var problem: Problem

    public init(field: String, value: String, problem: Problem) {
        self.field = field
        self.value = value
        self.problem = problem
    }

    public var description: String {
        switch problem {
        case .missing:
            return "\(field): missing"
        case .empty:
            return "\(field): must not be empty"
        case .tooLong(let maximum):
            return "\(field): longer than \(maximum) characters"
        case .notOneOf(let allowed):
            let hint = NearestName.suggest(value, among: allowed).map { "; did you mean '\($0)'?" } ?? ""
            return "\(field): '\(value)' is not one of: \(allowed.joined(separator: ", "))\(hint)"
        case .malformed(let expected):
            return "\(field): '\(value)' is not \(expected)"
        case .unknown(let what):
            return "\(field): no \(what) '\(value)'"
        case .transitionRefused(let from, let allowed):
            let next = allowed.isEmpty ? "none" : allowed.joined(separator: ", ")
            return "\(field): cannot go from \(from) to \(value); allowed from \(from): \(next)"
        case .outOfRange(let range):
            return "\(field): '\(value)' is not between \(range.lowerBound) and \(range.upperBound)"
        case .exists(let what):
            return "\(field): '\(value)' exists already, a \(what)"
        case .unavailable(let status, let incident):
            return
                "\(field): '\(value)' is \(status)\(incident.map { " on \($0)" } ?? ""): only an available or returning unit can be tasked"
        case .ambiguous(let candidates):
            return "\(field): '\(value)' could be: \(candidates.joined(separator: ", "))"
        case .noAcknowledgementAsked:
            return "\(field): \(value) asked for no acknowledgement"
        case .unknownName(let what, let nearest):
            return "\(field): no \(what) '\(value)'" + (nearest.map { "; did you mean '\($0)'?" } ?? "")
        case .suspended:
            return
                "\(field): '\(value)' is suspended: a supervisor makes it active again (`qanat org update \(value) --status active`)"
        case .notOpen(let status):
            return "\(field): '\(value)' is \(status): only an open need (reported, verified, partlyMet) takes it"
        case .carriesStopPhrase:
            return "\(field): the message must not contain the stop phrase '\(value)', which would end the exercise"
        case .unitsCommitted(let units):
            return "\(field): not \(value) while units are committed to it (\(units.joined(separator: ", "))): "
                + "release them first"
        case .notAddressed(let to, let sender):
            let asked = to == ["*"] ? "every agency but \(sender)" : to.joined(separator: ", ")
            return "\(field): the message was not addressed to \(value); it asks \(asked)"
        }
    }
}

/// A closed set of values named by strings in the journal and on the command line.
public protocol NamedValue: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {}

extension NamedValue {
    /// Parses `text` for `field`, or throws an error listing every allowed value.
    /// Case does not matter (`Flash`, `ONSCENE`); a wrong value is refused with every allowed one.
    public static func parse(_ text: String, field: String) throws(ValidationError) -> Self {
        if let value = Self(rawValue: text) ?? allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() })
        {
            return value
        }
        throw ValidationError(field: field, value: text, problem: .notOneOf(allCases.map(\.rawValue)))
    }
}

/// Checks for free text typed by people: required, trimmed of surrounding space, bounded.
/// Control characters are kept (nothing typed is lost); the terminal layer neutralises them.
public enum TextRule {
    public static func required(_ text: String, field: String, maximum: Int) throws(ValidationError) -> String {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { throw ValidationError(field: field, value: text, problem: .empty) }
        guard trimmed.count <= maximum else {
            throw ValidationError(field: field, value: String(trimmed.prefix(40)), problem: .tooLong(maximum: maximum))
        }
        return trimmed
    }

    public static func optional(_ text: String?, field: String, maximum: Int) throws(ValidationError) -> String? {
        guard let text, !text.trimmingSpaces().isEmpty else { return nil }
        return try required(text, field: field, maximum: maximum)
    }
}

extension String {
    /// Without leading or trailing white space (no Foundation in Core).
    public func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
