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
            A journal's lines are attributed to the Unix user who owns the file and held to that member's \
            role and agency, as a live write is. Bad or refused lines go to FILE.rejects with their line \
            number and reason, and the good ones go in; the exit code is then 2. A journal that anyone \
            besides its owner could write or replace is refused whole (exit 4). A last line still being \
            written is left for later. --retry-rejects applies the rejected lines that pass now.
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "Journal files (default: this process's journal).") var files: [String] = []
    @Flag(help: "Print the counts as JSON, and no progress.") var json = false
    @Flag(help: "Retry the lines in each journal's rejects file (FILE or FILE.rejects) instead: those that pass now are applied.")
    var retryRejects = false

    func run() throws {
        let opened = try IngestCommand.openStore(store)
        if retryRejects { return try retry(in: opened) }
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

    private func retry(in opened: SQLiteStore) throws {
        var failures: [CLIError] = []
        var still = 0
        for file in files.isEmpty ? [store.journalPath] : files {
            let journal = file.hasSuffix(".rejects") ? String(file.dropLast(".rejects".count)) : file
            do {
                let report = try JournalIngest(store: opened, journalPath: journal).retryRejects()
                still += report.stillRefused.count
                print(IngestCommand.describe(report, file: journal, json: json))
            } catch {
                failures.append(.from(error))
            }
        }
        if let first = failures.first { throw first }
        if still > 0 { throw CLIError.badData("\(still) rejected line(s) still refused") }
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
                .integer("refusedForAuthority", report.refused), .optionalString("attributedTo", report.attributedTo),
                .bool("authorityChecked", report.authorityChecked),
                .integer("waitingBytes", Int(report.waitingBytes)), .strings("notes", report.notes),
            ])
        }
        var text = "\(file): \(attribution(report.attributedTo, checked: report.authorityChecked)); ingested \(report.ingested), "
            + "already present \(report.alreadyPresent), rejected \(report.rejected)"
        if report.refused > 0 { text += ", of which \(report.refused) refused for authority" }
        if report.rejected > 0 { text += " (see \(RejectsFile(journalPath: file).path))" }
        if report.waitingBytes > 0 { text += "; \(report.waitingBytes) bytes of an unfinished last line wait" }
        for note in report.notes { text += "\n  \(note)" }
        return text
    }

    static func describe(_ report: RetryReport, file: String, json: Bool) -> String {
        if json {
            return jsonLine([
                .string("journal", file), .integer("retried", report.retried), .integer("applied", report.applied),
                .integer("alreadyPresent", report.alreadyPresent), .integer("stillRefused", report.stillRefused.count),
                .optionalString("attributedTo", report.attributedTo), .integer("unreadableEntries", report.unreadableEntries),
            ])
        }
        guard report.retried > 0 else { return "\(file): no rejected lines to retry" }
        var text = "\(file): lines attributed to \(report.attributedTo ?? "?"); retried \(report.retried) rejected line(s): "
            + "applied \(report.applied), already present \(report.alreadyPresent), still refused \(report.stillRefused.count)"
        for refused in report.stillRefused { text += "\n  line \(refused.line): \(refused.reason)" }
        if report.unreadableEntries > 0 { text += "\n  \(report.unreadableEntries) entry(ies) of the rejects file could not be read" }
        return text
    }

    private static func attribution(_ owner: String?, checked: Bool) -> String {
        guard let owner else { return "no lines read" }
        return checked ? "lines attributed to \(owner)" : "lines attributed to \(owner) (the store has no members: not checked)"
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
                    if failing[file] != text { FileHandle.standardError.write(Data("qanat follow: \(file): \(text)\n".utf8)) }
                    failing[file] = text
                }
            }
            try? await Task.sleep(for: .milliseconds(interval))
        }
        if !json {
            print("followed \(paths.count) journal(s): ingested \(totals.ingested), already present \(totals.alreadyPresent), "
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
