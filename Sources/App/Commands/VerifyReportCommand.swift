import ArgumentParser
import Foundation
import QanatChannel
import QanatCore
import QanatStore

extension ReportCommand {
    struct VerifyReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Prove a report file unchanged: its SHA-256 against the reports recorded as written with --out.",
            discussion:
                "Exit 0 and who wrote it, when, with which options; exit 2 when no report with these bytes was recorded."
        )

        @OptionGroup var store: StoreOptions
        @Option(help: "The exercise in DIR wrote it (its store).") var exercise: String?
        @Argument(help: "The report file.") var file: String

        func run() throws {
            var directory: ObjCBool = false
            if FileManager.default.fileExists(atPath: file, isDirectory: &directory), directory.boolValue {
                throw CLIError.badData("\(terminalSafe(file)): is a directory; give the report file")
            }
            let proof = try Self.proof(of: file, store: try exercise.map(StoreOptions.exercise) ?? store)
            for line in proof.lines { print(line) }
        }

        /// What the store records of the file's bytes, as lines to print, and the kinds recorded;
        /// throws (exit 2) when nothing recorded proves them.
        static func proof(of file: String, store: StoreOptions) throws -> (lines: [String], kinds: [ReportKind]) {
            let content = try OutputFile.content(of: file)
            let digest = content.sha256
            let opened = try store.readingStore()
            let written: [Event]
            do { written = try opened.reportsWritten(sha256: digest) } catch { throw CLIError.from(error) }
            guard !written.isEmpty else {
                throw CLIError.badData(
                    "\(terminalSafe(file)): sha256 \(digest) matches no report recorded as written: changed since, or never recorded"
                )
            }
            // On a service store only what its service rendered proves anything: a record without its
            // attestation was made by a member (before the store had its service).
            let service: ServiceOwner?
            do { service = try opened.serviceOwner() } catch { throw CLIError.from(error) }
            let proving = written.filter { event in
                guard let service else { return true }
                guard case .reportWritten(let record) = event.payload else { return false }
                return record.attestedBy == service.user
            }
            guard !proving.isEmpty else {
                throw CLIError.badData(
                    "\(terminalSafe(file)): sha256 \(digest) is recorded only by a member's own line, not rendered by "
                        + "the store's service (\(service?.user ?? "")): no proof")
            }
            var lines = ["\(terminalSafe(file)): unchanged (sha256 \(digest), \(content.bytes) bytes)"]
            var kinds: [ReportKind] = []
            for event in proving {
                guard case .reportWritten(let record) = event.payload else { continue }
                kinds.append(record.kind)
                let options = record.parameters.isEmpty ? "" : " " + record.parameters.joined(separator: " ")
                // The Unix user is the kernel's word, as ingest attributes the journal by its owner; the
                // officer's name is what the line declares.
                let user = event.user.map { "Unix user \($0)" } ?? "no Unix user recorded"
                let maker = record.attestedBy.map { "rendered by the service (\($0)) for \(user)" } ?? "by \(user)"
                lines.append(
                    terminalSafe(
                        """
                          the \(record.kind.rawValue) report\(options)
                            \(maker) (the officer's name as given: \(event.officer), \(event.agency))
                            written to \(record.file) on \(LibyaTime.dateTime(event.at)) Libya time
                        """))
            }
            return (lines, kinds)
        }
    }
}
