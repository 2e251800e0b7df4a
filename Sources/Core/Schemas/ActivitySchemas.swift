/// `activity.registered`: who does what where and when (3W), and the needs it answers.
public enum ActivityRegisteredSchema: PayloadSchema {
    public static let types: [EventType] = [.activityRegistered]
    public static let fields: [FieldSpec] = [
        .text("activity"), .text("org"), .text("implementer", required: false), .text("sector"), .text("area"),
        .text("what"),
        .text("start"), .text("end"), .text("status", required: false), .integer("targeted"), .list("needs"),
    ]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        let start = try CoordinationRule.requiredDate(given, "start")
        let end = try CoordinationRule.requiredDate(given, "end")
        guard end >= start else {
            throw ValidationError(
                field: "end", value: end.description, problem: .malformed(expected: "on or after the start, \(start)"))
        }
        return .activityRegistered(
            ActivityRegistration(
                id: try CoordinationRule.id(given, "activity"),
                organisation: try context.agency(try given.requiredText("org"), field: "org"),
                implementer: try FieldRule.optionalAgency(given.text("implementer"), field: "implementer", context),
                sector: try Sector.parse(try given.requiredText("sector"), field: "sector"),
                area: try context.gazetteer.resolve(try given.requiredText("area"), field: "area").id,
                what: try TextRule.required(try given.requiredText("what"), field: "what", maximum: Limits.what),
                start: start, end: end,
                status: try CoordinationRule.optional(given, "status", as: ActivityStatus.self) ?? .planned,
                targeted: try CoordinationRule.people(given, "targeted"),
                needs: try CoordinationRule.ids(given.list("needs"), field: "needs")))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .activityRegistered(let a) = payload else { return [] }
        return [
            ("activity", .text(a.id.rawValue)), ("org", .text(a.organisation.rawValue)),
            ("implementer", a.implementer.map { .text($0.rawValue) }), ("sector", .text(a.sector.rawValue)),
            ("area", .text(a.area)),
            ("what", .text(a.what)), ("start", .text(a.start.description)), ("end", .text(a.end.description)),
            ("status", .text(a.status.rawValue)), ("targeted", a.targeted.map(FieldValue.integer)),
            ("needs", .list(a.needs.map(\.rawValue))),
        ]
    }
}

/// `activity.updated`: an activity moved on (status only forward), reached more people, or
/// changed its dates.
public enum ActivityUpdatedSchema: PayloadSchema {
    public static let types: [EventType] = [.activityUpdated]
    public static let fields: [FieldSpec] = [
        .text("activity"), .text("status", required: false), .integer("reached"), .text("start", required: false),
        .text("end", required: false),
    ]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        .activityUpdated(
            ActivityChange(
                id: try CoordinationRule.id(given, "activity"),
                status: try CoordinationRule.optional(given, "status", as: ActivityStatus.self),
                reached: try CoordinationRule.people(given, "reached"),
                start: try CoordinationRule.date(given, "start"),
                end: try CoordinationRule.date(given, "end")))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .activityUpdated(let c) = payload else { return [] }
        return [
            ("activity", .text(c.id.rawValue)), ("status", CoordinationRule.text(c.status)),
            ("reached", c.reached.map(FieldValue.integer)),
            ("start", c.start.map { .text($0.description) }), ("end", c.end.map { .text($0.description) }),
        ]
    }
}
