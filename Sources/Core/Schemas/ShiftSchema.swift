/// `shift.signedOn`, `shift.signedOff`: an officer's shift begins or ends; the note is what
/// they hand over.
public enum ShiftSchema: PayloadSchema {
    public static let types: [EventType] = [.shiftSignedOn, .shiftSignedOff]
    public static let fields: [FieldSpec] = [.text("note", required: false)]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        .shift(
            ShiftChange(
                signedOn: type == .shiftSignedOn,
                note: try TextRule.optional(given.text("note"), field: "note", maximum: Limits.body)))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .shift(let change) = payload else { return [] }
        return [("note", change.note.map(FieldValue.text))]
    }
}
