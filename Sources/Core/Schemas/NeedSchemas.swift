/// `need.reported`: what an area lacks in one sector, with its quantity and unit of measure.
public enum NeedReportedSchema: PayloadSchema {
    public static let types: [EventType] = [.needReported]
    public static let fields: [FieldSpec] = [
        .text("need"), .text("area"), .text("sector"), .text("what"), .integer("quantity"), .text("unit"),
        .integer("people"), .text("priority", required: false), .text("org"), .text("incident", required: false),
        .text("reported", required: false),
    ]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        .needReported(
            NeedReport(
                id: try CoordinationRule.id(given, "need"),
                area: try context.gazetteer.resolve(try given.requiredText("area"), field: "area").id,
                sector: try Sector.parse(try given.requiredText("sector"), field: "sector"),
                what: try TextRule.required(try given.requiredText("what"), field: "what", maximum: Limits.what),
                quantity: try CoordinationRule.quantity(given, required: true) ?? 0,
                unit: try TextRule.required(
                    try given.requiredText("unit"), field: "unit", maximum: Limits.unitOfMeasure),
                people: try CoordinationRule.people(given, "people"),
                priority: try CoordinationRule.optional(given, "priority", as: MessagePriority.self) ?? .routine,
                organisation: try context.agency(try given.requiredText("org"), field: "org"),
                incident: try given.text("incident").map { text throws(ValidationError) in
                    try IncidentReference(text, field: "incident")
                },
                reportedOn: try CoordinationRule.date(given, "reported")))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .needReported(let n) = payload else { return [] }
        return [
            ("need", .text(n.id.rawValue)), ("area", .text(n.area)), ("sector", .text(n.sector.rawValue)),
            ("what", .text(n.what)),
            ("quantity", .integer(n.quantity)), ("unit", .text(n.unit)), ("people", n.people.map(FieldValue.integer)),
            ("priority", .text(n.priority.rawValue)), ("org", .text(n.organisation.rawValue)),
            ("incident", n.incident.map { .text($0.rawValue) }),
            ("reported", n.reportedOn.map { .text($0.description) }),
        ]
    }
}

/// `need.updated`: a need's status, quantity or people in need changed.
public enum NeedUpdatedSchema: PayloadSchema {
    public static let types: [EventType] = [.needUpdated]
    public static let fields: [FieldSpec] = [
        .text("need"), .text("status", required: false), .integer("quantity"), .integer("people"),
    ]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        .needUpdated(
            NeedChange(
                id: try CoordinationRule.id(given, "need"),
                status: try CoordinationRule.optional(given, "status", as: NeedStatus.self),
                quantity: try CoordinationRule.quantity(given, required: false),
                people: try CoordinationRule.people(given, "people")))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .needUpdated(let c) = payload else { return [] }
        return [
            ("need", .text(c.id.rawValue)), ("status", CoordinationRule.text(c.status)),
            ("quantity", c.quantity.map(FieldValue.integer)), ("people", c.people.map(FieldValue.integer)),
        ]
    }
}
