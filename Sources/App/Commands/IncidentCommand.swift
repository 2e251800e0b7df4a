import ArgumentParser
import Foundation
import QanatChannel
import QanatCore

struct IncidentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident", abstract: "Open incidents and move them through their statuses.",
        subcommands: [Open.self, Show.self, Status.self, Close.self, Reopen.self, Update.self])

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open an incident; prints its reference.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Option(help: "A type from the taxonomy, e.g. flood.flashFlood, meteorological.storm, fire.") var type: String
        @Option(help: "\(Severity.spelledOut).") var severity: String
        @Option(help: "A municipality or district, in any listed spelling (Benghazi, Bengasi, بنغازي).") var area:
            String
        @Option(help: "A short title.") var title: String
        @Option(help: "The reporting agency (env QANAT_AGENCY; default: your member agency, else MOI).") var agency:
            String?
        @Option(help: "The lead agency (default: the reporting agency).") var lead: String?
        @Option(help: "Where in the area (a street, a wadi, a camp).") var place: String?
        @Option(help: "How many people are affected (0-9 or ٠-٩).", transform: wholeNumber) var people: Int?

        func run() throws {
            let recorder = try EventRecorder(options: store, officer: officer)
            var reference: IncidentReference?
            do {
                try recorder.record { actions in
                    try actions.openIncident(
                        agency: recorder.agency(agency), type: type, severity: severity, area: area, title: title,
                        place: place, lead: lead, people: people
                    ) {
                        let taken = try actions.nextIncidentReference()
                        reference = taken
                        return taken
                    }
                }
            } catch let error as CLIError {
                // Kept in the journal (exit 3): the reference is still the incident's. Refused: there is none.
                if case .storeUnavailable = error, let reference { print(reference) }
                throw error
            }
            if let reference { print(reference) }
        }
    }

    /// What every status change names: the incident, who acts, and why.
    struct StatusChangeOptions: ParsableArguments {
        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Argument(help: "The incident reference.") var reference: String
        @Option(help: "The acting agency (env QANAT_AGENCY; default: your member agency, else MOI).") var agency:
            String?
        @Option(help: "Why (shown in the incident's timeline).") var note: String?

        func change(to status: String) throws {
            try IncidentCommand.changeStatus(
                reference, to: status, agency: agency, note: note, store: store, officer: officer)
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move an incident to another status.")

        @OptionGroup var change: StatusChangeOptions
        @Argument(help: "\(IncidentStatus.spelledOut).") var status: String

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
        static let configuration = CommandConfiguration(
            abstract: "Change an incident's severity, title, place, lead agency or people affected.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Argument(help: "The incident reference.") var reference: String
        @Option(help: "The acting agency (env QANAT_AGENCY; default: your member agency, else MOI).") var agency:
            String?
        @Option var severity: String?
        @Option var title: String?
        @Option var place: String?
        @Option var lead: String?
        @Option(help: "How many people are affected (0-9 or ٠-٩).", transform: wholeNumber) var people: Int?

        func run() throws {
            let recorder = try EventRecorder(options: store, officer: officer)
            let event = try recorder.record { actions in
                try actions.updateIncident(
                    reference: reference, agency: recorder.agency(agency), severity: severity,
                    title: title, place: place, lead: lead, people: people)
            }
            print(event.id)
        }
    }

    static func changeStatus(
        _ reference: String, to status: String, agency: String?, note: String?,
        store: StoreOptions, officer: OfficerOptions
    ) throws {
        let recorder = try EventRecorder(options: store, officer: officer)
        try recorder.record { actions in
            try actions.changeStatus(reference: reference, to: status, agency: recorder.agency(agency), note: note)
        }
        print("\(reference.uppercased()) \(status)")
    }
}
