import ArgumentParser
import QanatCore

struct PostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post", abstract: "Post a message to the unified log; prints its id.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var officer: OfficerOptions

    @Option(help: "The posting agency's code.") var from: String
    @Option(help: "Agency codes, comma-separated, or * for all.") var to: String
    @Option(help: "\(MessagePriority.spelledOut).") var priority: String
    @Option(help: "\(MessageChannel.spelledOut).") var channel: String
    @Option(help: "A short subject line.") var subject: String?
    @Option(help: "The incident reference the message is about.") var incident: String?
    @Flag(name: .customLong("ack"), help: "Each addressed agency must acknowledge.") var acknowledgementRequired = false
    @Argument(help: "The message text.") var body: [String]

    func run() throws {
        let event = try EventRecorder(options: store, officer: officer).record { actions in
            try actions.post(
                from: from, to: to.split(separator: ",").map(String.init), priority: priority, channel: channel,
                subject: subject, body: body.joined(separator: " "), incident: incident,
                acknowledgementRequired: acknowledgementRequired)
        }
        print(event.id)
    }
}
