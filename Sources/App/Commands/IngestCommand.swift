import ArgumentParser
import Foundation
import QanatChannel
import QanatJournal
import QanatStore

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Apply journal lines to the store, exactly once; prints ingested, already present and rejected counts.",
        discussion: """
            Bad lines go to FILE.rejects with their line number and reason, and the good ones go in;             the exit code is then 2. A last line still being written is left for later.
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "Journal files (default: this process's journal).") var files: [String] = []
    @Flag(help: "Print the counts as JSON, and no progress.") var json = false

    func run() throws {
        let opened = try IngestCommand.openStore(store)
        var failures: [CLIError] = []
        var rejected = 0
        for file in files.isEmpty ? [store.journalPath] : files {
            let progress = ProgressLine(quiet: json)
            do {
                let report = try JournalIngest(store: opened, journalPath: file).run(now: Clock.now) { report, offset, size in
                    progress.update(done: report.lines, unit: "lines", fraction: size > 0 ? Double(offset) / Double(size) : nil)
                }
                progress.finish()
                rejected += report.rejected
                print(IngestCommand.describe(report, file: file, json: json))
            } catch {
                progress.finish()
                failures.append(.from(error))
            }
        }
        if let first = failures.first { throw first }
        if rejected > 0 { throw CLIError.badData("\(rejected) line(s) rejected") }
    }

    static func openStore(_ options: StoreOptions) throws(CLIError) -> SQLiteStore {
        do { return try SQLiteStore(path: options.databasePath, options: .init(busyTimeout: options.busyTimeout)) } catch {
            throw .from(error)
        }
    }

    static func describe(_ report: IngestReport, file: String, json: Bool) -> String {
        if json {
            return jsonLine([
                .string("journal", file), .integer("lines", report.lines), .integer("ingested", report.ingested),
                .integer("alreadyPresent", report.alreadyPresent), .integer("rejected", report.rejected),
                .integer("waitingBytes", Int(report.waitingBytes)), .strings("notes", report.notes),
            ])
        }
        var text = "\(file): ingested \(report.ingested), already present \(report.alreadyPresent), rejected \(report.rejected)"
        if report.rejected > 0 { text += " (see \(RejectsFile(journalPath: file).path))" }
        if report.waitingBytes > 0 { text += "; \(report.waitingBytes) bytes of an unfinished last line wait" }
        for note in report.notes { text += "\n  \(note)" }
        return text
    }
}

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
        // On a terminal each pass that found lines is reported; in a pipe only --json speaks.
        let reportPasses = json || isatty(STDOUT_FILENO) == 1
        while !stop.requested {
            for file in paths where JournalScanner.identity(at: file) != nil {
                do {
                    let report = try JournalIngest(store: opened, journalPath: file).run(now: Clock.now)
                    totals.add(report)
                    if reportPasses, report.lines > 0 || !report.notes.isEmpty {
                        print(IngestCommand.describe(report, file: file, json: json))
                    }
                } catch {
                    // A busy store or a vanished file is a pause, not the end: try again next pass.
                    FileHandle.standardError.write(Data("qanat follow: \(error)\n".utf8))
                }
            }
            try? await Task.sleep(for: .milliseconds(interval))
        }
        if !json {
            print("followed \(paths.count) journal(s): ingested \(totals.ingested), already present \(totals.alreadyPresent), rejected \(totals.rejected)")
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
