/// Checks the coordination's schemas share.
enum CoordinationRule {
    static func quantity(_ given: FieldValues, _ name: String = "quantity", required: Bool) throws(ValidationError)
        -> Int?
    {
        guard let value = given.integer(name) else {
            if required { throw ValidationError(field: name, value: "", problem: .missing) }
            return nil
        }
        guard Limits.quantity.contains(value) else {
            throw ValidationError(field: name, value: String(value), problem: .outOfRange(Limits.quantity))
        }
        return value
    }

    static func people(_ given: FieldValues, _ name: String) throws(ValidationError) -> Int? {
        guard let value = given.integer(name) else { return nil }
        guard Limits.people.contains(value) else {
            throw ValidationError(field: name, value: String(value), problem: .outOfRange(Limits.people))
        }
        return value
    }

    static func id(_ given: FieldValues, _ name: String) throws(ValidationError) -> RecordID {
        try RecordID(try given.requiredText(name), field: name)
    }

    static func date(_ given: FieldValues, _ name: String) throws(ValidationError) -> CalendarDate? {
        try given.text(name).map { text throws(ValidationError) in try CalendarDate(text, field: name) }
    }

    static func requiredDate(_ given: FieldValues, _ name: String) throws(ValidationError) -> CalendarDate {
        try CalendarDate(try given.requiredText(name), field: name)
    }

    static func optional<Value: NamedValue>(_ given: FieldValues, _ name: String, as: Value.Type)
        throws(ValidationError) -> Value?
    {
        try given.text(name).map { text throws(ValidationError) in try Value.parse(text, field: name) }
    }

    static func sectors(_ items: [String]?) throws(ValidationError) -> [Sector]? {
        guard let items else { return nil }
        var sectors: [Sector] = []
        for item in items { sectors.append(try Sector.parse(item, field: "sectors")) }
        return sectors
    }

    /// Gazetteer ids, from names in any listed spelling or ids.
    static func areas(_ items: [String]?, _ context: some SchemaContext) throws(ValidationError) -> [String]? {
        guard let items else { return nil }
        var areas: [String] = []
        for item in items { areas.append(try context.gazetteer.resolve(item, field: "areas").id) }
        return areas
    }

    static func focalPoints(_ items: [String]?) throws(ValidationError) -> [FocalPoint]? {
        guard let items else { return nil }
        var points: [FocalPoint] = []
        for item in items { points.append(try FocalPoint(item)) }
        return points
    }

    static func capabilities(_ items: [String]?) throws(ValidationError) -> [String]? {
        guard let items else { return nil }
        var capabilities: [String] = []
        for item in items {
            capabilities.append(try TextRule.required(item, field: "capabilities", maximum: Limits.capability))
        }
        return capabilities
    }

    static func ids(_ items: [String]?, field: String) throws(ValidationError) -> [RecordID] {
        var ids: [RecordID] = []
        for item in items ?? [] { ids.append(try RecordID(item, field: field)) }
        return ids
    }

    static func text<Value: RawRepresentable<String>>(_ value: Value?) -> FieldValue? {
        value.map { .text($0.rawValue) }
    }
    static func list<Value: RawRepresentable<String>>(_ values: [Value]?) -> FieldValue? {
        values.map { .list($0.map(\.rawValue)) }
    }
}
