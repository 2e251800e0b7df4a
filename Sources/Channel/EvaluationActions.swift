import Crypto
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

    /// The record of a report written to `file`: its SHA-256 (from swift-crypto, as the journal's chain) and size.
    public func reportWritten(
        kind: ReportKind, parameters: [String], file: String, content: ReportContent, actingAgency: String,
        attestedBy: String? = nil
    ) throws -> Write {
        let payload = try context.payload(
            .reportWritten,
            [
                "kind": .text(kind.rawValue), "parameters": .list(parameters), "file": .text(file),
                "sha256": .text(content.sha256), "bytes": .integer(content.bytes),
                "attestedBy": attestedBy.map(FieldValue.text),
            ])
        return (try context.knownAgency(actingAgency, field: "agency"), payload)
    }
}

/// What a report's record keeps of its bytes: their SHA-256 (lower-case hex) and how many.
public struct ReportContent: Sendable, Equatable {
    public var sha256: String
    public var bytes: Int

    public init(of bytes: [UInt8]) { self.init(sha256: LineHash.hex(bytes), bytes: bytes.count) }

    public init(sha256: String, bytes: Int) {
        self.sha256 = sha256
        self.bytes = bytes
    }

    /// A report's content taken as it is written, piece by piece: a report of any size is hashed
    /// without being held.
    public struct Hasher {
        private var hasher = SHA256()
        private var count = 0

        public init() {}

        public mutating func update(_ bytes: UnsafeRawBufferPointer) {
            hasher.update(bufferPointer: bytes)
            count += bytes.count
        }

        public func finalize() -> ReportContent { ReportContent(sha256: hasher.finalize().hexString, bytes: count) }
    }
}
