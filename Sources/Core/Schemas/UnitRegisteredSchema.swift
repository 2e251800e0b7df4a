/// `unit.registered`: a unit joins its agency, or its kind, capabilities or contact change.
public enum UnitRegisteredSchema: PayloadSchema {
    public static let types: [EventType] = [.unitRegistered]
    public static let fields: [FieldSpec] = [
        .text("callsign"), .text("agency"), .text("kind"), .list("capabilities"), .text("contact", required: false),
    ]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        var capabilities: [String] = []
        for capability in given.list("capabilities") ?? [] {
            capabilities.append(try TextRule.required(capability, field: "capabilities", maximum: Limits.capability))
        }
        return .unitRegistered(
            UnitRegistration(
                callSign: try CallSign(try given.requiredText("callsign"), field: "callsign"),
                agency: try context.agency(try given.requiredText("agency"), field: "agency"),
                kind: try UnitKind.parse(try given.requiredText("kind"), field: "kind"),
                capabilities: capabilities,
                contact: try TextRule.optional(given.text("contact"), field: "contact", maximum: Limits.contact)))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .unitRegistered(let r) = payload else { return [] }
        return [
            ("callsign", .text(r.callSign.rawValue)), ("agency", .text(r.agency.rawValue)),
            ("kind", .text(r.kind.rawValue)),
            ("capabilities", .list(r.capabilities)), ("contact", r.contact.map(FieldValue.text)),
        ]
    }
}
