import ArgumentParser
import Foundation
import QanatCore

struct IncidentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident", abstract: "Open incidents and move them through their statuses.",
        subcommands: [Open.self, Status.self, Close.self, Reopen.self, Update.self])

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open an incident; prints its reference.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Option(help: "A type from the taxonomy, e.g. flood.flashFlood, meteorological.storm, fire.") var type: String
        @Option(help: "minor, moderate, severe or extreme.") var severity: String
        @Option(help: "A municipality or district, in any listed spelling (Benghazi, Bengasi, بنغازي).") var area: String
        @Option(help: "A short title.") var title: String
        @Option(help: "The reporting agency (env QANAT_AGENCY; default MOI).") var agency: String?
        @Option(help: "The lead agency (default: the reporting agency).") var lead: String?
        @Option(help: "Where in the area (a street, a wadi, a camp).") var place: String?
        @Option(help: "How many people are affected.") var people: Int?

        func run() throws {
            let recorder = try EventRecorder(options: store, officer: officer)
            let reporting: AgencyCode
            do { reporting = try recorder.context.knownAgency(actingAgency(agency), field: "agency") } catch { throw CLIError.from(error) }
            // Validate before a number is taken, so a typo does not use one up.
            var opening: IncidentOpening
            do {
                opening = try recorder.context.incidentOpening(
                    reference: IncidentReference(year: Clock.year, number: 0), title: title, type: type, severity: severity,
                    area: area, place: place, leadAgency: lead, peopleAffected: people)
            } catch { throw CLIError.from(error) }
            opening.reference = try takeReference(recorder)
            let reference = opening.reference
            let event = recorder.makeEvent(agency: reporting, payload: .incidentOpened(opening))
            do { try recorder.record(event) } catch {
                print(reference)
                throw error
            }
            print(reference)
        }

        /// A numbered reference from the store, or a provisional one when the store is unavailable.
        private func takeReference(_ recorder: EventRecorder) throws -> IncidentReference {
            if let store = recorder.store {
                do { return try store.nextIncidentReference(year: Clock.year) } catch where error.isUnavailable {} catch {
                    throw CLIError.from(error)
                }
            }
            let suffix = "P" + String(UInt32.random(in: 0...UInt32.max), radix: 16, uppercase: true)
            return try IncidentReference("INC-\(Clock.year)-\(suffix)")
        }
    }

    /// What every status change names: the incident, who acts, and why.
    struct StatusChangeOptions: ParsableArguments {
        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Argument(help: "The incident reference.") var reference: String
        @Option(help: "The acting agency (env QANAT_AGENCY; default MOI).") var agency: String?
        @Option(help: "Why (shown in the incident's timeline).") var note: String?

        func change(to status: String) throws {
            try IncidentCommand.changeStatus(reference, to: status, agency: agency, note: note, store: store, officer: officer)
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move an incident to another status.")

        @OptionGroup var change: StatusChangeOptions
        @Argument(help: "reported, verified, responding, contained or closed.") var status: String

        func run() throws { try change.change(to: status) }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close an incident.")

        @OptionGroup var change: StatusChangeOptions

        func run() throws { try change.change(to: IncidentStatus.closed.rawValue) }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reopen a closed incident (it returns to verified).")

        @OptionGroup var change: StatusChangeOptions

        func run() throws { try change.change(to: IncidentStatus.verified.rawValue) }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change an incident's severity, title, place, lead agency or people affected.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Argument(help: "The incident reference.") var reference: String
        @Option(help: "The acting agency (env QANAT_AGENCY; default MOI).") var agency: String?
        @Option var severity: String?
        @Option var title: String?
        @Option var place: String?
        @Option var lead: String?
        @Option var people: Int?

        func run() throws {
            let recorder = try EventRecorder(options: store, officer: officer)
            let context = recorder.context
            let event: Event
            do {
                let ref = try IncidentReference(reference)
                _ = try Checks.incidentExists(ref, in: recorder.store)
                if let people, !Limits.peopleAffected.contains(people) {
                    throw QanatCore.ValidationError(field: "people", value: String(people), problem: .outOfRange(Limits.peopleAffected))
                }
                let update = IncidentUpdate(
                    reference: ref,
                    title: try TextRule.optional(title, field: "title", maximum: Limits.title),
                    severity: try severity.map { text throws(QanatCore.ValidationError) in try Severity.parse(text, field: "severity") },
                    place: try TextRule.optional(place, field: "place", maximum: Limits.place),
                    leadAgency: try lead.map { text throws(QanatCore.ValidationError) in try context.knownAgency(text, field: "lead") },
                    peopleAffected: people)
                guard update != IncidentUpdate(reference: ref) else {
                    throw CLIError.usage("nothing to change: give --severity, --title, --place, --lead or --people")
                }
                event = recorder.makeEvent(agency: try context.knownAgency(actingAgency(agency), field: "agency"),
                                           payload: .incidentUpdated(update))
            } catch let error as QanatCore.ValidationError { throw CLIError.from(error) }
            try recorder.record(event)
            print(event.id)
        }
    }

    static func changeStatus(_ reference: String, to status: String, agency: String?, note: String?,
                             store: StoreOptions, officer: OfficerOptions) throws {
        let recorder = try EventRecorder(options: store, officer: officer)
        let event: Event
        do {
            let ref = try IncidentReference(reference)
            let next = try IncidentStatus.parse(status, field: "status")
            if let current = try Checks.incidentExists(ref, in: recorder.store) {
                try current.status.checkTransition(to: next)
            }
            let change = IncidentStatusChange(reference: ref, status: next,
                                              note: try TextRule.optional(note, field: "note", maximum: Limits.body))
            event = recorder.makeEvent(agency: try recorder.context.knownAgency(actingAgency(agency), field: "agency"),
                                       payload: .incidentStatusChanged(change))
        } catch let error as QanatCore.ValidationError { throw CLIError.from(error) }
        try recorder.record(event)
        print("\(reference.uppercased()) \(status)")
    }
}
