/// `message.acknowledged`: the envelope's agency acknowledged a message.
public enum MessageAcknowledgedSchema: PayloadSchema {
    public static let types: [EventType] = [.messageAcknowledged]
    public static let fields: [FieldSpec] = [.text("message")]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        .messageAcknowledged(
            MessageAcknowledgement(message: try EventID(try given.requiredText("message"), field: "message")))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .messageAcknowledged(let a) = payload else { return [] }
        return [("message", .text(a.message.rawValue))]
    }
}
