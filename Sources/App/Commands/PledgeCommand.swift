import ArgumentParser
import QanatChannel
import QanatCore

struct PledgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pledge",
        abstract: "Pledges: an organisation commits to cover part of a need, in the need's unit.",
        subcommands: [Add.self, Update.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pledge to cover part of an open need; prints the pledge's id.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Argument(help: "The need's id, or 8 or more of its first characters.") var need: String
        @Option(help: "The organisation pledging.") var org: String
        @Option(help: "How much, in the need's unit.", transform: wholeNumber) var quantity: Int
        @Option(help: "Delivered by, YYYY-MM-DD.") var by: String?

        func run() throws {
            let event = try EventRecorder(options: store, officer: officer).record { actions in
                try actions.makePledge(need: need, organisation: org, quantity: quantity, by: by, at: Clock.now())
            }
            if case .pledgeMade(let pledge) = event.payload { print(pledge.id) }
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A pledge moves on: delivering, delivered, or withdrawn.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Argument(help: "The pledge's id, or 8 or more of its first characters.") var id: String
        @Option(help: "\(PledgeStatus.spelledOut) (only forward).") var status: String
        @Option(help: "A corrected quantity.", transform: wholeNumber) var quantity: Int?

        func run() throws {
            let event = try EventRecorder(options: store, officer: officer).record { actions in
                try actions.updatePledge(id: id, status: status, quantity: quantity)
            }
            if case .pledgeUpdated(let change) = event.payload { print(change.id) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The pledges, on one need or on all.")

        @OptionGroup var store: StoreOptions
        @Option(help: "Only the pledges on this need.") var need: String?
        @Flag(help: "One JSON object per line.") var json = false

        func run() throws {
            let opened = try store.readingStore()
            let recorder = try EventRecorder(options: store, officerName: "reader")
            let needs = try need.map { typed in [try recorder.check { try $0.recordID(.need, typed) }] }
            do { printRecords(try opened.pledges(on: needs), json: json) } catch { throw CLIError.from(error) }
        }
    }
}
