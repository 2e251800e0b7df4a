import QanatChannel
import QanatCore
import QanatStore
import QanatUI

/// Carries out what the desk's keys ask: a form's write or an acknowledgement, through the same
/// checks and write path as the command line. Events the store could not take yet stay in the
/// journal and in `pending`, retried on every poll, so the keyboard never waits for the store.
struct DeskActions {
    var writer: ChannelWriter
    /// Drafts belong to a store and an officer.
    let storePath: String
    private(set) var pending: [Event] = []

    init(writer: ChannelWriter, storePath: String) {
        self.writer = writer
        self.storePath = storePath
    }

    func drafts(for officer: String) -> DraftFile { DraftFile(store: storePath, officer: officer) }

    mutating func submit(_ form: Form, state: inout DeskState, store: (any StoreWriter)?) {
        let l = state.localizer
        switch form.purpose {
        case .signOn: return signOn(form, state: &state, store: store)
        case .signOff: return signOff(form, state: &state, store: store)
        default: break
        }
        do {
            let context = try store?.writeContext() ?? .seeded
            let actions = Actions(context: context, store: store)
            if case .openIncident = form.purpose, !form.warned {
                let duplicates = actions.likelyDuplicates(type: form.value("type"), area: form.value("area"), at: state.now)
                if !duplicates.isEmpty {
                    state.form?.notice = "\(l(.likelyDuplicate)) \(duplicates.map(\.reference.rawValue).joined(separator: ", ")) — \(l(.enterOpensAnyway))"
                    state.form?.warned = true
                    return
                }
            }
            if case .registerActivity = form.purpose, !form.warned {
                // As the incident form warns of a likely duplicate: once, naming the others; Enter again saves.
                let duplicates = try activity(form, actions: actions, state: state).duplicates
                if !duplicates.isEmpty {
                    state.form?.notice = "\(l(.wouldDuplicate)) \(duplicates.map(\.rawValue).joined(separator: ", ")) — \(l(.enterSavesAnyway))"
                    state.form?.warned = true
                    return
                }
            }
            guard let write = try self.write(for: form, actions: actions, state: state, store: store) else { return }
            record(write, state: &state, store: store, done: l(.sent))
        } catch let error as ValidationError {
            state.formRefused(error)
        } catch let refused as FieldChecks {
            state.formRefused(refused.errors)
        } catch {
            state.form?.notice = "\(error)"
        }
    }

    /// The controller's pause, resume or skip.
    mutating func controlExercise(_ action: ExerciseControl.Action, inject: Int?, state: inout DeskState, store: (any StoreWriter)?) {
        let context = (try? store?.writeContext()) ?? .seeded
        do {
            let write = try Actions(context: context, store: store).controlExercise(action, inject: inject, actingAgency: state.agency.rawValue)
            record(write, state: &state, store: store, done: state.localizer(action) + (inject.map { " \(state.localizer.number($0))" } ?? ""))
        } catch {
            state.notice = "\(error)"
        }
    }

    mutating func acknowledge(_ messageID: String, state: inout DeskState, store: (any StoreWriter)?) {
        let context = (try? store?.writeContext()) ?? .seeded
        do {
            let result = try Actions(context: context, store: store).acknowledge(messageID: messageID, agency: state.agency.rawValue)
            guard let write = result.write else {
                state.notice = state.localizer(.acknowledged)
                return
            }
            record(write, state: &state, store: store, done: state.localizer(.acknowledged))
        } catch let error as ValidationError {
            state.notice = state.localizer(error)
        } catch {
            state.notice = "\(error)"
        }
    }

    /// Applies what the store could not take before; true when something went in.
    mutating func retry(store: (any StoreWriter)?, state: inout DeskState) -> Bool {
        guard !pending.isEmpty, let store, (try? store.apply(pending)) != nil else { return false }
        pending.removeAll()
        state.backlog = 0
        return true
    }

    /// An officer starts a shift on a shared account: their name, an agency their role allows,
    /// and the PIN their entry sets. Refusals name the field and keep the form.
    private mutating func signOn(_ form: Form, state: inout DeskState, store: (any StoreWriter)?) {
        let l = state.localizer
        do {
            let context = try store?.writeContext() ?? .seeded
            let (name, agency, actor) = try Actions(context: context, store: store).signOn(
                officer: form.value("officer"), agency: form.value("agency"), pin: form.value("pin"), user: UnixUser.current)
            let previous = writer
            writer.officer = name
            writer.actor = actor
            guard record((agency, .shift(ShiftChange(signedOn: true))), state: &state, store: store, done: l(.signedOn)) else {
                writer = previous
                return
            }
            (state.officer, state.agency, state.shift) = (name, agency, .onShift(since: state.now))
            state.restore(drafts: drafts(for: name).load())
            // The note the last officer left stays in view once this one is on.
            if let note = state.handoverNote { state.notice = note }
            state.handoverNote = nil
        } catch let error as ValidationError {
            state.formRefused(error)
        } catch let refusal as Refusal {
            state.formRefused(field: refusal == .wrongPIN ? "pin" : "agency", message: l(refusal))
        } catch {
            state.form?.notice = "\(error)"
        }
    }

