import ArgumentParser
import QanatChannel
import QanatCore

struct AckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack", abstract: "Acknowledge a message for an agency.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var officer: OfficerOptions
    @Argument(help: "The message id (as `qanat post` or `qanat list messages` print it).") var messageID: String
    @Option(help: "The acknowledging agency.") var agency: String

    func run() throws {
        let recorder = try EventRecorder(options: store, officer: officer)
        let result: (write: Actions.Write?, earlier: Acknowledgement?)
        result = try recorder.check { actions in try actions.acknowledge(messageID: messageID, agency: agency) }
        guard let write = result.write else {
            if let earlier = result.earlier {
                print(
                    "\(messageID.lowercased()) already acknowledged by \(earlier.agency) at \(LibyaTime.dateTime(earlier.at)) (\(earlier.officer))"
                )
            }
            return
        }
        try recorder.record(recorder.event(write))
        print("\(messageID.lowercased()) acknowledged by \(agency.uppercased())")
    }
}
