import ArgumentParser
import Foundation
import QanatChannel
import QanatCore
import QanatStore
import QanatUI

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export for other systems.",
        subcommands: [HXLExport.self, CAPExport.self])

    struct CAPExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cap",
            abstract:
                "An incident as a CAP 1.2 alert: one info in Arabic and one in English, its area by name, P-code and centre.",
            discussion:
                "Alert while the incident stands as opened, Update once it changed, Cancel once closed; Exercise on an exercise store."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The incident's reference.") var reference: String
        @Option(help: "Write to this file instead of standard output.") var out: String?

        func run() throws {
            let opened = try store.readingStore()
            let alert: CAPAlert
            do {
                let ref = try IncidentReference(reference)
                guard let record = try opened.incident(ref) else {
                    throw QanatCore.ValidationError(
                        field: "incident", value: reference, problem: .unknown(what: "incident"))
                }
                let incident = record.incident
                let agencies = Dictionary(try opened.agencies().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
                let infos = Language.allCases.reversed().map { language in
                    let l = Localizer(language)
                    let lead = agencies[incident.leadAgency]
                    let area = Gazetteer.libya.area(id: incident.area)
                    let description = [
                        incident.place, incident.peopleAffected.map { "\(l(.peopleAffected)): \($0)" },
                        "\(l(.colStatus)): \(l(incident.status))",
                    ]
                    .compactMap { $0 }.joined(separator: " — ")
                    return CAPAlert.Info(
                        language: language.rawValue, event: l(incident.type),
                        senderName: (language == .ar ? lead?.nameArabic : lead?.nameEnglish)
                            ?? incident.leadAgency.rawValue,
                        headline: incident.title, description: description,
                        areaDescription: area?.name(in: language) ?? incident.area)
                }
                alert = CAPAlert(
                    incident: incident, sender: incident.leadAgency, exercise: try opened.isExercise(), infos: infos)
            } catch { throw CLIError.fromDomain(error) }
            guard let out else { return writeExport(alert.xml) }
            try OutputFile.write(Array(alert.xml.utf8), to: try ReportDestination.checkedPath(out))
        }
    }

    struct HXLExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hxl",
            abstract: "The 3W, the needs or the organisations as HXL 1.1 CSV (English names, P-codes, Qanat's ids).")

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
                    let names = Dictionary(
                        try opened.organisations(kind: nil).map { ($0.code, $0.agency.nameEnglish) },
                        uniquingKeysWith: { a, _ in a })
                    lines += try opened.activities(matching: .everything).map {
                        CSVText.line(HXLRows.activity($0, names: names))
                    }
                case .needs:
                    let needs = try opened.needs(matching: .everything)
                    let pledges = Dictionary(grouping: try opened.pledges(on: nil), by: \.made.need)
                    lines += needs.map {
                        CSVText.line(
                            HXLRows.need($0, covered: CoverageRules.coverage(of: $0.id, among: pledges[$0.id] ?? [])))
                    }
                case .organisations:
                    lines += try opened.organisations(kind: nil).map { CSVText.line(HXLRows.organisation($0)) }
                }
            } catch { throw CLIError.from(error) }
            let text = lines.map { $0 + "\r\n" }.joined()
            guard let out else { return writeExport(text) }
            try OutputFile.write(Array(text.utf8), to: try ReportDestination.checkedPath(out))
        }
    }
}
