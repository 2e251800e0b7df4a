import ArgumentParser
import Foundation
import QanatChannel
import QanatCore

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
            let store = try exercise.map(StoreOptions.exercise) ?? store
            let bytes: [UInt8]
            do { bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file))) } catch {
                throw CLIError.badData("\(terminalSafe(file)): \(error.localizedDescription)")
            }
            let digest = ReportDigest.of(bytes)
            let opened = try store.readingStore()
            let written: [Event]
            do { written = try opened.reportsWritten(sha256: digest) } catch { throw CLIError.from(error) }
            guard !written.isEmpty else {
                throw CLIError.badData(
                    "\(terminalSafe(file)): sha256 \(digest) matches no report recorded as written: changed since, or never recorded"
                )
            }
            print("\(terminalSafe(file)): unchanged (sha256 \(digest), \(bytes.count) bytes)")
            for event in written {
                guard case .reportWritten(let record) = event.payload else { continue }
                let options = record.parameters.isEmpty ? "" : " " + record.parameters.joined(separator: " ")
                // The Unix user is the kernel's word, as ingest attributes the journal by its owner; the
                // officer's name is what the line declares.
                let user = event.user.map { "Unix user \($0)" } ?? "no Unix user recorded"
                print(
                    terminalSafe(
                        "  \(record.kind.rawValue)\(options) — written to \(record.file) by \(user), "
                            + "officer \(event.officer) (\(event.agency)), at \(event.at)"))
            }
        }
    }
}
