import QanatCore
import QanatStore

/// The exercise's writes: its start, its injects and its control, a supervisor's (the controller's).
extension Actions {
    public func startExercise(_ scenario: ExerciseScenario, speed: Int, digest: String, actingAgency: String) throws
        -> Write
    {
        let payload = try context.payload(
            .exerciseStarted,
            [
                "name": .text(scenario.name), "nameAr": scenario.nameArabic.map(FieldValue.text),
                "speed": .integer(speed),
                "stopPhrase": scenario.stopPhrase.map(FieldValue.text), "injects": .integer(scenario.injects.count),
                "scenario": .text(digest),
            ])
        return (try context.knownAgency(actingAgency, field: "agency"), payload)
    }

    /// Inject `number`, its starting incident's key resolved to the reference it was opened under.
    /// During play (a store given) an inject may not carry the stop phrase, and its incident must exist.
    public func exerciseInject(
        _ inject: ExerciseScenario.Inject, number: Int, incident: IncidentReference?, actingAgency: String
    ) throws -> Write {
        if let store {
            if let run = try storeCall({ () throws(StoreError) in try store.exerciseRun() }),
                run.start.stops(inject.text)
            {
                throw ValidationError(field: "text", value: run.start.stopPhrase ?? "", problem: .carriesStopPhrase)
            }
            if let incident, try storeCall({ () throws(StoreError) in try store.incident(incident) }) == nil {
                throw ValidationError(field: "incident", value: incident.rawValue, problem: .unknown(what: "incident"))
            }
        }
        let payload = try context.payload(
            .exerciseInject,
            [
                "number": .integer(number), "at": .integer(inject.at), "from": .text(inject.from),
                "to": .list(inject.to),
                "channel": inject.channel.map(FieldValue.text), "priority": inject.priority.map(FieldValue.text),
                "text": .text(inject.text),
                "incident": incident.map { .text($0.rawValue) }, "expect": inject.expect.map(FieldValue.text),
                "by": inject.by.map(FieldValue.text),
                "within": inject.within.map(FieldValue.integer),
            ])
        return (try context.knownAgency(actingAgency, field: "agency"), payload)
    }

    /// Play is controlled (paused, resumed, skipped, added to, stopped) only on an exercise store
    /// whose play started and has not stopped.
    public func checkPlayGoesOn() throws(ChannelError) {
        guard let store else { throw .needsStore("the exercise's play is read from its store") }
        guard try storeCall({ () throws(StoreError) in try store.isExercise() }) else {
            throw .play(.notAnExercise(path: store.path))
        }
        guard let run = try storeCall({ () throws(StoreError) in try store.exerciseRun() }) else {
            throw .play(.notStarted(path: store.path))
        }
        if case .stopped(let reason) = run.status { throw .play(.stopped(reason)) }
    }

    public func controlExercise(
        _ action: ExerciseControl.Action, inject: Int? = nil, message: EventID? = nil,
        reason: ExerciseControl.Reason? = nil,
        actingAgency: String
    ) throws -> Write {
        let payload = try context.payload(
            .exerciseControl,
            [
                "action": .text(action.rawValue), "inject": inject.map(FieldValue.integer),
                "message": message.map { .text($0.rawValue) },
                "reason": reason.map { .text($0.rawValue) },
            ])
        return (try context.knownAgency(actingAgency, field: "agency"), payload)
    }

    /// The message an inject is played as: from its agency, to its recipients, on its incident;
    /// acknowledgement asked when acknowledging is what it expects.
    public func injectMessage(_ inject: ExerciseInject) throws -> Write {
        try post(
            from: inject.from.rawValue, to: inject.to.codes, priority: inject.priority.rawValue,
            channel: inject.channel.rawValue, subject: nil,
            body: inject.text, incident: inject.incident?.rawValue,
            acknowledgementRequired: inject.expect == .acknowledge)
    }
}
