import Foundation
import QanatChannel
import QanatCore
import QanatStore
import QanatUI

/// Carries out what the desk's keys ask — a form's write, an acknowledgement, the controller's
/// pause — through the same `WriteSession` as the command line, and says what came of it as a
/// `DeskOutcome` for the state to apply. Events the store could not take yet stay in the journal
/// and in the session, retried on every poll, so the keyboard never waits for the store.
public struct DeskActions {
    public private(set) var session: WriteSession
    /// Drafts belong to a store and an officer: kept by the store's path under this directory.
    let storePath: String
    let draftsDirectory: String

    public init(session: WriteSession, storePath: String, draftsDirectory: String) {
        self.session = session
        self.storePath = storePath
        self.draftsDirectory = draftsDirectory
    }

    public func drafts(for officer: String) -> DraftFile {
        DraftFile(store: storePath, officer: officer, directory: draftsDirectory)
    }

    /// What the form's write came to; nil for a form that writes nothing (a filter).
    public mutating func submit(_ form: Form, state: DeskState) -> DeskOutcome? {
        switch form.purpose {
        case .signOn: return signOn(form, state: state)
        case .signOff: return signOff(form, state: state)
        default: break
        }
        do {
            let actions = try session.actions()
            if case .openIncident = form.purpose, !form.warned {
                let duplicates = actions.likelyDuplicates(
                    type: form.value("type"), area: form.value("area"), at: state.now)
                if !duplicates.isEmpty { return .likelyDuplicates(duplicates.map(\.reference)) }
            }
            if case .registerActivity = form.purpose, !form.warned {
                // As the incident form warns of a likely duplicate: once, naming the others; Enter again saves.
                let duplicates = try activity(form, actions: actions, state: state).duplicates
                if !duplicates.isEmpty { return .duplicatesActivity(of: duplicates) }
            }
            guard let write = try self.write(for: form, actions: actions, state: state) else { return nil }
            return record(write, done: .sent)
        } catch let error as ValidationError {
            return .invalid([error])
        } catch let refused as FieldChecks {
            return .invalid(refused.errors)
        } catch {
            return .failed("\(error)")
        }
    }

    /// The controller's pause, resume or skip.
    public mutating func controlExercise(_ action: ExerciseControl.Action, inject: Int?, state: DeskState)
        -> DeskOutcome
    {
        do {
            let write = try session.actions().controlExercise(
                action, inject: inject, actingAgency: state.agency.rawValue)
            return record(write, done: .exercise(action, inject: inject))
        } catch {
            return .failed("\(error)")
        }
    }

    public mutating func acknowledge(_ messageID: String, state: DeskState) -> DeskOutcome {
        do {
            let result = try session.actions().acknowledge(messageID: messageID, agency: state.agency.rawValue)
            guard let write = result.write else {
                return .recorded(.acknowledged, kept: false, backlog: session.pending.count)
            }
            return record(write, done: .acknowledged)
        } catch let error as ValidationError {
            return .invalid([error])
        } catch {
            return .failed("\(error)")
        }
    }

    /// Applies what the store could not take before; nil when nothing changed.
    public mutating func retry() -> DeskOutcome? {
        guard let retry = session.retry() else { return nil }
        return .backlogApplied(refused: retry.refused.map(\.refusal))
    }

    /// The loop's connection to the store, and who this desk is to its members.
    public mutating func use(_ connection: StoreConnection?) { session.use(connection) }
    public mutating func learned(_ actor: Actor) { session.learned(actor) }

    /// An officer starts a shift on a shared account: their name, an agency their role allows,
    /// and the PIN their entry sets. Refusals name the field and keep the form.
    private mutating func signOn(_ form: Form, state: DeskState) -> DeskOutcome {
        do {
            let (name, agency, actor, seal) = try session.actions().signOn(
                officer: form.value("officer"), agency: form.value("agency"), pin: form.value("pin"),
                user: UnixUser.current, service: session.serviceClient)
            let previous = session
            session.signOn(officer: name, actor: actor, seal: seal)
            let outcome = record((agency, .shift(ShiftChange(signedOn: true))), done: .signedOn)
            guard case .recorded(_, let kept, let backlog) = outcome else {
                session = previous
                return outcome
            }
            return .signedOn(
                officer: name, agency: agency, drafts: drafts(for: name).load(), kept: kept, backlog: backlog)
        } catch let error as ValidationError {
            return .invalid([error])
        } catch let refusal as Refusal {
            return .signOnRefused(field: refusal.concernsPIN ? "pin" : "agency", refusal)
        } catch {
            return .failed("\(error)")
        }
    }

