import ArgumentParser
import Foundation
import QanatChannel
import QanatCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension ImportCommand {
    struct CAPImportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cap",
            abstract:
                "A CAP 1.2 alert: opens an incident, or updates or closes the one its first alert opened (supervisor).",
            discussion: """
                Prints the incident's reference. The same alert imported twice is applied once. An Exercise or Test alert is \
                refused on a real store and goes into the exercise store named by --exercise DIR. A malformed alert is refused \
                whole, naming the element, and nothing is written.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Option(help: "The exercise store's directory (its qanat.sqlite), for Exercise and Test alerts.") var exercise:
            String?
        @Argument(help: "The alert's XML file, or - for standard input.") var file: String

        func run() throws {
            let alert: CAPMessage
            do { alert = try CAPMessage(try XMLTree.parse(try readData())) } catch let error as CAPError {
                throw CLIError.badData("\(file): \(error); nothing was written")
            }
            let drill = ["Exercise", "Test"].contains(alert.status)
            if drill, exercise == nil {
                throw CLIError.badData(
                    "\(file): alert/status: \(alert.status) alerts go into an exercise store: --exercise DIR; nothing was written"
                )
            }
            let options = try exercise.map(StoreOptions.exercise) ?? store
            let recorder = try EventRecorder(options: options, officer: officer)
            try recorder.require(.importAlert)
            if exercise != nil {
                guard (try? recorder.store?.isExercise()) == true else {
                    throw CLIError.badData(
                        "--exercise \(exercise ?? ""): not an exercise store (made by qanat init --exercise); nothing was written"
                    )
                }
                guard drill else {
                    throw CLIError.badData(
                        "\(file): alert/status: \(alert.status) alerts go into the real store; nothing was written")
                }
            }
            let plan: (reference: IncidentReference, writes: [CAPImport.Planned])
            do {
                plan = try recorder.check { actions in
                    try CAPImport(actions: actions, actingAgency: recorder.agency(nil)).plan(alert, at: Clock.now())
                }
            } catch let error as CAPError {
                throw CLIError.badData("\(file): \(error); nothing was written")
            }
            for (id, write) in plan.writes {
                var event = try recorder.event(write)
                event.id = id
                try recorder.record(event)
            }
            print(plan.reference)
        }

        private func readData() throws -> Data {
            if file == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIError.badData("\(file): cannot be read")
            }
            return data
        }
    }
}
