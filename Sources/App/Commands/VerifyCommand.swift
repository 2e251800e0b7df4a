import ArgumentParser
import QanatJournal
import QanatStore

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check each journal's hash chain: reports a changed, removed, inserted or reordered line.",
        discussion: """
            Where the store has ingested a journal, it is also held to what ingest read (the anchor: the \
            last line's hash): a chain made again from the start, or lines cut from the end, are found. \
            Exit 0 when every chain is intact and every anchor holds, 2 otherwise.
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "Journal files (default: this process's journal).") var files: [String] = []

    func run() throws {
        var broken = false
        // The anchors are read when the store can be; a journal alone is checked by its chain.
        let opened = try? SQLiteStore(path: store.databasePath, options: .init(readOnly: true))
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
            guard let opened, let cursor = try? JournalIngest(store: opened, journalPath: file).cursor(),
                let head = cursor.head
            else { continue }
            let anchor = JournalAnchor(
                identity: cursor.identity, offset: cursor.offset, line: cursor.nextLine - 1, head: head)
            let problem: String?
            do { problem = try anchor.problem(at: file) } catch { throw CLIError.badData(error.description) }
            if let problem {
                print("  NOT WHAT INGEST READ: \(problem)")
                broken = true
            } else {
                print("  holds what ingest read (through line \(anchor.line))")
            }
        }
        if broken { throw CLIError.badData("journal chain broken") }
    }
}
