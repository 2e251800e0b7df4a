import ArgumentParser
import QanatCore
import QanatJournal
import QanatUI

struct TargetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target", abstract: "Response targets every desk and report of the store measures against.",
        subcommands: [Set.self, List.self])

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a metric's target (supervisor): SECONDS at the Pth percentile (default 90).",
            discussion: """
                METRIC: acknowledge (a flash or immediate message, to each agency's first acknowledgement), assign (an incident's \
                report to its first unit tasked), arrive (to its first unit on scene), close (to its closure). \
                NFPA 1225's call processing, for example: qanat target set acknowledge 60 --percentile 90.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Argument(help: "\(ResponseMetric.spelledOut).") var metric: String
        @Argument(help: "The target in seconds.", transform: wholeNumber) var seconds: Int
        @Option(help: "The percentile the target is met at (1–99; default 90).", transform: wholeNumber) var percentile:
            Int?

        func run() throws {
            let recorder = try EventRecorder(options: store, officer: officer)
            let event = try recorder.record { actions in
                try actions.setTarget(
                    metric: metric, seconds: seconds, percentile: percentile, actingAgency: recorder.agency(nil))
            }
            if case .targetSet(let target) = event.payload {
                print(ListedTarget(target: target).cells.joined(separator: " "))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every target set.")

        @OptionGroup var store: StoreOptions
        @Flag(help: "One JSON object per line.") var json = false

        func run() throws {
            let opened = try store.readingStore()
            do { printRecords(try opened.responseTargets().map(ListedTarget.init), json: json) } catch {
                throw CLIError.from(error)
            }
        }
    }
}
