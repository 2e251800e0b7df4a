/// `pledge.made`: an organisation commits to cover part of one need, in that need's unit.
public enum PledgeMadeSchema: PayloadSchema {
    public static let types: [EventType] = [.pledgeMade]
    public static let fields: [FieldSpec] = [
        .text("pledge"), .text("need"), .text("org"), .integer("quantity"), .text("by", required: false),
    ]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        .pledgeMade(
            PledgeMade(
                id: try CoordinationRule.id(given, "pledge"),
                need: try CoordinationRule.id(given, "need"),
                organisation: try context.agency(try given.requiredText("org"), field: "org"),
                quantity: try CoordinationRule.quantity(given, required: true) ?? 0,
                by: try CoordinationRule.date(given, "by")))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .pledgeMade(let p) = payload else { return [] }
        return [
            ("pledge", .text(p.id.rawValue)), ("need", .text(p.need.rawValue)), ("org", .text(p.organisation.rawValue)),
            ("quantity", .integer(p.quantity)), ("by", p.by.map { .text($0.description) }),
        ]
    }
}

/// `pledge.updated`: a pledge moved on (only forward), its quantity perhaps corrected.
public enum PledgeUpdatedSchema: PayloadSchema {
    public static let types: [EventType] = [.pledgeUpdated]
    public static let fields: [FieldSpec] = [.text("pledge"), .text("status"), .integer("quantity")]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        .pledgeUpdated(
            PledgeChange(
                id: try CoordinationRule.id(given, "pledge"),
                status: try PledgeStatus.parse(try given.requiredText("status"), field: "status"),
                quantity: try CoordinationRule.quantity(given, required: false)))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .pledgeUpdated(let c) = payload else { return [] }
        return [
            ("pledge", .text(c.id.rawValue)), ("status", .text(c.status.rawValue)),
            ("quantity", c.quantity.map(FieldValue.integer)),
        ]
    }
}

/// `setting.changed`: a setting every desk of the store shares (`gapDays`).
public enum SettingChangedSchema: PayloadSchema {
    public static let types: [EventType] = [.settingChanged]
    public static let fields: [FieldSpec] = [.text("setting"), .integer("value")]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        let setting = try StoreSetting.parse(try given.requiredText("setting"), field: "setting")
        guard let value = given.integer("value") else {
            throw ValidationError(field: "value", value: "", problem: .missing)
        }
        guard setting.range.contains(value) else {
            throw ValidationError(field: "value", value: String(value), problem: .outOfRange(setting.range))
        }
        return .settingChanged(SettingChange(setting: setting, value: value))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .settingChanged(let c) = payload else { return [] }
        return [("setting", .text(c.setting.rawValue)), ("value", .integer(c.value))]
    }
}
