import ArgumentParser
import Foundation
import QanatChannel
import QanatJournal
import QanatService
import QanatStore
import QanatText

struct FollowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow", abstract: "Keep ingesting journals as lines arrive, until interrupted.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Journal files (default: this process's journal).") var files: [String] = []
    @Option(help: "Milliseconds between looks at the journals.") var interval: Int = 200
    @Flag(help: "Print each pass that found lines as JSON.") var json = false

    func run() async throws {
        let opened = try IngestCommand.openStore(store, for: "follow")
        let paths = files.isEmpty ? [store.journalPath] : files
        let stop = StopRequest()
        var follower = JournalFollower(store: opened)
        // On a terminal (or with --json) each pass that found lines is reported; in a pipe (a
        // service's log) the passes that rejected or refused lines. Each goes out at once.
        let log = IngestLog(json: json, everyPass: json || isatty(STDOUT_FILENO) == 1, command: "follow")
        while !stop.requested {
            for file in paths { follower.ingest(file, passed: log.passed, failed: log.failed) }
            try? await Task.sleep(for: .milliseconds(interval))
        }
        let totals = follower.totals
        if !json {
            print(
                "followed \(paths.count) journal(s): ingested \(totals.ingested), already present \(totals.alreadyPresent), "
                    + "rejected \(totals.rejected), of which \(totals.refused) refused for authority")
        }
    }
}

/// How `follow` and `serve` tell what their passes did: to standard output as it happens, and a
/// journal's failure to standard error.
struct IngestLog {
    let json: Bool
    /// Every pass that read lines, or only those that rejected some (a service's log in a pipe).
    let everyPass: Bool
    let command: String

    func passed(_ file: String, _ report: IngestReport) {
        guard everyPass ? report.lines > 0 || !report.notes.isEmpty : report.rejected > 0 else { return }
        print(IngestCommand.describe(report, file: file, json: json))
        fflush(nil)
    }

    func failed(_ file: String, _ reason: String) {
        FileHandle.standardError.write(Data("qanat \(command): \(terminalSafe(file)): \(reason)\n".utf8))
    }

    /// What the service records of its socket, one line each (JSON with `--json`).
    func said(_ text: String) {
        // One entry, one line: a member's words in it (a report's kind) cannot make a line of their own.
        print(json ? jsonLine([.string("service", text)]) : "qanat \(command): \(UntrustedText.sanitized(text))")
        fflush(nil)
    }
}
