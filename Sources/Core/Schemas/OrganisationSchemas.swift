/// `organisation.registered`: an organisation joins the coordination registry, whole (it is
/// active from then on).
public enum OrganisationRegisteredSchema: PayloadSchema {
    public static let types: [EventType] = [.organisationRegistered]
    public static let fields: [FieldSpec] = [
        .text("code"), .text("kind"), .text("nameAr"), .text("nameEn"), .text("registration", required: false),
        .list("areas"), .list("sectors"), .list("focal"), .list("capabilities"),
    ]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        let agency = Agency(
            code: try AgencyCode(try given.requiredText("code"), field: "code"),
            nameArabic: try TextRule.required(
                try given.requiredText("nameAr"), field: "nameAr", maximum: Limits.agencyName),
            nameEnglish: try TextRule.required(
                try given.requiredText("nameEn"), field: "nameEn", maximum: Limits.agencyName),
            kind: try OrganisationKind.parse(try given.requiredText("kind"), field: "kind"))
        return .organisationRegistered(
            Organisation(
                agency: agency,
                registration: try TextRule.optional(
                    given.text("registration"), field: "registration", maximum: Limits.registration),
                areas: try CoordinationRule.areas(given.list("areas"), context) ?? [],
                sectors: try CoordinationRule.sectors(given.list("sectors")) ?? [],
                focalPoints: try CoordinationRule.focalPoints(given.list("focal")) ?? [],
                capabilities: try CoordinationRule.capabilities(given.list("capabilities")) ?? []))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .organisationRegistered(let o) = payload else { return [] }
        return [
            ("code", .text(o.code.rawValue)), ("kind", .text(o.agency.kind.rawValue)),
            ("nameAr", .text(o.agency.nameArabic)),
            ("nameEn", .text(o.agency.nameEnglish)), ("registration", o.registration.map(FieldValue.text)),
            ("areas", .list(o.areas)), ("sectors", CoordinationRule.list(o.sectors)),
            ("focal", .list(o.focalPoints.map(\.text))), ("capabilities", .list(o.capabilities)),
        ]
    }
}

/// `organisation.updated`: what changed in a registration, its status among them; an absent
/// field is unchanged, a list given replaces the list.
public enum OrganisationUpdatedSchema: PayloadSchema {
    public static let types: [EventType] = [.organisationUpdated]
    public static let fields: [FieldSpec] = [
        .text("code"), .text("kind", required: false), .text("nameAr", required: false),
        .text("nameEn", required: false),
        .text("registration", required: false), .list("areas"), .list("sectors"), .list("focal"), .list("capabilities"),
        .text("status", required: false),
    ]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        .organisationUpdated(
            OrganisationChange(
                code: try AgencyCode(try given.requiredText("code"), field: "code"),
                kind: try CoordinationRule.optional(given, "kind", as: OrganisationKind.self),
                nameArabic: try TextRule.optional(given.text("nameAr"), field: "nameAr", maximum: Limits.agencyName),
                nameEnglish: try TextRule.optional(given.text("nameEn"), field: "nameEn", maximum: Limits.agencyName),
                registration: try TextRule.optional(
                    given.text("registration"), field: "registration", maximum: Limits.registration),
                areas: try CoordinationRule.areas(given.list("areas"), context),
                sectors: try CoordinationRule.sectors(given.list("sectors")),
                focalPoints: try CoordinationRule.focalPoints(given.list("focal")),
                capabilities: try CoordinationRule.capabilities(given.list("capabilities")),
                status: try CoordinationRule.optional(given, "status", as: OrganisationStatus.self)))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .organisationUpdated(let c) = payload else { return [] }
        return [
            ("code", .text(c.code.rawValue)), ("kind", CoordinationRule.text(c.kind)),
            ("nameAr", c.nameArabic.map(FieldValue.text)),
            ("nameEn", c.nameEnglish.map(FieldValue.text)), ("registration", c.registration.map(FieldValue.text)),
            ("areas", c.areas.map(FieldValue.list)), ("sectors", CoordinationRule.list(c.sectors)),
            ("focal", c.focalPoints.map { .list($0.map(\.text)) }),
            ("capabilities", c.capabilities.map(FieldValue.list)),
            ("status", CoordinationRule.text(c.status)),
        ]
    }
}
