/// The reports Qanat writes to files with `--out`.
public enum ReportKind: String, NamedValue {
    case shift, coverage, risks, performance, ics201, ics214, exercise
    /// A month's journal lines, sealed (`qanat archive`).
    case archive
}

/// `report.written`: a report written to a file, recorded with the SHA-256 of its bytes so that
/// an archived copy can be proved unchanged later (`qanat report verify FILE`).
public struct ReportRecord: Equatable, Sendable {
    public var kind: ReportKind
    /// The command's options as given (`--lang ar`, `--since ...`), so the report can be made again.
    public var parameters: [String]
    /// The file's path as written (absolute).
    public var file: String
    /// Lower-case hex, 64 characters.
    public var sha256: String
    public var bytes: Int
    /// On a service store, the service's Unix user: it rendered these bytes from the store itself.
    /// A member's own record (on an embedded store) has none.
    public var attestedBy: String?

    public init(
        kind: ReportKind, parameters: [String], file: String, sha256: String, bytes: Int, attestedBy: String? = nil
    ) {
        self.kind = kind
        self.parameters = parameters
        self.file = file
        self.sha256 = sha256
        self.bytes = bytes
        self.attestedBy = attestedBy
    }

    public static func isDigest(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
