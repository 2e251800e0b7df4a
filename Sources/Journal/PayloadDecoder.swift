import QanatCore

/// The `data` object of a line: the fields its type's schema (`EventSchemas`) takes, each read
/// by its kind, then checked by the schema; any error names the field's path (`data.ref`).
enum PayloadDecoder {
    static func decode(_ type: EventType, from envelope: FieldReader) throws(LineError) -> EventPayload {
        let schema = EventSchemas.schema(for: type)
        let data = try envelope.reader("data", allowed: schema.fields.map(\.name))
        let given = try data.values(schema.fields)
        return try data.check { () throws(ValidationError) in try schema.make(type, given, RecordedContext()) }
    }
}

extension FieldReader {
    /// Each field the schema names, read by its kind: a value of the wrong kind is named here.
    func values(_ fields: [FieldSpec]) throws(LineError) -> FieldValues {
        var given: [String: FieldValue?] = [:]
        for field in fields {
            switch field.kind {
            case .text: given[field.name] = try optionalString(field.name).map(FieldValue.text)
            case .integer: given[field.name] = try optionalInteger(field.name).map(FieldValue.integer)
            case .flag: given[field.name] = .flag(try bool(field.name, default: false))
            case .list: given[field.name] = try strings(field.name).map(FieldValue.list)
            }
        }
        return FieldValues(given)
    }
}
