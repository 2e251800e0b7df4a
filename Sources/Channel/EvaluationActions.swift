import QanatCore
import QanatJournal

/// The evaluation's writes: a supervisor's response targets, and the record of a report
/// written to a file (an operator's, for their own agency).
extension Actions {
    public func setTarget(metric: String, seconds: Int, percentile: Int?, actingAgency: String) throws -> Write {
        let payload = try context.payload(
            .targetSet,
            [
                "metric": .text(metric), "seconds": .integer(seconds),
                "percentile": percentile.map(FieldValue.integer),
            ])
        return (try context.knownAgency(actingAgency, field: "agency"), payload)
    }

    /// The record of `bytes` written to `file`, with their SHA-256 (from swift-crypto, as the journal's chain).
    public func reportWritten(
        kind: ReportKind, parameters: [String], file: String, bytes: [UInt8], actingAgency: String,
        attestedBy: String? = nil
    ) throws -> Write {
        let payload = try context.payload(
            .reportWritten,
            [
                "kind": .text(kind.rawValue), "parameters": .list(parameters), "file": .text(file),
                "sha256": .text(ReportDigest.of(bytes)), "bytes": .integer(bytes.count),
                "attestedBy": attestedBy.map(FieldValue.text),
            ])
        return (try context.knownAgency(actingAgency, field: "agency"), payload)
    }
}

/// The SHA-256 a report's record keeps, as lower-case hex.
public enum ReportDigest {
    public static func of(_ bytes: [UInt8]) -> String { LineHash.hex(bytes) }
}
