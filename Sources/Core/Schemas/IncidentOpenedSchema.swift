/// `incident.opened`: a new incident with its reference.
public enum IncidentOpenedSchema: PayloadSchema {
    public static let types: [EventType] = [.incidentOpened]
    public static let fields: [FieldSpec] = [
        .text("ref"), .text("title"), .text("type"), .text("severity"), .text("area"),
        .text("place", required: false), .text("lead", required: false), .integer("people"),
    ]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        let people = try FieldRule.people(given.integer("people"))
        return .incidentOpened(
            IncidentOpening(
                reference: try IncidentReference(try given.requiredText("ref"), field: "ref"),
                title: try TextRule.required(try given.requiredText("title"), field: "title", maximum: Limits.title),
                type: try IncidentType.parse(try given.requiredText("type"), field: "type"),
                severity: try Severity.parse(try given.requiredText("severity"), field: "severity"),
                area: try context.gazetteer.resolve(try given.requiredText("area"), field: "area").id,
                place: try TextRule.optional(given.text("place"), field: "place", maximum: Limits.place),
                leadAgency: try FieldRule.optionalAgency(given.text("lead"), field: "lead", context),
                peopleAffected: people))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .incidentOpened(let o) = payload else { return [] }
        return [
            ("ref", .text(o.reference.rawValue)), ("title", .text(o.title)), ("type", .text(o.type.rawValue)),
            ("severity", .text(o.severity.rawValue)), ("area", .text(o.area)), ("place", o.place.map(FieldValue.text)),
            ("lead", o.leadAgency.map { .text($0.rawValue) }), ("people", o.peopleAffected.map(FieldValue.integer)),
        ]
    }
}
