/// `unit.assigned`, `assignment.acknowledged`, `assignment.arrived`, `assignment.released`: one
/// shape, which unit on which incident; the type says the stage.
public enum AssignmentSchema: PayloadSchema {
    public static let types: [EventType] = AssignmentStage.allCases.map(\.eventType)
    public static let fields: [FieldSpec] = [.text("incident"), .text("unit")]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        let stage = AssignmentStage.allCases.first { $0.eventType == type } ?? .tasked
        return .assignment(
            stage,
            AssignmentLink(
                incident: try IncidentReference(try given.requiredText("incident"), field: "incident"),
                unit: try CallSign(try given.requiredText("unit"), field: "unit")))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .assignment(_, let link) = payload else { return [] }
        return [("incident", .text(link.incident.rawValue)), ("unit", .text(link.unit.rawValue))]
    }
}
