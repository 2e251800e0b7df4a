/// `incident.statusChanged`: an incident moves on (the allowed moves are checked on the write path).
public enum IncidentStatusChangedSchema: PayloadSchema {
    public static let types: [EventType] = [.incidentStatusChanged]
    public static let fields: [FieldSpec] = [.text("ref"), .text("status"), .text("note", required: false)]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        .incidentStatusChanged(
            IncidentStatusChange(
                reference: try IncidentReference(try given.requiredText("ref"), field: "ref"),
                status: try IncidentStatus.parse(try given.requiredText("status"), field: "status"),
                note: try TextRule.optional(given.text("note"), field: "note", maximum: Limits.body)))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .incidentStatusChanged(let c) = payload else { return [] }
        return [
            ("ref", .text(c.reference.rawValue)), ("status", .text(c.status.rawValue)),
            ("note", c.note.map(FieldValue.text)),
        ]
    }
}
