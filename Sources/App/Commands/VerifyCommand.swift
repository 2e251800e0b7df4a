import ArgumentParser
import QanatJournal

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
            print(
                "\(file): \(report.lines) lines, \(report.chained) chained, \(report.unchained) unchained (third-party), \(report.unreadable) unreadable"
            )
            for item in report.breaks { print("  \(item)") }
            if report.tornTailBytes > 0 { print("  \(report.tornTailBytes) bytes of an unfinished last line") }
            print(report.isIntact ? "  chain intact" : "  CHAIN BROKEN at \(report.breaks.count) place(s)")
            broken = broken || !report.isIntact
        }
        if broken { throw CLIError.badData("journal chain broken") }
    }
}
