import ArgumentParser
import Foundation
import QanatChannel
import QanatCore

struct ActivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity",
        abstract: "Who does what where (3W): an organisation registers an activity before its work starts.",
        subcommands: [Add.self, Update.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register an activity; prints its id.",
            discussion:
                "An activity that makes its area × sector duplicated is still saved; the other organisations are named on standard error."
        )

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Option(help: "The organisation that leads or funds it.") var org: String
        @Option(help: "The organisation doing the work, where another funds it.") var implementer: String?
        @Option(help: "\(Sector.spelledOut).") var sector: String
        @Option(help: "The area, in any listed spelling.") var area: String
        @Option(help: "What it does.") var what: String
        @Option(help: "Planned start, YYYY-MM-DD (Libya).") var start: String
        @Option(help: "Planned end, YYYY-MM-DD, inclusive.") var end: String
        @Option(help: "\(ActivityStatus.spelledOut) (default planned).") var status: String?
        @Option(help: "People it targets.", transform: wholeNumber) var targeted: Int?
        @Option(name: .customLong("need"), help: "A need it answers, by id or 8+ first characters (repeatable).")
        var needs: [String] = []

        func run() throws {
            var duplicates: [AgencyCode] = []
            let recorder = try EventRecorder(options: store, officer: officer)
            let event = try recorder.record { actions in
                let made = try actions.registerActivity(
                    organisation: org, implementer: implementer, sector: sector, area: area, what: what, start: start,
                    end: end,
                    status: status, targeted: targeted, needs: needs, at: Clock.now(), acting: recorder.agency(nil))
                duplicates = made.duplicates
                return made.write
            }
            guard case .activityRegistered(let activity) = event.payload else { return }
            print(activity.id)
            if !duplicates.isEmpty {
                let cell = "\(areaName(activity.area)) × \(activity.sector.rawValue)"
                FileHandle.standardError.write(
                    Data(
                        "warning: duplicated: \(cell) — \(duplicates.map(\.rawValue).joined(separator: ", ")) already work there on overlapping dates\n"
                            .utf8))
            }
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "An activity moves on, reaches people, or changes its dates.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Argument(help: "The activity's id, or 8 or more of its first characters.") var id: String
        @Option(help: "\(ActivityStatus.spelledOut(ActivityStatus.allCases.filter { $0 != .planned })) (only forward).")
        var status: String?
        @Option(help: "People reached so far.", transform: wholeNumber) var reached: Int?
        @Option(help: "A new start, YYYY-MM-DD.") var start: String?
        @Option(help: "A new end, YYYY-MM-DD.") var end: String?
        @Option(help: "The acting agency, when it is the implementer (env QANAT_AGENCY).") var agency: String?

        func run() throws {
            let recorder = try EventRecorder(options: store, officer: officer)
            let event = try recorder.record { actions in
                try actions.updateActivity(
                    id: id, status: status, reached: reached, start: start, end: end, acting: recorder.agency(agency))
            }
            if case .activityUpdated(let change) = event.payload { print(change.id) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The activities, latest start first, as a table or JSON lines.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var filter: CoordinationFilter
        @Option(help: "Only this organisation's (as funder or implementer).") var org: String?
        @Flag(help: "One JSON object per line.") var json = false

        func run() throws {
            let query = try filter.query(organisation: org)
            let opened = try store.readingStore()
            do { printRecords(try opened.activities(matching: query), json: json) } catch { throw CLIError.from(error) }
        }
    }
}
