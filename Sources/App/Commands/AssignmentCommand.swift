import ArgumentParser
import QanatChannel
import QanatCore

struct AssignmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assignment", abstract: "Record that a tasked unit acknowledged, arrived or was released.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var officer: OfficerOptions
    @Argument(help: "\(AssignmentStage.spelledOut(AssignmentStage.allCases.filter { $0 != .tasked })).") var stage:
        String
    @Argument(help: "The incident reference.") var reference: String
    @Argument(help: "The unit's call sign.") var callSign: String
    @Option(help: "The acting agency (env QANAT_AGENCY; default: your member agency, else MOI).") var agency: String?

    func run() throws {
        let parsed: AssignmentStage
        do { parsed = try AssignmentStage.parse(stage, field: "stage") } catch { throw CLIError.from(error) }
        guard parsed != .tasked else { throw CLIError.usage("use `qanat assign REF CALLSIGN` to task a unit") }
        try Self.record(
            parsed, reference: reference, callSign: callSign, agency: agency, store: store, officer: officer)
    }

    static func record(
        _ stage: AssignmentStage, reference: String, callSign: String, agency: String?,
        store: StoreOptions, officer: OfficerOptions
    ) throws {
        let recorder = try EventRecorder(options: store, officer: officer)
        try recorder.record { actions in
            try actions.assignment(stage, reference: reference, callSign: callSign, agency: recorder.agency(agency))
        }
        print("\(reference.uppercased()) \(callSign.uppercased()) \(stage.rawValue)")
    }
}
