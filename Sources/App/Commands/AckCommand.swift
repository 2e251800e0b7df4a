import ArgumentParser
import QanatCore
import QanatStore

struct AckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ack", abstract: "Acknowledge a message for an agency.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var officer: OfficerOptions
    @Argument(help: "The message id (as `qanat post` or `qanat list messages` print it).") var messageID: String
    @Option(help: "The acknowledging agency.") var agency: String

    func run() throws {
        let recorder = try EventRecorder(options: store, officer: officer)
        let event: Event
        do {
            let id = try EventID(messageID, field: "message")
            let code = try recorder.context.knownAgency(agency, field: "agency")
            if let store = recorder.store {
                guard let record = try Checks.storeCall({ () throws(StoreError) in try store.message(id) }) else {
                    throw QanatCore.ValidationError(field: "message", value: messageID, problem: .unknown(what: "message"))
                }
                if let earlier = record.acknowledgements.first(where: { $0.agency == code }) {
                    print("\(id) already acknowledged by \(code) at \(Clock.libyaTime(earlier.at)) (\(earlier.officer))")
                    return
                }
            }
            event = recorder.makeEvent(agency: code, payload: .messageAcknowledged(MessageAcknowledgement(message: id)))
        } catch let error as QanatCore.ValidationError { throw CLIError.from(error) }
        try recorder.record(event)
        print("\(messageID.lowercased()) acknowledged by \(agency.uppercased())")
    }
}
