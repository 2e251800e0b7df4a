import ArgumentParser
import QanatChannel
import QanatCore

struct NeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "need",
        abstract: "Humanitarian needs: what an area lacks in a sector, how much, for how many people.",
        subcommands: [Report.self, Update.self, List.self])

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Report a need; prints its id.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Option(help: "The area, in any listed spelling.") var area: String
        @Option(help: "\(Sector.spelledOut).") var sector: String
        @Option(help: "What is needed.") var what: String
        @Option(help: "How much, in --unit.", transform: wholeNumber) var quantity: Int
        @Option(help: "The unit of measure: tents, litres a day, family kits.") var unit: String
        @Option(help: "People in need.", transform: wholeNumber) var people: Int?
        @Option(help: "\(MessagePriority.spelledOut) (default routine).") var priority: String?
        @Option(help: "The organisation reporting it (default: the acting agency).") var org: String?
        @Option(help: "The incident that caused it.") var incident: String?

        func run() throws {
            let recorder = try EventRecorder(options: store, officer: officer)
            let event = try recorder.record { actions in
                try actions.reportNeed(
                    area: area, sector: sector, what: what, quantity: quantity, unit: unit, people: people,
                    priority: priority, organisation: recorder.agency(org), incident: incident, at: Clock.now())
            }
            if case .needReported(let need) = event.payload { print(need.id) }
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a need's status, quantity or people in need.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Argument(help: "The need's id, or 8 or more of its first characters.") var id: String
        @Option(help: "\(NeedStatus.spelledOut).") var status: String?
        @Option(help: "How much is needed now.", transform: wholeNumber) var quantity: Int?
        @Option(help: "People in need now.", transform: wholeNumber) var people: Int?

        func run() throws {
            let event = try EventRecorder(options: store, officer: officer).record { actions in
                try actions.updateNeed(id: id, status: status, quantity: quantity, people: people)
            }
            if case .needUpdated(let change) = event.payload { print(change.id) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The needs, newest first, as a table or JSON lines.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var filter: CoordinationFilter
        @Flag(help: "Only open needs (reported, verified, partlyMet).") var open = false
        @Flag(help: "One JSON object per line.") var json = false

        func run() throws {
            let query = try filter.query(openOnly: open)
            let opened = try store.readingStore()
            do { printRecords(try opened.needs(matching: query), json: json) } catch { throw CLIError.from(error) }
        }
    }
}
