/// A payload field's kind on the wire (docs/journal-format.md names each).
public enum FieldKind: String, Sendable {
    case text, integer, flag, list
}

/// One field of a payload: its wire name, its kind, and whether a line must carry it.
public struct FieldSpec: Sendable, Equatable {
    public let name: String
    public let kind: FieldKind
    public let required: Bool

    public static func text(_ name: String, required: Bool = true) -> FieldSpec {
        FieldSpec(name: name, kind: .text, required: required)
    }
    public static func integer(_ name: String) -> FieldSpec { FieldSpec(name: name, kind: .integer, required: false) }
    public static func flag(_ name: String) -> FieldSpec { FieldSpec(name: name, kind: .flag, required: false) }
    public static func list(_ name: String, required: Bool = false) -> FieldSpec {
        FieldSpec(name: name, kind: .list, required: required)
    }
}

/// A field's value as given: read from a journal line, a form or the command line, not yet checked.
public enum FieldValue: Equatable, Sendable {
    case text(String)
    case integer(Int)
    case flag(Bool)
    case list([String])
}

/// The values a payload was given, by wire name; an absent field is not in it.
public struct FieldValues: Sendable {
    public var values: [String: FieldValue]

    public init(_ values: [String: FieldValue?]) {
        self.values = values.compactMapValues { $0 }
    }

    public func text(_ name: String) -> String? {
        if case .text(let text)? = values[name] { return text }
        return nil
    }

    public func requiredText(_ name: String) throws(ValidationError) -> String {
        guard let text = text(name) else { throw ValidationError(field: name, value: "", problem: .missing) }
        return text
    }

    public func integer(_ name: String) -> Int? {
        if case .integer(let value)? = values[name] { return value }
        return nil
    }

    public func flag(_ name: String) -> Bool {
        if case .flag(let value)? = values[name] { return value }
        return false
    }

    public func list(_ name: String) -> [String]? {
        if case .list(let items)? = values[name] { return items }
        return nil
    }

    public func requiredList(_ name: String) throws(ValidationError) -> [String] {
        guard let items = list(name) else { throw ValidationError(field: name, value: "", problem: .missing) }
        return items
    }
}

/// What checking a payload may consult. A new write names only the channel's agencies
/// (`WriteContext`); a line already written names any well-formed code (`RecordedContext`).
public protocol SchemaContext {
    func agency(_ text: String, field: String) throws(ValidationError) -> AgencyCode
    var gazetteer: Gazetteer { get }
}

/// Lines already written: codes are checked for form only (an agency registered later, or
/// elsewhere, is still the agency the line names).
public struct RecordedContext: SchemaContext {
    public init() {}
    public func agency(_ text: String, field: String) throws(ValidationError) -> AgencyCode {
        try AgencyCode(text, field: field)
    }
    public var gazetteer: Gazetteer { .libya }
}

extension WriteContext: SchemaContext {
    public func agency(_ text: String, field: String) throws(ValidationError) -> AgencyCode {
        try knownAgency(text, field: field)
    }
}

/// One event type's payload, in one place: its fields on the wire, how given values become a
/// checked payload (the journal decoder, forms and the command line all go through `make`, so
/// a wrong field is named the same way everywhere), and how a payload is written back.
public protocol PayloadSchema {
    /// The event types of this shape (the four assignment stages share one).
    static var types: [EventType] { get }
    static var fields: [FieldSpec] { get }
    static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext) throws(ValidationError)
        -> EventPayload
    /// The payload's fields in wire order; nil for an optional field it does not carry.
    static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)]
}

/// Every event type's schema. A new event type is a case of `EventType` and `EventPayload`, a
/// schema file listed here, and its fold.
public enum EventSchemas {
    public static let all: [any PayloadSchema.Type] = [
        AgencyRegisteredSchema.self, IncidentOpenedSchema.self, IncidentUpdatedSchema.self,
        IncidentStatusChangedSchema.self,
        UnitRegisteredSchema.self, UnitStatusChangedSchema.self, AssignmentSchema.self, MessagePostedSchema.self,
        MessageAcknowledgedSchema.self, MemberAddedSchema.self, MemberRemovedSchema.self, ShiftSchema.self,
        OrganisationRegisteredSchema.self, OrganisationUpdatedSchema.self, NeedReportedSchema.self,
        NeedUpdatedSchema.self,
        ActivityRegisteredSchema.self, ActivityUpdatedSchema.self, PledgeMadeSchema.self, PledgeUpdatedSchema.self,
        SettingChangedSchema.self, RiskRegisteredSchema.self, RiskUpdatedSchema.self, RiskReviewedSchema.self,
        TargetSetSchema.self, ReportWrittenSchema.self, ExerciseStartedSchema.self, ExerciseInjectSchema.self,
        ExerciseControlSchema.self,
    ]

    private static let byType: [EventType: any PayloadSchema.Type] = Dictionary(
        all.flatMap { schema in schema.types.map { ($0, schema) } }, uniquingKeysWith: { first, _ in first })

    public static func schema(for type: EventType) -> any PayloadSchema.Type {
        // Every type has a schema: EventSchemasTests holds the table to it.
        byType[type] ?? ShiftSchema.self
    }

    /// The checked payload of `type` from what was given.
    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        try schema(for: type).make(type, given, context)
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        schema(for: payload.type).values(of: payload)
    }
}

/// Checks shared by several schemas.
enum FieldRule {
    static func people(_ people: Int?) throws(ValidationError) -> Int? {
        if let people, !Limits.peopleAffected.contains(people) {
            throw ValidationError(field: "people", value: String(people), problem: .outOfRange(Limits.peopleAffected))
        }
        return people
    }

    static func optionalAgency(_ text: String?, field: String, _ context: some SchemaContext) throws(ValidationError)
        -> AgencyCode?
    {
        try text.map { code throws(ValidationError) in try context.agency(code, field: field) }
    }

    static func memberKey(_ given: FieldValues) throws(ValidationError) -> MemberKey {
        MemberKey(
            user: try MemberKey.user(try given.requiredText("user")),
            officer: try TextRule.optional(given.text("officer"), field: "officer", maximum: Limits.officer))
    }
}
