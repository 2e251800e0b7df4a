import ArgumentParser
import Foundation
import QanatChannel
import QanatJournal
import QanatStore

struct FollowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow", abstract: "Keep ingesting journals as lines arrive, until interrupted.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Journal files (default: this process's journal).") var files: [String] = []
    @Option(help: "Milliseconds between looks at the journals.") var interval: Int = 200
    @Flag(help: "Print each pass that found lines as JSON.") var json = false

    func run() async throws {
        let opened = try IngestCommand.openStore(store)
        let paths = files.isEmpty ? [store.journalPath] : files
        let stop = StopSignal()
        var totals = IngestReport()
        // On a terminal (or with --json) each pass that found lines is reported; in a pipe (a
        // service's log) the passes that rejected or refused lines. Each goes out at once.
        let reportPasses = json || isatty(STDOUT_FILENO) == 1
        // Each journal's last failure, said once rather than every pass.
        var failing: [String: String] = [:]
        while !stop.requested {
            for file in paths where JournalScanner.identity(at: file) != nil {
                do {
                    let report = try JournalIngest(store: opened, journalPath: file).run(now: Clock.now)
                    failing[file] = nil
                    totals.add(report)
                    if reportPasses ? report.lines > 0 || !report.notes.isEmpty : report.rejected > 0 {
                        print(IngestCommand.describe(report, file: file, json: json))
                        fflush(nil)
                    }
                } catch {
                    // A busy store, a vanished file or a journal refused whole is a pause, not the
                    // end: try again next pass (an admin may fix the journal's mode meanwhile).
                    let text = "\(error)"
                    if failing[file] != text {
                        FileHandle.standardError.write(Data("qanat follow: \(file): \(text)\n".utf8))
                    }
                    failing[file] = text
                }
            }
            try? await Task.sleep(for: .milliseconds(interval))
        }
        if !json {
            print(
                "followed \(paths.count) journal(s): ingested \(totals.ingested), already present \(totals.alreadyPresent), "
                    + "rejected \(totals.rejected), of which \(totals.refused) refused for authority")
        }
    }
}

/// SIGINT or SIGTERM asks a loop to finish its pass and stop.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    private var sources: [DispatchSourceSignal] = []

    init() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in self?.set() }
            source.resume()
            sources.append(source)
        }
    }

    private func set() {
        lock.lock()
        flag = true
        lock.unlock()
    }

    var requested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return flag
    }
}