    /// The officer ends the shift with a note; on a shared account their unsent text is kept for
    /// their next shift and the desk waits for the next officer.
    private mutating func signOff(_ form: Form, state: DeskState) -> DeskOutcome {
        let note: String?
        do { note = try TextRule.optional(form.value("note"), field: "note", maximum: Limits.body) } catch {
            return .invalid([error])
        }
        let outcome = record((state.agency, .shift(ShiftChange(signedOn: false, note: note))), done: .signedOff)
        guard case .recorded(_, let kept, let backlog) = outcome else { return outcome }
        session.signedOff()
        if state.shift != .notRequired { drafts(for: state.officer).save(state.keptDrafts) }
        return .signedOff(note: note, kept: kept, backlog: backlog)
    }

    /// Recorded (applied, or kept in the journal for later), or why not: a refused role leaves
    /// nothing written, and a form keeps what was typed.
    private mutating func record(_ write: Actions.Write, done: DeskOutcome.Done) -> DeskOutcome {
        let event: Event
        do { event = try session.event(write) } catch let refusal as Refusal {
            return .refused(refusal)
        } catch {
            return .failed("\(error)")
        }
        do {
            let outcome = try session.record(event)
            let kept = if case .kept = outcome { true } else { false }
            return .recorded(done, kept: kept, backlog: session.pending.count)
        } catch {
            // Not even the journal took it: nothing was recorded, and the form keeps its text.
            return .failed("\(error)")
        }
    }

    /// A form's number field, typed in any digits; nil when left empty.
    private static func wholeNumber(_ form: Form, _ name: String) throws(ValidationError) -> Int? {
        let text = form.trimmedValue(name)
        guard !text.isEmpty else { return nil }
        guard let number = Digits.integer(text) else {
            throw ValidationError(field: name, value: text, problem: .malformed(expected: "a whole number"))
        }
        return number
    }

    /// The activity the form describes, and whom it would duplicate.
    private func activity(_ form: Form, actions: Actions, state: DeskState) throws -> (
        write: Actions.Write, duplicates: [AgencyCode]
    ) {
        guard case .registerActivity(let area, let sector) = form.purpose else {
            preconditionFailure("an activity form")
        }
        func optional(_ name: String) -> String? {
            form.value(name).trimmingSpaces().isEmpty ? nil : form.trimmedValue(name)
        }
        let targeted = try Self.wholeNumber(form, "targeted")
        return try actions.registerActivity(
            organisation: form.trimmedValue("org"), implementer: optional("implementer"), sector: sector.rawValue,
            area: area,
            what: form.value("what"), start: form.trimmedValue("start"), end: form.trimmedValue("end"),
            status: form.value("status"),
            targeted: targeted, needs: optional("need").map { [$0] } ?? [], at: state.now, acting: state.agency.rawValue
        )
    }

    /// The write a form asks for; nil for forms that are not writes.
    private func write(for form: Form, actions: Actions, state: DeskState) throws -> Actions.Write? {
        let store = actions.store
        let agency = state.agency.rawValue
        func optional(_ name: String) -> String? { form.value(name).isEmpty ? nil : form.value(name) }
        let checks = Self.fieldChecks(form, actions.context, run: try? store?.exerciseRun())
        if !checks.errors.isEmpty { throw checks }
        switch form.purpose {
        case .postMessage:
            return try actions.post(
                from: agency, to: form.value("to").split(separator: ",").map(String.init),
                priority: form.value("priority"),
                channel: form.value("channel"), subject: optional("subject"), body: form.value("body"),
                incident: optional("incident"), acknowledgementRequired: form.value("ack") == "yes")
        case .openIncident:
            let people = try Self.wholeNumber(form, "people")
            return try actions.openIncident(
                agency: agency, type: form.value("type"), severity: form.value("severity"), area: form.value("area"),
                title: form.value("title"), place: optional("place"), lead: optional("lead"), people: people,
                reference: actions.nextIncidentReference)
        case .incidentStatus(let reference):
            return try actions.changeStatus(
                reference: reference, to: form.value("status"), agency: agency, note: optional("note"))
        case .assignUnit(let reference):
            return try actions.assignment(.tasked, reference: reference, callSign: form.value("unit"), agency: agency)
        case .reviewRisk:
            return try actions.reviewRisk(id: form.value("risk"), note: optional("note"), next: optional("next"))
        case .registerUnit:
            return try actions.registerUnit(
                callSign: form.trimmedValue("callsign"), agency: form.trimmedValue("agency"), kind: form.value("kind"),
                capabilities: Self.list(form.value("capabilities")), contact: optional("contact"))
        case .editUnit(let callSign):
            return try actions.updateUnit(
                callSign: callSign, kind: form.value("kind"), capabilities: Self.list(form.value("capabilities")),
                contact: optional("contact"))
        case .unitStatus(let callSign):
            return try actions.unitStatus(callSign: callSign, to: form.value("status"), agency: agency)
        case .registerActivity:
            return try activity(form, actions: actions, state: state).write
        case .reportNeed(let area, let sector):
            let quantity = try Self.wholeNumber(form, "quantity")
            return try actions.reportNeed(
                area: area, sector: sector.rawValue, what: form.value("what"),
                quantity: try quantity ?? { throw ValidationError(field: "quantity", value: "", problem: .missing) }(),
                unit: form.value("unit"), people: try Self.wholeNumber(form, "people"),
                priority: form.value("priority"),
                organisation: form.trimmedValue("org"), incident: nil, at: state.now)
        case .makePledge:
            let quantity = try Self.wholeNumber(form, "quantity")
            return try actions.makePledge(
                need: form.value("need"), organisation: form.trimmedValue("org"),
                quantity: try quantity ?? { throw ValidationError(field: "quantity", value: "", problem: .missing) }(),
                by: optional("by"), at: state.now)
        case .addInject:
            let run = try store?.exerciseRun()
            let at =
                try optional("at").map { text throws(ValidationError) in try ScenarioDuration.seconds(text, field: "at")
                }
                ?? Int((run?.elapsed(at: state.now) ?? 0).rounded(.up))
            let within = try optional("within").map { text throws(ValidationError) in
                try ScenarioDuration.seconds(text, field: "within")
            }
            let inject = ExerciseScenario.Inject(
                at: at, from: form.trimmedValue("from"), to: form.value("to").split(separator: ",").map(String.init),
                priority: form.value("priority"), text: form.value("text"),
                expect: optional("expect"), by: optional("by"), within: within)
            let incident = try optional("incident").map { text throws(ValidationError) in try IncidentReference(text) }
            return try actions.exerciseInject(
                inject, number: (run?.injects.keys.max() ?? 0) + 1, incident: incident, actingAgency: agency)
        case .incidentFilter, .logFilter, .coverageFilter, .signOn, .signOff:
            // Filters are applied by the desk's state itself; sign-on and sign-off have their own paths.
            return nil
        }
    }
}

