/// `incident.updated`: fields that change after opening; an absent field is unchanged.
public enum IncidentUpdatedSchema: PayloadSchema {
    public static let types: [EventType] = [.incidentUpdated]
    public static let fields: [FieldSpec] = [
        .text("ref"), .text("title", required: false), .text("severity", required: false),
        .text("place", required: false), .text("lead", required: false), .integer("people"),
    ]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        let people = try FieldRule.people(given.integer("people"))
        return .incidentUpdated(
            IncidentUpdate(
                reference: try IncidentReference(try given.requiredText("ref"), field: "ref"),
                title: try TextRule.optional(given.text("title"), field: "title", maximum: Limits.title),
                severity: try given.text("severity").map { text throws(ValidationError) in
                    try Severity.parse(text, field: "severity")
                },
                place: try TextRule.optional(given.text("place"), field: "place", maximum: Limits.place),
                leadAgency: try FieldRule.optionalAgency(given.text("lead"), field: "lead", context),
                peopleAffected: people))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .incidentUpdated(let u) = payload else { return [] }
        return [
            ("ref", .text(u.reference.rawValue)), ("title", u.title.map(FieldValue.text)),
            ("severity", u.severity.map { .text($0.rawValue) }), ("place", u.place.map(FieldValue.text)),
            ("lead", u.leadAgency.map { .text($0.rawValue) }), ("people", u.peopleAffected.map(FieldValue.integer)),
        ]
    }
}