    /// The officer ends the shift with a note; on a shared account the desk waits for the next one.
    private mutating func signOff(_ form: Form, state: inout DeskState, store: (any StoreWriter)?) {
        let l = state.localizer
        do {
            let note = try TextRule.optional(form.value("note"), field: "note", maximum: Limits.body)
            guard record((state.agency, .shift(ShiftChange(signedOn: false, note: note))), state: &state, store: store, done: l(.signedOff)) else {
                return
            }
            if state.shift != .notRequired {
                // The next officer starts clean; this one's unsent text waits for their next shift.
                drafts(for: state.officer).save(state.keptDrafts)
                state.drafts = [:]
                state.handoverNote = note.map { "\(l(.handedOverBy)) \(state.officer), \(l.clock(state.now)): \($0)" }
                state.shift = .awaitingSignOn
                state.form = Forms.signOn(officer: "", agency: state.agency)
                state.form?.notice = state.handoverNote
            }
        } catch {
            state.formRefused(error)
        }
    }

    /// True when the event was recorded (applied, or kept in the journal for later).
    @discardableResult
    private mutating func record(_ write: Actions.Write, state: inout DeskState, store: (any StoreWriter)?, done: String) -> Bool {
        let event: Event
        do { event = try writer.event(write) } catch {
            // Refused: nothing is written, and a form keeps what was typed.
            let reason = state.localizer(error)
            if state.form != nil { state.form?.notice = reason } else { state.notice = reason }
            return false
        }
        do {
            switch try writer.record(event, store: store) {
            case .applied:
                state.formSucceeded(done)
            case .kept:
                pending.append(event)
                state.backlog = pending.count
                state.formSucceeded(state.localizer(.keptInJournal))
            }
            return true
        } catch {
            // Not even the journal took it: nothing was recorded, and the form keeps its text.
            if state.form != nil { state.form?.notice = "\(error)" } else { state.notice = "\(error)" }
            return false
        }
    }

    /// A form's number field, typed in any digits; nil when left empty.
    private static func wholeNumber(_ form: Form, _ name: String) throws(ValidationError) -> Int? {
        let text = form.trimmedValue(name)
        guard !text.isEmpty else { return nil }
        guard let number = Digits.integer(text) else { throw ValidationError(field: name, value: text, problem: .malformed(expected: "a whole number")) }
        return number
    }

    /// The activity the form describes, and whom it would duplicate.
    private func activity(_ form: Form, actions: Actions, state: DeskState) throws -> (write: Actions.Write, duplicates: [AgencyCode]) {
        guard case .registerActivity(let area, let sector) = form.purpose else { preconditionFailure("an activity form") }
        func optional(_ name: String) -> String? { form.value(name).trimmingSpaces().isEmpty ? nil : form.trimmedValue(name) }
        let targeted = try Self.wholeNumber(form, "targeted")
        return try actions.registerActivity(
            organisation: form.trimmedValue("org"), implementer: optional("implementer"), sector: sector.rawValue, area: area,
            what: form.value("what"), start: form.trimmedValue("start"), end: form.trimmedValue("end"), status: form.value("status"),
            targeted: targeted, needs: optional("need").map { [$0] } ?? [], at: state.now, acting: state.agency.rawValue)
    }

