/// `member.added`: a member's entry, added or replaced; `pin` is a hash, never the PIN.
public enum MemberAddedSchema: PayloadSchema {
    public static let types: [EventType] = [.memberAdded]
    public static let fields: [FieldSpec] = [
        .text("user"), .text("officer", required: false), .text("agency"), .text("role"), .flag("shared"),
        .text("pin", required: false),
    ]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        .memberAdded(
            Member(
                key: try FieldRule.memberKey(given),
                agency: try context.agency(try given.requiredText("agency"), field: "agency"),
                role: try Role.parse(try given.requiredText("role"), field: "role"), shared: given.flag("shared"),
                pin: try TextRule.optional(given.text("pin"), field: "pin", maximum: Limits.pinHash)))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .memberAdded(let m) = payload else { return [] }
        return [
            ("user", .text(m.key.user)), ("officer", m.key.officer.map(FieldValue.text)),
            ("agency", .text(m.agency.rawValue)),
            ("role", .text(m.role.rawValue)), ("shared", .flag(m.shared)), ("pin", m.pin.map(FieldValue.text)),
        ]
    }
}