extension DeskActions {
    /// Each field of a form checked on its own before the write's checks, which stop at the first:
    /// the form then shows every wrong field's refusal beside it at once.
    public static func fieldChecks(_ form: Form, _ context: WriteContext, run: ExerciseRun?) -> FieldChecks {
        var checks = FieldChecks()
        func optional(_ name: String) -> String? { form.trimmedValue(name).isEmpty ? nil : form.trimmedValue(name) }
        func agency(_ name: String) {
            checks.run {
                _ = try optional(name).map { code throws(ValidationError) in try context.knownAgency(code, field: name)
                }
            }
        }
        func agencies(_ name: String) {
            checks.run {
                for code in list(form.value(name)) where code != "*" { _ = try context.knownAgency(code, field: name) }
            }
        }
        func duration(_ name: String) {
            checks.run {
                _ = try optional(name).map { text throws(ValidationError) in
                    try ScenarioDuration.seconds(text, field: name)
                }
            }
        }
        func reference(_ name: String) {
            checks.run {
                _ = try optional(name).map { text throws(ValidationError) in try IncidentReference(text, field: name) }
            }
        }
        func required(_ name: String, _ maximum: Int) {
            checks.run { _ = try TextRule.required(form.value(name), field: name, maximum: maximum) }
        }
        switch form.purpose {
        case .openIncident:
            checks.run { _ = try context.gazetteer.resolve(form.value("area"), field: "area") }
            required("title", Limits.title)
            checks.run { _ = try wholeNumber(form, "people") }
            agency("lead")
        case .postMessage:
            agencies("to")
            required("body", Limits.body)
            reference("incident")
        case .registerUnit:
            checks.run { _ = try CallSign(form.trimmedValue("callsign"), field: "callsign") }
            checks.run { _ = try context.knownAgency(form.trimmedValue("agency"), field: "agency") }
        case .addInject:
            duration("at")
            duration("within")
            reference("incident")
            checks.run { _ = try context.knownAgency(form.trimmedValue("from"), field: "from") }
            agencies("to")
            agency("by")
            if let run, run.start.stops(form.value("text")) {
                checks.errors.append(
                    ValidationError(field: "text", value: run.start.stopPhrase ?? "", problem: .carriesStopPhrase))
            }
        default: break
        }
        return checks
    }

    /// A list typed in one field: `boat, divers` (an Arabic comma too).
    public static func list(_ text: String) -> [String] {
        text.split { $0 == "," || $0 == "،" }.map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }
}

/// The refusals of a form's fields, each checked on its own: the form shows every field's beside it.
public struct FieldChecks: Error {
    public var errors: [ValidationError] = []

    mutating func run(_ check: () throws -> Void) {
        do { try check() } catch let error as ValidationError { errors.append(error) } catch {}
    }
}
