import ArgumentParser
import Foundation
import QanatChannel
import QanatCore
import QanatJournal
import QanatStore

/// `--month`, checked: a month that has ended, in Libya time.
struct MonthOption: ParsableArguments {
    @Option(help: "The month to seal, YYYY-MM (Libya time); one that has ended.") var month: String

    func parsed() throws(CLIError) -> Month {
        guard let parsed = Month(Digits.western(month)) else {
            throw .badData("--month: '\(terminalSafe(month))' is not a month: give it as 2026-11")
        }
        guard parsed < Month(of: Clock.now()) else {
            throw .badData("--month \(parsed): not over yet (Libya time); a month is sealed once it has ended")
        }
        return parsed
    }
}

extension ReportCommand {
    /// What the service runs to render an archive it seals; by hand, the archive without a record.
    struct ArchiveReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "archive",
            abstract: "Print a month's archive as `qanat archive` seals it, without recording it.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var month: MonthOption

        func run() throws {
            var archive = MonthArchive(storePath: store.databasePath, month: try month.parsed())
            // The lines as the journals hold them: on a terminal, made safe to show instead.
            let shown = isatty(STDOUT_FILENO) == 1
            let output = BufferedOutput(descriptor: STDOUT_FILENO)
            let made = Result { () throws(BackupError) in
                try archive.write(qanatVersion: Qanat.version, now: Clock.now().rfc3339) { line throws(BackupError) in
                    let bytes =
                        shown
                        ? Array((terminalSafe(String(decoding: line.dropLast(), as: UTF8.self)) + "\n").utf8) : line
                    guard output.write(bytes) else {
                        throw .system(path: "standard output", operation: "write", code: errno)
                    }
                }
            }
            _ = try made.mapError(CLIError.from).get()
            guard output.flush() else {
                throw CLIError.from(BackupError.system(path: "standard output", operation: "write", code: errno))
            }
            for skipped in archive.skipped {
                FileHandle.standardError.write(Data("skipped: \(terminalSafe(skipped))\n".utf8))
            }
        }
    }
}

struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Seal a month's journal lines into one file whose SHA-256 the store records; verify it later.",
        subcommands: [Seal.self, Verify.self, Prune.self], defaultSubcommand: Seal.self)

    /// The archive at `file` proved: every line as sealed, and its SHA-256 among the archives the
    /// store recorded (exit 2 otherwise). `read` sees what the file says of itself before its lines
    /// are judged, `linesSealed` that they all are. Returns the report and the store's record, as lines.
    static func proved(
        _ file: String, store: StoreOptions, read: (ArchiveVerifier.Report) -> Void = { _ in },
        linesSealed: () -> Void = {}
    ) throws -> (ArchiveVerifier.Report, [String]) {
        let report: ArchiveVerifier.Report
        do { report = try ArchiveVerifier.verify(path: file) } catch { throw CLIError.from(error) }
        read(report)
        if let problem = report.problem { throw CLIError.badData("\(terminalSafe(file)): \(terminalSafe(problem))") }
        linesSealed()
        let proof = try ReportCommand.VerifyReport.proof(of: file, store: store)
        guard proof.kinds.contains(.archive) else {
            throw CLIError.badData("\(terminalSafe(file)): recorded as another kind of report, not an archive")
        }
        return (report, proof.lines)
    }

    struct Seal: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "seal",
            abstract: "Seal a month: every journal line of it, verbatim, after a manifest; prints the file's path.",
            discussion: """
                `qanat archive --month 2026-11` writes qanat-archive-2026-11.jsonl here (or --out FILE): a \
                manifest line (each journal's line ranges, the hashes that prove them, the store's anchors), then \
                the month's lines of every journal, by each line's own time. The store records the file's SHA-256 \
                (`report.written`, kind archive; admins only); on a service store the service reads the journals \
                and renders it. `qanat archive verify FILE` proves it unchanged. Journals are never cut: `qanat \
                archive prune FILE` removes a month's journal files once their archive verifies.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @OptionGroup var month: MonthOption
        @Option(help: "The archive's file (default: qanat-archive-YYYY-MM.jsonl here).") var out: String?

        func run() throws {
            let sealed = try month.parsed()
            try store.requireStore()
            let file = out ?? "qanat-archive-\(sealed).jsonl"
            let progress = ProgressLine(quiet: false)
            try ReportDestination.write(
                to: file, kind: .archive, parameters: ["--month", sealed.description], store: store,
                officer: officer.officerName
            ) { file in
                var archive = MonthArchive(storePath: store.databasePath, month: sealed)
                archive.progress = { done, total in progress.bytes(done: done, total: total) }
                defer { progress.finish() }
                var failure: CLIError?
                let made = Result { () throws(BackupError) in
                    try archive.write(qanatVersion: Qanat.version, now: Clock.now().rfc3339) {
                        line throws(BackupError) in
                        do throws(CLIError) { try file.append(line) } catch {
                            failure = error
                            throw .system(path: file.path, operation: "write", code: errno)
                        }
                    }
                }
                if let failure { throw failure }
                _ = try made.mapError(CLIError.from).get()
            }
            // What was sealed, from the file's own manifest: a month with fewer lines than expected shows.
            if let sealedManifest = try? ArchiveVerifier.verify(path: file).manifest {
                print(
                    "sealed:  \(sealedManifest.month), \(sealedManifest.lines) line(s) of "
                        + "\(sealedManifest.journals.count) journal(s)")
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract:
                "Prove an archive unchanged: every line against its chain and the manifest, the file against the store.",
            discussion: """
                Exit 0 when every line is as sealed and the store records the file's SHA-256 as a sealed archive; \
                2 otherwise, naming the first line changed, removed or added.
                """)

        @OptionGroup var store: StoreOptions
        @Argument(help: "The archive file.") var file: String

        func run() throws {
            let (_, proof) = try ArchiveCommand.proved(file, store: store) { report in
                let manifest = report.manifest
                print(
                    "\(terminalSafe(file)): the archive of \(manifest.month), \(report.lines) lines of "
                        + "\(manifest.journals.count) journal(s), sealed \(manifest.sealed)")
            } linesSealed: {
                print("  every line as sealed")
            }
            for line in proof { print(line) }
        }
    }

    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "prune",
            abstract: "Remove the journal files an archive holds whole, once it verifies (run by root).",
            discussion: """
                A journal file goes only when every one of its lines is in the archive, its archive verifies \
                against the store's record, the store has read the file to its end, and it is not a file a writer \
                still appends to (this month's). Anything else is left, with the reason.
                """)

        @OptionGroup var store: StoreOptions
        @Argument(help: "The archive file, verified first.") var file: String

        func run() throws {
            let (report, _) = try ArchiveCommand.proved(file, store: store)
            let reader: SQLiteStore
            do { reader = try SQLiteStore(path: store.databasePath, options: .init(readOnly: true)) } catch {
                throw CLIError.from(error)
            }
            let directory = (store.databasePath as NSString).deletingLastPathComponent
            let current = Month(of: Clock.now()).description
            let followed = Set((try? reader.journalCursorPaths()) ?? [])
            for journal in report.manifest.journals {
                let path = journal.name.hasPrefix("/") ? journal.name : directory + "/" + journal.name
                // Only a journal of the store's own: under its directory, or one its ingest reads.
                let own =
                    journal.name.hasPrefix("/")
                    ? followed.contains(path) : !journal.name.split(separator: "/").contains("..")
                guard own else {
                    print("kept:    \(terminalSafe(journal.name)): not a journal of this store")
                    continue
                }
                let reason = Self.keep(path, journal, current: current, store: reader)
                if let reason {
                    print("kept:    \(terminalSafe(journal.name)): \(reason)")
                } else if unlink(path) == 0 {
                    print("removed: \(terminalSafe(journal.name))")
                } else {
                    print("kept:    \(terminalSafe(journal.name)): \(String(cString: strerror(errno)))")
                }
            }
        }

        /// Why the file stays, or nil when the archive holds it whole and ingest has read it all.
        static func keep(_ path: String, _ journal: ArchiveManifest.Journal, current: String, store: SQLiteStore)
            -> String?
        {
            if journal.name.contains(".\(current).") { return "this month's: a writer still appends to it" }
            guard let (identity, size) = JournalScanner.identity(at: path) else { return "gone already" }
            guard let cursor = try? JournalIngest(store: store, journalPath: path).cursor(),
                cursor.identity == identity,
                cursor.offset == size
            else { return "the store has not read it to its end" }
            guard journal.ranges == [[1, cursor.nextLine - 1]] else {
                return "lines of other months are in it (archive each month it holds first)"
            }
            return nil
        }
    }
}
