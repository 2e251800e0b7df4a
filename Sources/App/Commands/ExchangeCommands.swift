import ArgumentParser
import Foundation
import QanatChannel
import QanatCore
import QanatStore
import QanatUI

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export for other systems.",
                                                    subcommands: [HXLExport.self, CAPExport.self])

    struct CAPExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cap", abstract: "An incident as a CAP 1.2 alert: one info in Arabic and one in English, its area by name, P-code and centre.",
            discussion: "Alert while the incident stands as opened, Update once it changed, Cancel once closed; Exercise on an exercise store.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The incident's reference.") var reference: String
        @Option(help: "Write to this file instead of standard output.") var out: String?

        func run() throws {
            let opened = try store.readingStore()
            let alert: CAPAlert
            do {
                let ref = try IncidentReference(reference)
                guard let record = try opened.incident(ref) else {
                    throw QanatCore.ValidationError(field: "incident", value: reference, problem: .unknown(what: "incident"))
                }
                let incident = record.incident
                let agencies = Dictionary(try opened.agencies().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
                let infos = Language.allCases.reversed().map { language in
                    let l = Localizer(language)
                    let lead = agencies[incident.leadAgency]
                    let area = Gazetteer.libya.area(id: incident.area)
                    let description = [incident.place, incident.peopleAffected.map { "\(l(.peopleAffected)): \($0)" }, "\(l(.colStatus)): \(l(incident.status))"]
                        .compactMap { $0 }.joined(separator: " — ")
                    return CAPAlert.Info(
                        language: language.rawValue, event: l(incident.type),
                        senderName: (language == .ar ? lead?.nameArabic : lead?.nameEnglish) ?? incident.leadAgency.rawValue,
                        headline: incident.title, description: description,
                        areaDescription: area?.name(in: language) ?? incident.area)
                }
                alert = CAPAlert(incident: incident, sender: incident.leadAgency, exercise: try opened.isExercise(), infos: infos)
            } catch { throw CLIError.fromDomain(error) }
            guard let out else { return writeExport(alert.xml) }
            do { try Data(alert.xml.utf8).write(to: URL(fileURLWithPath: out)) } catch {
                throw CLIError.badData("--out \(out): \(error.localizedDescription)")
            }
        }
    }

    struct HXLExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hxl", abstract: "The 3W, the needs or the organisations as HXL 1.1 CSV (English names, P-codes, Qanat's ids).")

        @OptionGroup var store: StoreOptions
        @Argument(help: "\(HXLKind.spelledOut).") var kind: String
        @Option(help: "Write to this file instead of standard output.") var out: String?

        func run() throws {
            let kind: HXLKind
            do { kind = try HXLKind.parse(self.kind, field: "kind") } catch { throw CLIError.from(error) }
            let opened = try store.readingStore()
            var lines = kind.headRows.map(CSVText.line)
            do {
                switch kind {
                case .activities:
                    let names = Dictionary(try opened.organisations(kind: nil).map { ($0.code, $0.agency.nameEnglish) }, uniquingKeysWith: { a, _ in a })
                    lines += try opened.activities(matching: .everything).map { CSVText.line(HXLRows.activity($0, names: names)) }
                case .needs:
                    let needs = try opened.needs(matching: .everything)
                    let pledges = Dictionary(grouping: try opened.pledges(on: nil), by: \.made.need)
                    lines += needs.map { CSVText.line(HXLRows.need($0, covered: CoverageRules.coverage(of: $0.id, among: pledges[$0.id] ?? []))) }
                case .organisations:
                    lines += try opened.organisations(kind: nil).map { CSVText.line(HXLRows.organisation($0)) }
                }
            } catch { throw CLIError.from(error) }
            let text = lines.map { $0 + "\r\n" }.joined()
            guard let out else { return writeExport(text) }
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: out)) } catch {
                throw CLIError.badData("--out \(out): \(error.localizedDescription)")
            }
        }
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import from other systems.",
                                                    subcommands: [HXLImportCommand.self, CAPImportCommand.self])

    struct HXLImportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hxl", abstract: "Take the 3W, the needs or the organisations from an HXL CSV file (supervisor).",
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
            if let actor = recorder.actor, (actor.role ?? .viewer) < .supervisor {
                throw CLIError.refused(.needsRole(.supervisor, for: .importData))
            }
            let table: HXLTable
            let records: [(line: Int, fields: [String])]
            do {
                records = try CSVText.records(try readText())
                table = try HXLTable(kind: kind, records: records)
            } catch let error as CSVError { throw CLIError.badData("\(file): \(error)") } catch let error as HXLError {
                throw CLIError.badData("\(file): \(error)")
            }
            let importer = HXLImport(actions: try recorder.actions, actingAgency: recorder.agency(nil))
            var applied = 0, present = 0, refused = 0
            for record in records where record.line > table.hashtagLine {
                do {
                    let writes = try recorder.check { _ in try importer.writes(kind, table.values(record.fields), at: Clock.now()) }
                    if writes.isEmpty { present += 1; continue }
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
            if file == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else {
                guard let read = FileManager.default.contents(atPath: file) else { throw CLIError.badData("\(file): cannot be read") }
                data = read
            }
            guard var text = String(data: data, encoding: .utf8) else { throw CLIError.badData("\(file): not UTF-8 text") }
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            return text
        }
    }
}

/// An export on standard output: as it is into a pipe or a file, but on a terminal with what the
/// records hold made visible (`␛`), so that stored text never drives the terminal.
func writeExport(_ text: String) {
    let shown = isatty(STDOUT_FILENO) == 1 ? terminalSafe(text.replacingOccurrences(of: "\r\n", with: "\n")) : text
    FileHandle.standardOutput.write(Data(shown.utf8))
}
