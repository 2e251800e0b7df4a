/// Checks the exercise's schemas share.
enum ExerciseRule {
    static func count(_ given: FieldValues, _ name: String, _ range: ClosedRange<Int>, required: Bool)
        throws(ValidationError) -> Int?
    {
        guard let value = given.integer(name) else {
            if required { throw ValidationError(field: name, value: "", problem: .missing) }
            return nil
        }
        guard range.contains(value) else {
            throw ValidationError(field: name, value: String(value), problem: .outOfRange(range))
        }
        return value
    }

    static let injectNumbers = 1...10_000
}

/// `exercise.started`: play began on this exercise store.
public enum ExerciseStartedSchema: PayloadSchema {
    public static let types: [EventType] = [.exerciseStarted]
    public static let fields: [FieldSpec] = [
        .text("name"), .text("nameAr", required: false), .integer("speed"), .text("stopPhrase", required: false),
        .integer("injects"),
        .text("scenario"),
    ]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        let scenario = try given.requiredText("scenario")
        guard ReportRecord.isDigest(scenario) else {
            throw ValidationError(
                field: "scenario", value: String(scenario.prefix(70)),
                problem: .malformed(expected: "64 lower-case hex digits"))
        }
        return .exerciseStarted(
            ExerciseStart(
                name: try TextRule.required(try given.requiredText("name"), field: "name", maximum: Limits.title),
                nameArabic: try TextRule.optional(given.text("nameAr"), field: "nameAr", maximum: Limits.title),
                speed: try ExerciseRule.count(given, "speed", ExerciseStart.speeds, required: false) ?? 1,
                stopPhrase: try TextRule.optional(
                    given.text("stopPhrase"), field: "stopPhrase", maximum: Limits.subject),
                injects: try ExerciseRule.count(
                    given, "injects", 0...ExerciseRule.injectNumbers.upperBound, required: true) ?? 0,
                scenario: scenario))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .exerciseStarted(let s) = payload else { return [] }
        return [
            ("name", .text(s.name)), ("nameAr", s.nameArabic.map(FieldValue.text)), ("speed", .integer(s.speed)),
            ("stopPhrase", s.stopPhrase.map(FieldValue.text)), ("injects", .integer(s.injects)),
            ("scenario", .text(s.scenario)),
        ]
    }
}

/// `exercise.inject`: an inject of the scenario, or one the controller added during play.
public enum ExerciseInjectSchema: PayloadSchema {
    public static let types: [EventType] = [.exerciseInject]
    public static let fields: [FieldSpec] = [
        .integer("number"), .integer("at"), .text("from"), .list("to", required: true),
        .text("channel", required: false),
        .text("priority", required: false), .text("text"), .text("incident", required: false),
        .text("expect", required: false),
        .text("by", required: false), .integer("within"),
    ]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        let recipients = try Recipients(codes: try given.requiredList("to"), field: "to")
        if case .agencies(let codes) = recipients {
            for code in codes { _ = try context.agency(code.rawValue, field: "to") }
        }
        let expect = try given.text("expect").map { text throws(ValidationError) in
            try ExpectedAction.parse(text, field: "expect")
        }
        let by = try FieldRule.optionalAgency(given.text("by"), field: "by", context)
        if expect != nil, by == nil { throw ValidationError(field: "by", value: "", problem: .missing) }
        if by != nil, expect == nil { throw ValidationError(field: "expect", value: "", problem: .missing) }
        return .exerciseInject(
            ExerciseInject(
                number: try ExerciseRule.count(given, "number", ExerciseRule.injectNumbers, required: true) ?? 1,
                offset: try ExerciseRule.count(given, "at", ExerciseInject.offsets, required: true) ?? 0,
                from: try context.agency(try given.requiredText("from"), field: "from"),
                to: recipients,
                channel: try given.text("channel").map { text throws(ValidationError) in
                    try MessageChannel.parse(text, field: "channel")
                } ?? .radio,
                priority: try given.text("priority").map { text throws(ValidationError) in
                    try MessagePriority.parse(text, field: "priority")
                } ?? .immediate,
                text: try TextRule.required(try given.requiredText("text"), field: "text", maximum: Limits.body),
                incident: try given.text("incident").map { text throws(ValidationError) in
                    try IncidentReference(text, field: "incident")
                },
                expect: expect, by: by,
                within: try ExerciseRule.count(given, "within", ExerciseInject.withins, required: false)))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .exerciseInject(let i) = payload else { return [] }
        return [
            ("number", .integer(i.number)), ("at", .integer(i.offset)), ("from", .text(i.from.rawValue)),
            ("to", .list(i.to.codes)),
            ("channel", .text(i.channel.rawValue)), ("priority", .text(i.priority.rawValue)), ("text", .text(i.text)),
            ("incident", i.incident.map { .text($0.rawValue) }), ("expect", i.expect.map { .text($0.rawValue) }),
            ("by", i.by.map { .text($0.rawValue) }), ("within", i.within.map(FieldValue.integer)),
        ]
    }
}

/// `exercise.control`: an inject played or skipped, play paused, resumed or stopped.
public enum ExerciseControlSchema: PayloadSchema {
    public static let types: [EventType] = [.exerciseControl]
    public static let fields: [FieldSpec] = [
        .text("action"), .integer("inject"), .text("message", required: false), .text("reason", required: false),
    ]

    public static func make(_ type: EventType, _ given: FieldValues, _ context: some SchemaContext)
        throws(ValidationError) -> EventPayload
    {
        let action = try ExerciseControl.Action.parse(try given.requiredText("action"), field: "action")
        let inject = try ExerciseRule.count(
            given, "inject", ExerciseRule.injectNumbers, required: action == .played || action == .skipped)
        return .exerciseControl(
            ExerciseControl(
                action: action, inject: inject,
                message: try given.text("message").map { text throws(ValidationError) in
                    try EventID(text, field: "message")
                },
                reason: try given.text("reason").map { text throws(ValidationError) in
                    try ExerciseControl.Reason.parse(text, field: "reason")
                }))
    }

    public static func values(of payload: EventPayload) -> [(name: String, value: FieldValue?)] {
        guard case .exerciseControl(let c) = payload else { return [] }
        return [
            ("action", .text(c.action.rawValue)), ("inject", c.inject.map(FieldValue.integer)),
            ("message", c.message.map { .text($0.rawValue) }),
            ("reason", c.reason.map { .text($0.rawValue) }),
        ]
    }
}
