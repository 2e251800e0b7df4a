import ArgumentParser
import QanatCore

struct UnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit", abstract: "Register responder units, change their details and their status.",
        subcommands: [Add.self, Update.self, Status.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a unit.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Argument(help: "The unit's call sign, e.g. CD-DRN-01.") var callSign: String
        @Option(help: "The unit's agency.") var agency: String
        @Option(help: "\(UnitKind.spelledOut).")
        var kind: String
        @Option(name: .customLong("capability"), help: "A capability (repeatable).") var capabilities: [String] = []
        @Option(help: "How to reach the unit (radio channel, phone).") var contact: String?

        func run() throws {
            let event = try EventRecorder(options: store, officer: officer).record { actions in
                try actions.registerUnit(
                    callSign: callSign, agency: agency, kind: kind, capabilities: capabilities, contact: contact)
            }
            print(event.id)
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a unit's kind, capabilities or contact (what is not given is kept).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Argument(help: "The unit's call sign.") var callSign: String
        @Option(help: "The unit's kind.") var kind: String?
        @Option(name: .customLong("capability"), help: "A capability (repeatable): the list replaces the unit's.")
        var capabilities: [String] = []
        @Flag(help: "Remove every capability.") var noCapabilities = false
        @Option(help: "How to reach the unit.") var contact: String?

        func run() throws {
            let event = try EventRecorder(options: store, officer: officer).record { actions in
                try actions.updateUnit(
                    callSign: callSign, kind: kind,
                    capabilities: noCapabilities ? [] : capabilities.isEmpty ? nil : capabilities, contact: contact)
            }
            print(event.id)
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a unit's status.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Argument(help: "The unit's call sign.") var callSign: String
        @Argument(
            help:
                "available or outOfService; on an incident also enRoute, onScene or returning (its assignment's stages)."
        ) var status: String
        @Option(help: "The acting agency (default: the unit's own).") var agency: String?

        func run() throws {
            try EventRecorder(options: store, officer: officer).record { actions in
                try actions.unitStatus(callSign: callSign, to: status, agency: agency)
            }
            print("\(callSign.uppercased()) \(status)")
        }
    }
}
