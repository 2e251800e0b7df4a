import QanatCore

/// Why a journal line was not taken. The ingest writes it to the rejects file with the line's
/// number; the description names the field or the byte that is wrong.
public enum LineError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidUTF8(byteOffset: Int)
    case syntax(JSONSyntaxError)
    case notAnObject
    case field(ValidationError)
    case unknownField(String, allowed: [String])
    case wrongType(field: String, expected: String, found: String)

    public var description: String {
        switch self {
        case .invalidUTF8(let offset): "invalid UTF-8 at byte \(offset + 1)"
        case .syntax(let error): error.description
        case .notAnObject: "a journal line must be one JSON object"
        case .field(let error): error.description
        case .unknownField(let field, let allowed):
            "\(field): unknown field; fields here: \(allowed.joined(separator: ", "))"
        case .wrongType(let field, let expected, let found): "\(field): expected \(expected), found \(found)"
        }
    }
}
