/// `message.posted`: a message on the unified log.
public enum MessagePostedSchema: PayloadSchema {
    public static let types: [EventType] = [.messagePosted]
    public static let fields: [FieldSpec] = [
        .list("to", required: true), .text("priority"), .text("channel"), .text("subject", required: false),
        .text("body"),
        .text("incident", required: false), .flag("ack"),
    ]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        let recipients = try Recipients(codes: try given.requiredList("to"), field: "to")
        if case .agencies(let codes) = recipients {
            for code in codes { _ = try context.agency(code.rawValue, field: "to") }
        }
        return .messagePosted(
            MessagePosting(
                recipients: recipients,
                priority: try MessagePriority.parse(try given.requiredText("priority"), field: "priority"),
                channel: try MessageChannel.parse(try given.requiredText("channel"), field: "channel"),
                subject: try TextRule.optional(given.text("subject"), field: "subject", maximum: Limits.subject),
                body: try TextRule.required(try given.requiredText("body"), field: "body", maximum: Limits.body),
                incident: try given.text("incident").map { text throws(ValidationError) in
                    try IncidentReference(text, field: "incident")
                },
                acknowledgementRequired: given.flag("ack")))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .messagePosted(let m) = payload else { return [] }
        return [
            ("to", .list(m.recipients.codes)), ("priority", .text(m.priority.rawValue)),
            ("channel", .text(m.channel.rawValue)),
            ("subject", m.subject.map(FieldValue.text)), ("body", .text(m.body)),
            ("incident", m.incident.map { .text($0.rawValue) }), ("ack", .flag(m.acknowledgementRequired)),
        ]
    }
}
