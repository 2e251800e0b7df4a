import Foundation
import QanatCore

/// A report asked of the service for a file (`--out` on a service store). The service renders it
/// by running `qanat report KIND` itself on its store, so the bytes it records are Qanat's own: the
/// member names only the kind and the options the report commands take, each checked here.
public struct ReportRequest: Codable, Equatable, Sendable {
    public var kind: String
    /// The options as the command recorded them (`--lang ar`, `--since 2026-12-01`), and for ICS 201
    /// the incident's reference first.
    public var parameters: [String]
    /// Who asks, as they name themselves and the agency they act for: the service checks the role.
    public var officer: String
    public var agency: String
    /// Where the member's process writes the bytes (recorded with them).
    public var file: String

    public init(kind: ReportKind, parameters: [String], officer: String, agency: String, file: String) {
        self.kind = kind.rawValue
        self.parameters = parameters
        self.officer = officer
        self.agency = agency
        self.file = file
    }

    static let flags: Set<String> = ["--markdown", "--csv"]
    static let valued: Set<String> = ["--lang", "--since", "--agency", "--district", "--officer", "--month"]
    /// The kinds a service store has (an exercise store is never one).
    static let kinds: [ReportKind] = [.shift, .coverage, .risks, .performance, .ics201, .ics214, .archive]

    public struct Refused: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// The arguments after `qanat report`: the kind's subcommand and the options, each value joined
    /// to its option (`--since=…`) so that no value can pass for another option.
    public func arguments() throws(Refused) -> (kind: ReportKind, arguments: [String]) {
        guard let kind = ReportKind(rawValue: kind), Self.kinds.contains(kind) else {
            throw Refused(description: "no report '\(kind)' is rendered by the service")
        }
        var rest = parameters[...]
        var arguments = [kind.rawValue]
        if kind == .ics201 {
            guard let first = rest.popFirst(), (try? IncidentReference(first)) != nil else {
                throw Refused(description: "ICS 201 names an incident's reference first")
            }
            arguments.append(first)
        }
        while let option = rest.popFirst() {
            if Self.flags.contains(option) {
                arguments.append(option)
            } else if Self.valued.contains(option), let value = rest.popFirst() {
                arguments.append("\(option)=\(value)")
            } else {
                throw Refused(description: "'\(option)' is not an option a report takes from a member")
            }
        }
        return (kind, arguments)
    }
}
