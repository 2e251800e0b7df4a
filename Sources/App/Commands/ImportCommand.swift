import ArgumentParser
import Foundation
import QanatChannel
import QanatCore
import QanatStore
import QanatUI

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import from other systems.",
        subcommands: [HXLImportCommand.self, CAPImportCommand.self])

    struct HXLImportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hxl",
            abstract: "Take the 3W, the needs or the organisations from an HXL CSV file (supervisor).",
            discussion: """
                Rows are matched by the ids the file carries: a record the store holds is changed only where the file differs, \
                so a file imported twice is applied once. Every row that cannot be taken is named with its line and reason on \
                standard error, the rest is applied, and the exit code is 2 when any row was refused.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Argument(help: "\(HXLKind.spelledOut).") var kind: String
        @Argument(help: "The HXL CSV file, or - for standard input.") var file: String

        func run() throws {
            let kind: HXLKind
            do { kind = try HXLKind.parse(self.kind, field: "kind") } catch { throw CLIError.from(error) }
            let recorder = try EventRecorder(options: store, officer: officer)
            // The file speaks for many organisations: only a supervisor may bring it in.
            try recorder.require(.importData)
            let table: HXLTable
            let records: [(line: Int, fields: [String])]
            do {
                records = try CSVText.records(try readText())
                table = try HXLTable(kind: kind, records: records)
            } catch let error as CSVError { throw CLIError.badData("\(file): \(error)") } catch let error as HXLError {
                throw CLIError.badData("\(file): \(error)")
            }
            let importer = HXLImport(actions: try recorder.actions, actingAgency: recorder.agency(nil))
            var applied = 0
            var present = 0
            var refused = 0
            for record in records where record.line > table.hashtagLine {
                do {
                    let writes = try recorder.check { _ in
                        try importer.writes(kind, table.values(record.fields), at: Clock.now())
                    }
                    if writes.isEmpty {
                        present += 1
                        continue
                    }
                    for write in writes { try recorder.record(try recorder.event(write)) }
                    applied += 1
                } catch let error as CLIError where error.exitCode == 2 || error.exitCode == 4 {
                    refused += 1
                    FileHandle.standardError.write(Data("line \(record.line): \(terminalSafe("\(error)"))\n".utf8))
                }
            }
            print("\(applied) applied, \(present) already present, \(refused) refused")
            if refused > 0 { throw ExitCode(2) }
        }

        private func readText() throws -> String {
            let data: Data
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let read = FileManager.default.contents(atPath: file) else {
                    throw CLIError.badData("\(file): cannot be read")
                }
                data = read
            }
            guard var text = String(data: data, encoding: .utf8) else {
                throw CLIError.badData("\(file): not UTF-8 text")
            }
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            return text
        }
    }
}
