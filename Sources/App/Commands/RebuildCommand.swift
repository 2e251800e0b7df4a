import ArgumentParser
import QanatJournal
import QanatStore

struct RebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Empty the projections and apply every event again; checks that the result equals what was there.",
        discussion: "Prints a digest of the projections before and after. Exit 2 if they differ.")

    @OptionGroup var store: StoreOptions
    @Flag(help: "Print the result as JSON, and no progress.") var json = false

    func run() throws {
        let opened = try IngestCommand.openStore(store, for: "rebuild")
        let progress = ProgressLine(quiet: json)
        do {
            let before = try opened.projectionDigest()
            let count = try opened.rebuild { done, total in
                progress.update(done: done, unit: "events", fraction: total > 0 ? Double(done) / Double(total) : nil)
            }
            progress.finish()
            let after = try opened.projectionDigest()
            if json {
                print(
                    jsonLine([
                        .integer("events", count), .string("before", before), .string("after", after),
                        .bool("identical", before == after),
                    ]))
            } else {
                print(
                    "rebuilt from \(count) events\nprojections before: \(before)\nprojections after:  \(after)\n\(before == after ? "identical" : "DIFFERENT")"
                )
            }
            if before != after {
                throw CLIError.badData("the rebuilt projections differ from the incremental ones")
            }
        } catch let error as StoreError { throw CLIError.from(error) }
    }
}
