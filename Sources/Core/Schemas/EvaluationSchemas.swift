/// `target.set`: a response target every desk and report shares (a supervisor's).
public enum TargetSetSchema: PayloadSchema {
    public static let types: [EventType] = [.targetSet]
    public static let fields: [FieldSpec] = [.text("metric"), .integer("seconds"), .integer("percentile")]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        let metric = try ResponseMetric.parse(try given.requiredText("metric"), field: "metric")
        guard let seconds = given.integer("seconds") else {
            throw ValidationError(field: "seconds", value: "", problem: .missing)
        }
        guard ResponseTarget.secondsRange.contains(seconds) else {
            throw ValidationError(
                field: "seconds", value: String(seconds), problem: .outOfRange(ResponseTarget.secondsRange))
        }
        let percentile = given.integer("percentile") ?? ResponseTarget.defaultPercentile
        guard ResponseTarget.percentiles.contains(percentile) else {
            throw ValidationError(
                field: "percentile", value: String(percentile), problem: .outOfRange(ResponseTarget.percentiles))
        }
        return .targetSet(ResponseTarget(metric: metric, seconds: seconds, percentile: percentile))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .targetSet(let t) = payload else { return [] }
        return [
            ("metric", .text(t.metric.rawValue)), ("seconds", .integer(t.seconds)),
            ("percentile", .integer(t.percentile)),
        ]
    }
}

/// `report.written`: a report written to a file, with the SHA-256 of its bytes.
public enum ReportWrittenSchema: PayloadSchema {
    public static let types: [EventType] = [.reportWritten]
    public static let fields: [FieldSpec] = [
        .text("kind"), .list("parameters"), .text("file"), .text("sha256"), .integer("bytes"),
        .text("attestedBy", required: false),
    ]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        let kind = try ReportKind.parse(try given.requiredText("kind"), field: "kind")
        let file = try TextRule.required(try given.requiredText("file"), field: "file", maximum: Limits.body)
        let digest = try given.requiredText("sha256")
        guard ReportRecord.isDigest(digest) else {
            throw ValidationError(
                field: "sha256", value: String(digest.prefix(70)),
                problem: .malformed(expected: "64 lower-case hex digits"))
        }
        guard let bytes = given.integer("bytes") else {
            throw ValidationError(field: "bytes", value: "", problem: .missing)
        }
        guard bytes >= 0 else {
            throw ValidationError(field: "bytes", value: String(bytes), problem: .outOfRange(0...Int.max))
        }
        var parameters: [String] = []
        for parameter in given.list("parameters") ?? [] {
            guard parameter.count <= Limits.body else {
                throw ValidationError(
                    field: "parameters", value: String(parameter.prefix(40)), problem: .tooLong(maximum: Limits.body))
            }
            parameters.append(parameter)
        }
        let attestedBy = try given.text("attestedBy").map { text throws(ValidationError) in
            try MemberKey.user(text, field: "attestedBy")
        }
        return .reportWritten(
            ReportRecord(
                kind: kind, parameters: parameters, file: file, sha256: digest, bytes: bytes, attestedBy: attestedBy))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .reportWritten(let r) = payload else { return [] }
        return [
            ("kind", .text(r.kind.rawValue)), ("parameters", .list(r.parameters)), ("file", .text(r.file)),
            ("sha256", .text(r.sha256)),
            ("bytes", .integer(r.bytes)), ("attestedBy", r.attestedBy.map(FieldValue.text)),
        ]
    }
}
