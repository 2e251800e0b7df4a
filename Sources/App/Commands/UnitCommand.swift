import ArgumentParser
import QanatCore

struct UnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit", abstract: "Register responder units and change their status.",
        subcommands: [Add.self, Status.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a unit.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Argument(help: "The unit's call sign, e.g. CD-DRN-01.") var callSign: String
        @Option(help: "The unit's agency.") var agency: String
        @Option(help: "ambulance, fireEngine, rescue, waterRescue, search, medicalTeam, police, logistics, shelter, assessment, command or other.")
        var kind: String
        @Option(name: .customLong("capability"), help: "A capability (repeatable).") var capabilities: [String] = []
        @Option(help: "How to reach the unit (radio channel, phone).") var contact: String?

        func run() throws {
            let event = try EventRecorder(options: store, officer: officer).record { actions in
                let registration = try actions.context.unitRegistration(
                    callSign: callSign, agency: agency, kind: kind, capabilities: capabilities, contact: contact)
                return (registration.agency, .unitRegistered(registration))
            }
            print(event.id)
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a unit's status.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Argument(help: "The unit's call sign.") var callSign: String
        @Argument(help: "available, assigned, enRoute, onScene, returning or outOfService.") var status: String
        @Option(help: "The acting agency (default: the unit's own).") var agency: String?

        func run() throws {
            try EventRecorder(options: store, officer: officer).record { actions in
                try actions.unitStatus(callSign: callSign, to: status, agency: agency)
            }
            print("\(callSign.uppercased()) \(status)")
        }
    }
}
