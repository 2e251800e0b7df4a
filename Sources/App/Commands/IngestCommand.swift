import ArgumentParser
import Foundation
import QanatChannel
import QanatJournal
import QanatStore

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract:
            "Apply journal lines to the store, exactly once; prints ingested, already present and rejected counts.",
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
    @Flag(
        help:
            "Retry the lines in each journal's rejects file (FILE or FILE.rejects) instead: those that pass now are applied."
    )
    var retryRejects = false

    func run() throws {
        let opened = try IngestCommand.openStore(store, for: retryRejects ? "ingest --retry-rejects" : "ingest")
        if retryRejects { return try retry(in: opened) }
        var failures: [CLIError] = []
        var rejected = 0
        for file in files.isEmpty ? [store.journalPath] : files {
            let progress = ProgressLine(quiet: json)
            do {
                let report = try JournalIngest(store: opened, journalPath: file).run(now: Clock.now) {
                    report, offset, size in
                    progress.update(
                        done: report.lines, unit: "lines", fraction: size > 0 ? Double(offset) / Double(size) : nil)
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

    /// The store opened for writing by a command that only a service store's service may run there.
    static func openStore(_ options: StoreOptions, for verb: String) throws(CLIError) -> SQLiteStore {
        func refusal(_ owner: ServiceOwner) -> CLIError {
            .serviceOnly(
                "refused: `qanat \(verb)` on this store is its service's (\(owner.user)), which reads every journal as "
                    + "it is written; nothing was changed")
        }
        let opened: SQLiteStore
        do {
            opened = try SQLiteStore(
                path: options.databasePath, options: .init(busyTimeout: options.busyTimeout, asService: true))
        } catch .serviceOwned(_, let owner) {
            throw refusal(owner)
        } catch {
            throw .from(error)
        }
        // Root may set a service store up, not ingest into it: the rejects it made would be root's,
        // and the service could not write them again.
        if let owner = (try? opened.serviceOwner()) ?? nil, geteuid() != owner.uid { throw refusal(owner) }
        return opened
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
        var text =
            "\(file): \(attribution(report.attributedTo, checked: report.authorityChecked)); ingested \(report.ingested), "
            + "already present \(report.alreadyPresent), rejected \(report.rejected)"
        if report.refused > 0 { text += ", of which \(report.refused) refused for authority" }
        if report.rejected > 0 {
            text += " (see \(report.rejectsPath ?? RejectsFile(journalPath: file).path))"
        }
        if report.waitingBytes > 0 { text += "; \(report.waitingBytes) bytes of an unfinished last line wait" }
        for note in report.notes { text += "\n  \(note)" }
        return text
    }

    static func describe(_ report: RetryReport, file: String, json: Bool) -> String {
        if json {
            return jsonLine([
                .string("journal", file), .integer("retried", report.retried), .integer("applied", report.applied),
                .integer("alreadyPresent", report.alreadyPresent), .integer("stillRefused", report.stillRefused.count),
                .optionalString("attributedTo", report.attributedTo),
                .integer("unreadableEntries", report.unreadableEntries),
            ])
        }
        guard report.retried > 0 else { return "\(file): no rejected lines to retry" }
        var text =
            "\(file): lines attributed to \(report.attributedTo ?? "?"); retried \(report.retried) rejected line(s): "
            + "applied \(report.applied), already present \(report.alreadyPresent), still refused \(report.stillRefused.count)"
        for refused in report.stillRefused { text += "\n  line \(refused.line): \(refused.reason)" }
        if report.unreadableEntries > 0 {
            text += "\n  \(report.unreadableEntries) entry(ies) of the rejects file could not be read"
        }
        return text
    }

    private static func attribution(_ owner: String?, checked: Bool) -> String {
        guard let owner else { return "no lines read" }
        return checked
            ? "lines attributed to \(owner)" : "lines attributed to \(owner) (the store has no members: not checked)"
    }
}
