/// `member.removed`: a member's entry ends.
public enum MemberRemovedSchema: PayloadSchema {
    public static let types: [EventType] = [.memberRemoved]
    public static let fields: [FieldSpec] = [.text("user"), .text("officer", required: false)]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        .memberRemoved(try FieldRule.memberKey(given))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .memberRemoved(let key) = payload else { return [] }
        return [("user", .text(key.user)), ("officer", key.officer.map(FieldValue.text))]
    }
}
