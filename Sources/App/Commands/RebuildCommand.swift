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
        let opened = try IngestCommand.openStore(store)
        let progress = ProgressLine(quiet: json)
        do {
            let before = try opened.projectionDigest()
            let count = try opened.rebuild { done, total in
                progress.update(done: done, unit: "events", fraction: total > 0 ? Double(done) / Double(total) : nil)
            }
            progress.finish()
            let after = try opened.projectionDigest()
            if json {
                print(jsonLine([.integer("events", count), .string("before", before), .string("after", after),
                                .bool("identical", before == after)]))
            } else {
                print("rebuilt from \(count) events\nprojections before: \(before)\nprojections after:  \(after)\n\(before == after ? "identical" : "DIFFERENT")")
            }
            if before != after {
                throw CLIError.badData("the rebuilt projections differ from the incremental ones")
            }
        } catch let error as StoreError { throw CLIError.from(error) }
    }
}

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check each journal's hash chain: reports a changed, removed, inserted or reordered line.",
        discussion: "Exit 0 when every chain is intact, 2 when one is broken.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Journal files (default: this process's journal).") var files: [String] = []

    func run() throws {
        var broken = false
        for file in files.isEmpty ? [store.journalPath] : files {
            let report: ChainReport
            do { report = try ChainVerifier.verify(path: file) } catch { throw CLIError.badData(error.description) }
            print("\(file): \(report.lines) lines, \(report.chained) chained, \(report.unchained) unchained (third-party), \(report.unreadable) unreadable")
            for item in report.breaks { print("  \(item)") }
            if report.tornTailBytes > 0 { print("  \(report.tornTailBytes) bytes of an unfinished last line") }
            print(report.isIntact ? "  chain intact" : "  CHAIN BROKEN at \(report.breaks.count) place(s)")
            broken = broken || !report.isIntact
        }
        if broken { throw CLIError.badData("journal chain broken") }
    }
}