    /// The write a form asks for; nil for forms that are not writes.
    private func write(for form: Form, actions: Actions, state: DeskState, store: (any StoreWriter)?) throws -> Actions.Write? {
        let agency = state.agency.rawValue
        func optional(_ name: String) -> String? { form.value(name).isEmpty ? nil : form.value(name) }
        let checks = Self.fieldChecks(form, actions.context, run: try? store?.exerciseRun())
        if !checks.errors.isEmpty { throw checks }
        switch form.purpose {
        case .postMessage:
            return try actions.post(
                from: agency, to: form.value("to").split(separator: ",").map(String.init), priority: form.value("priority"),
                channel: form.value("channel"), subject: optional("subject"), body: form.value("body"),
                incident: optional("incident"), acknowledgementRequired: form.value("ack") == "yes")
        case .openIncident:
            let people = try Self.wholeNumber(form, "people")
            return try actions.openIncident(
                agency: agency, type: form.value("type"), severity: form.value("severity"), area: form.value("area"),
                title: form.value("title"), place: optional("place"), lead: optional("lead"), people: people,
                reference: actions.nextIncidentReference)
        case .incidentStatus(let reference):
            return try actions.changeStatus(reference: reference, to: form.value("status"), agency: agency, note: optional("note"))
        case .assignUnit(let reference):
            return try actions.assignment(.tasked, reference: reference, callSign: form.value("unit"), agency: agency)
        case .reviewRisk:
            return try actions.reviewRisk(id: form.value("risk"), note: optional("note"), next: optional("next"))
        case .registerUnit:
            return try actions.registerUnit(callSign: form.trimmedValue("callsign"), agency: form.trimmedValue("agency"), kind: form.value("kind"),
                                            capabilities: Self.list(form.value("capabilities")), contact: optional("contact"))
        case .editUnit(let callSign):
            return try actions.updateUnit(callSign: callSign, kind: form.value("kind"), capabilities: Self.list(form.value("capabilities")),
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
                unit: form.value("unit"), people: try Self.wholeNumber(form, "people"), priority: form.value("priority"),
                organisation: form.trimmedValue("org"), incident: nil, at: state.now)
        case .makePledge:
            let quantity = try Self.wholeNumber(form, "quantity")
            return try actions.makePledge(
                need: form.value("need"), organisation: form.trimmedValue("org"),
                quantity: try quantity ?? { throw ValidationError(field: "quantity", value: "", problem: .missing) }(),
                by: optional("by"), at: state.now)
        case .addInject:
            let run = try store?.exerciseRun()
            let at = try optional("at").map { text throws(ValidationError) in try ScenarioDuration.seconds(text, field: "at") }
                ?? Int((run?.elapsed(at: state.now) ?? 0).rounded(.up))
            let within = try optional("within").map { text throws(ValidationError) in try ScenarioDuration.seconds(text, field: "within") }
            let inject = ExerciseScenario.Inject(at: at, from: form.trimmedValue("from"), to: form.value("to").split(separator: ",").map(String.init),
                                                 priority: form.value("priority"), text: form.value("text"),
                                                 expect: optional("expect"), by: optional("by"), within: within)
            let incident = try optional("incident").map { text throws(ValidationError) in try IncidentReference(text) }
            return try actions.exerciseInject(inject, number: (run?.injects.keys.max() ?? 0) + 1, incident: incident, actingAgency: agency)
        case .incidentFilter, .logFilter, .coverageFilter, .signOn, .signOff:
            // Filters are applied by the desk's state itself; sign-on and sign-off have their own paths.
            return nil
        }
    }
}

extension DeskActions {
    /// Each field of a form checked on its own before the write's checks, which stop at the first:
    /// the form then shows every wrong field's refusal beside it at once.
    static func fieldChecks(_ form: Form, _ context: WriteContext, run: ExerciseRun?) -> FieldChecks {
        var checks = FieldChecks()
        func optional(_ name: String) -> String? { form.trimmedValue(name).isEmpty ? nil : form.trimmedValue(name) }
        func agency(_ name: String) { checks.run { _ = try optional(name).map { code throws(ValidationError) in try context.knownAgency(code, field: name) } } }
        func agencies(_ name: String) {
            checks.run { for code in list(form.value(name)) where code != "*" { _ = try context.knownAgency(code, field: name) } }
        }
        func duration(_ name: String) { checks.run { _ = try optional(name).map { text throws(ValidationError) in try ScenarioDuration.seconds(text, field: name) } } }
        func reference(_ name: String) { checks.run { _ = try optional(name).map { text throws(ValidationError) in try IncidentReference(text, field: name) } } }
        func required(_ name: String, _ maximum: Int) { checks.run { _ = try TextRule.required(form.value(name), field: name, maximum: maximum) } }
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
                checks.errors.append(ValidationError(field: "text", value: run.start.stopPhrase ?? "", problem: .carriesStopPhrase))
            }
        default: break
        }
        return checks
    }

    /// A list typed in one field: `boat, divers` (an Arabic comma too).
    static func list(_ text: String) -> [String] {
        text.split { $0 == "," || $0 == "،" }.map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }
}

/// The refusals of a form's fields, each checked on its own: the form shows every field's beside it.
struct FieldChecks: Error {
    var errors: [ValidationError] = []

    mutating func run(_ check: () throws -> Void) {
        do { try check() } catch let error as ValidationError { errors.append(error) } catch {}
    }
}
