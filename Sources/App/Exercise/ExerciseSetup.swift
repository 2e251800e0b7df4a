import Foundation
import QanatChannel
import QanatCore
import QanatJournal
import QanatStore

extension StoreOptions {
    /// An exercise store's: `DIR/qanat.sqlite` and this user's journal in `DIR/journals/`, whatever
    /// QANAT_DB and QANAT_JOURNAL say — an exercise's events must never reach the real journal.
    static func exercise(_ directory: String) throws(CLIError) -> StoreOptions {
        let database = URL(fileURLWithPath: directory).appendingPathComponent("qanat.sqlite").path
        do {
            return try StoreOptions.parse([
                "--db", database, "--journal", JournalPlace.directory(beside: database) + "/\(UnixUser.current).jsonl",
            ])
        } catch { throw .usage("--exercise \(directory): \(error)") }
    }
}

/// Makes an exercise from its scenario: checks every write against the seeded agencies first, so
/// a wrong file makes no store; then the exercise store (as `qanat init --exercise`), its start,
/// the starting incidents, units and needs, and the injects with their incidents resolved.
struct ExerciseSetup {
    let scenario: ExerciseScenario
    let digest: String
    let speed: Int
    let agency: String

    /// Every write of the setup, as it would be checked, on a store of the seeded agencies; an
    /// error names the file and the place in it.
    func check(file: String) throws(CLIError) {
        do { try check() } catch { throw .badData("\(file): \(error.description)") }
    }

    private func check() throws(CLIError) {
        let actions = Actions(context: .seeded, store: nil)
        let placeholder = IncidentReference(year: Clock.year, number: 1)
        do { _ = try actions.context.knownAgency(agency, field: "controller") } catch {
            throw Self.named(error, "exercise.")
        }
        do { _ = try actions.startExercise(scenario, speed: speed, digest: digest, actingAgency: agency) } catch {
            throw Self.named(error, "exercise.")
        }
        for (index, incident) in scenario.incidents.enumerated() {
            do { _ = try open(incident, actions) { placeholder } } catch {
                throw Self.named(error, "incidents[\(index + 1)].")
            }
        }
        for (index, unit) in scenario.units.enumerated() {
            do { _ = try register(unit, actions) } catch { throw Self.named(error, "units[\(index + 1)].") }
        }
        for (index, need) in scenario.needs.enumerated() {
            do { _ = try report(need, actions, incident: need.incident.map { _ in placeholder }) } catch {
                throw Self.named(error, "needs[\(index + 1)].")
            }
        }
        for (index, inject) in scenario.injects.enumerated() {
            do {
                _ = try actions.exerciseInject(
                    inject, number: index + 1, incident: inject.incident.map { _ in placeholder }, actingAgency: agency)
            } catch { throw Self.named(error, "injects[\(index + 1)].") }
        }
    }

    /// Writes the exercise into the new store `recorder` writes to, in one append to the journal and
    /// one transaction (a scenario of ten thousand injects is set up in seconds, not minutes); returns
    /// the starting incidents' references by key. The store is new, so they are numbered from its
    /// next reference on; the scenario was checked whole before (`check`).
    func write(_ recorder: EventRecorder) throws -> [String: IncidentReference] {
        var writes = [
            try recorder.check { actions in
                try actions.startExercise(scenario, speed: speed, digest: digest, actingAgency: agency)
            }
        ]
        let first = try recorder.check { actions in try actions.nextIncidentReference() }
        let year = first.year ?? Clock.year
        var references: [String: IncidentReference] = [:]
        for (index, incident) in scenario.incidents.enumerated() {
            let reference = IncidentReference(year: year, number: (first.sequenceNumber ?? 1) + index)
            writes.append(try recorder.check { actions in try open(incident, actions) { reference } })
            references[incident.key] = reference
        }
        // Checked as `check` checks them: against the context, not a store they are not in yet.
        let unstored = Actions(context: try recorder.actions.context, store: nil)
        for unit in scenario.units { writes.append(try recorder.check { _ in try register(unit, unstored) }) }
        for need in scenario.needs {
            writes.append(
                try recorder.check { _ in try report(need, unstored, incident: need.incident.flatMap { references[$0] })
                })
        }
        for (index, inject) in scenario.injects.enumerated() {
            writes.append(
                try recorder.check { _ in
                    try unstored.exerciseInject(
                        inject, number: index + 1, incident: inject.incident.flatMap { references[$0] },
                        actingAgency: agency)
                })
        }
        try recorder.record(try writes.map(recorder.event))
        return references
    }

    private func open(
        _ i: ExerciseScenario.StartingIncident, _ actions: Actions, reference: () throws -> IncidentReference
    ) throws -> Actions.Write {
        try actions.openIncident(
            agency: i.agency, type: i.type, severity: i.severity, area: i.area, title: i.title, place: i.place,
            lead: i.lead,
            people: i.people, reference: reference)
    }

    private func register(_ u: ExerciseScenario.StartingUnit, _ actions: Actions) throws -> Actions.Write {
        let registration = try actions.context.unitRegistration(
            callSign: u.callSign, agency: u.agency, kind: u.kind, capabilities: u.capabilities,
            contact: nil)
        return (registration.agency, .unitRegistered(registration))
    }

    private func report(_ n: ExerciseScenario.StartingNeed, _ actions: Actions, incident: IncidentReference?) throws
        -> Actions.Write
    {
        try actions.reportNeed(
            area: n.area, sector: n.sector, what: n.what, quantity: n.quantity, unit: n.unit, people: n.people,
            priority: nil,
            organisation: n.organisation, incident: incident?.rawValue, at: Clock.now())
    }

    /// A value's error, named by where it is in the file: `injects[3].by: ...`.
    static func named(_ error: any Error, _ path: String) -> CLIError {
        if let validation = error as? QanatCore.ValidationError { return .badData(path + validation.description) }
        if let cli = CLIError.fromDomain(error) as? CLIError { return cli }
        return .badData(path + "\(error)")
    }
}
