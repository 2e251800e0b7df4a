/// `agency.registered`: an agency joins the channel.
public enum AgencyRegisteredSchema: PayloadSchema {
    public static let types: [EventType] = [.agencyRegistered]
    public static let fields: [FieldSpec] = [.text("code"), .text("nameAr"), .text("nameEn"), .text("kind")]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        .agencyRegistered(
            Agency(
                code: try AgencyCode(try given.requiredText("code"), field: "code"),
                nameArabic: try TextRule.required(
                    try given.requiredText("nameAr"), field: "nameAr", maximum: Limits.agencyName),
                nameEnglish: try TextRule.required(
                    try given.requiredText("nameEn"), field: "nameEn", maximum: Limits.agencyName),
                kind: try AgencyKind.parse(try given.requiredText("kind"), field: "kind")))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .agencyRegistered(let agency) = payload else { return [] }
        return [
            ("code", .text(agency.code.rawValue)), ("nameAr", .text(agency.nameArabic)),
            ("nameEn", .text(agency.nameEnglish)), ("kind", .text(agency.kind.rawValue)),
        ]
    }
}
