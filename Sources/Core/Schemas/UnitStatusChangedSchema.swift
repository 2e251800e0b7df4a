/// `unit.statusChanged`: a unit's status moved by hand.
public enum UnitStatusChangedSchema: PayloadSchema {
    public static let types: [EventType] = [.unitStatusChanged]
    public static let fields: [FieldSpec] = [.text("callsign"), .text("status")]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        .unitStatusChanged(
            UnitStatusChange(
                callSign: try CallSign(try given.requiredText("callsign"), field: "callsign"),
                status: try UnitStatus.parse(try given.requiredText("status"), field: "status")))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .unitStatusChanged(let c) = payload else { return [] }
        return [("callsign", .text(c.callSign.rawValue)), ("status", .text(c.status.rawValue))]
    }
}
