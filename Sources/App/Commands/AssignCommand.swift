import ArgumentParser
import QanatChannel
import QanatCore

struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Task a unit to an incident.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var officer: OfficerOptions
    @Argument(help: "The incident reference.") var reference: String
    @Argument(help: "The unit's call sign.") var callSign: String
    @Option(help: "The acting agency (env QANAT_AGENCY; default: your member agency, else MOI).") var agency: String?

    func run() throws {
        try AssignmentCommand.record(
            .tasked, reference: reference, callSign: callSign, agency: agency, store: store, officer: officer)
    }
}
