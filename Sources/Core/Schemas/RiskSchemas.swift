/// Checks the risk register's schemas share.
enum RiskRule {
    static func level(_ given: FieldValues, _ name: String, required: Bool) throws(ValidationError) -> Int? {
        guard let value = given.integer(name) else {
            if required { throw ValidationError(field: name, value: "", problem: .missing) }
            return nil
        }
        guard RiskScale.levels.contains(value) else {
            throw ValidationError(field: name, value: String(value), problem: .outOfRange(RiskScale.levels))
        }
        return value
    }

    static func items(_ items: [String]?, field: String) throws(ValidationError) -> [String]? {
        guard let items else { return nil }
        var checked: [String] = []
        for item in items { checked.append(try TextRule.required(item, field: field, maximum: Limits.riskItem)) }
        return checked
    }

    static func areas(_ items: [String]?, _ context: some SchemaContext) throws(ValidationError) -> [String]? {
        guard let areas = try CoordinationRule.areas(items, context) else { return nil }
        guard !areas.isEmpty else { throw ValidationError(field: "areas", value: "", problem: .empty) }
        return areas
    }
}

/// `risk.registered`: a risk joins the national register, whole.
public enum RiskRegisteredSchema: PayloadSchema {
    public static let types: [EventType] = [.riskRegistered]
    public static let fields: [FieldSpec] = [
        .text("risk"), .text("hazard"), .text("title"), .list("areas", required: true), .integer("likelihood"),
        .integer("impact"),
        .text("owner"), .list("mitigations"), .text("plan", required: false), .list("resources"),
        .text("review", required: false),
    ]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        .riskRegistered(
            RiskEntry(
                id: try CoordinationRule.id(given, "risk"),
                hazard: try IncidentType.parse(try given.requiredText("hazard"), field: "hazard"),
                title: try TextRule.required(try given.requiredText("title"), field: "title", maximum: Limits.title),
                areas: try RiskRule.areas(try given.requiredList("areas"), context) ?? [],
                likelihood: try RiskRule.level(given, "likelihood", required: true) ?? 1,
                impact: try RiskRule.level(given, "impact", required: true) ?? 1,
                owner: try context.agency(try given.requiredText("owner"), field: "owner"),
                mitigations: try RiskRule.items(given.list("mitigations"), field: "mitigations") ?? [],
                plan: try TextRule.optional(given.text("plan"), field: "plan", maximum: Limits.riskItem),
                resources: try RiskRule.items(given.list("resources"), field: "resources") ?? [],
                nextReview: try CoordinationRule.date(given, "review")))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .riskRegistered(let r) = payload else { return [] }
        return [
            ("risk", .text(r.id.rawValue)), ("hazard", .text(r.hazard.rawValue)), ("title", .text(r.title)),
            ("areas", .list(r.areas)),
            ("likelihood", .integer(r.likelihood)), ("impact", .integer(r.impact)), ("owner", .text(r.owner.rawValue)),
            ("mitigations", .list(r.mitigations)), ("plan", r.plan.map(FieldValue.text)),
            ("resources", .list(r.resources)),
            ("review", r.nextReview.map { .text($0.description) }),
        ]
    }
}

/// `risk.updated`: what changed in a risk; an absent field is unchanged, a list given replaces it.
public enum RiskUpdatedSchema: PayloadSchema {
    public static let types: [EventType] = [.riskUpdated]
    public static let fields: [FieldSpec] = [
        .text("risk"), .text("hazard", required: false), .text("title", required: false), .list("areas"),
        .integer("likelihood"),
        .integer("impact"), .text("owner", required: false), .list("mitigations"), .text("plan", required: false),
        .list("resources"),
        .text("review", required: false),
    ]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        .riskUpdated(
            RiskChange(
                id: try CoordinationRule.id(given, "risk"),
                hazard: try given.text("hazard").map { text throws(ValidationError) in
                    try IncidentType.parse(text, field: "hazard")
                },
                title: try TextRule.optional(given.text("title"), field: "title", maximum: Limits.title),
                areas: try RiskRule.areas(given.list("areas"), context),
                likelihood: try RiskRule.level(given, "likelihood", required: false),
                impact: try RiskRule.level(given, "impact", required: false),
                owner: try FieldRule.optionalAgency(given.text("owner"), field: "owner", context),
                mitigations: try RiskRule.items(given.list("mitigations"), field: "mitigations"),
                plan: try TextRule.optional(given.text("plan"), field: "plan", maximum: Limits.riskItem),
                resources: try RiskRule.items(given.list("resources"), field: "resources"),
                nextReview: try CoordinationRule.date(given, "review")))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .riskUpdated(let c) = payload else { return [] }
        return [
            ("risk", .text(c.id.rawValue)), ("hazard", c.hazard.map { .text($0.rawValue) }),
            ("title", c.title.map(FieldValue.text)),
            ("areas", c.areas.map(FieldValue.list)), ("likelihood", c.likelihood.map(FieldValue.integer)),
            ("impact", c.impact.map(FieldValue.integer)), ("owner", c.owner.map { .text($0.rawValue) }),
            ("mitigations", c.mitigations.map(FieldValue.list)), ("plan", c.plan.map(FieldValue.text)),
            ("resources", c.resources.map(FieldValue.list)), ("review", c.nextReview.map { .text($0.description) }),
        ]
    }
}

/// `risk.reviewed`: its owner looked at it again; `next` sets the next review.
public enum RiskReviewedSchema: PayloadSchema {
    public static let types: [EventType] = [.riskReviewed]
    public static let fields: [FieldSpec] = [
        .text("risk"), .text("note", required: false), .text("next", required: false),
    ]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        .riskReviewed(
            RiskReview(
                risk: try CoordinationRule.id(given, "risk"),
                note: try TextRule.optional(given.text("note"), field: "note", maximum: Limits.body),
                next: try CoordinationRule.date(given, "next")))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .riskReviewed(let r) = payload else { return [] }
        return [
            ("risk", .text(r.risk.rawValue)), ("note", r.note.map(FieldValue.text)),
            ("next", r.next.map { .text($0.description) }),
        ]
    }
}
