import ArgumentParser
import QanatCore
import QanatDesk
import QanatJournal
import QanatStore
import QanatText
import QanatUI

extension IncidentCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "An incident's facts, its units and its whole timeline (events and linked messages).")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The incident reference (INC-2026-0001).") var reference: String
        @Flag(help: "One JSON object.") var json = false

        func run() throws {
            let ref: IncidentReference
            do { ref = try IncidentReference(reference) } catch { throw CLIError.from(error) }
            let detail: IncidentDetail
            let risks: [Risk]
            do {
                let opened = try SQLiteStore.reader(at: store.databasePath)
                guard let found = try DeskLoader(store: opened).detail(ref) else {
                    throw CLIError.badData("incident: no incident '\(ref)'")
                }
                detail = found
                risks = try opened.risks(producing: found.record.incident)
            } catch let error as StoreError { throw CLIError.from(error) }
            if json { return print(jsonLine(Self.json(detail) + [.strings("risks", risks.map(\.id.rawValue))])) }
            print(Self.text(detail))
            // The register's risks it comes under: its hazard, in an area they expose.
            for risk in risks {
                print(
                    terminalSafe(
                        "risk \(risk.id)  \(risk.entry.band.rawValue) \(risk.entry.score)  \(risk.entry.title)"))
            }
        }

        static func text(_ detail: IncidentDetail) -> String {
            let i = detail.record.incident
            let l = Localizer(.en)
            let area = Gazetteer.libya.area(id: i.area)
            var lines = [
                "\(i.reference)  \(i.severity.rawValue)  \(i.status.rawValue)",
                UntrustedText.sanitized(i.title),
                "type: \(i.type.rawValue) · area: \(area.map { "\($0.nameEnglish) (\($0.nameArabic))" } ?? areaName(i.area))"
                    + (i.place.map { " — " + UntrustedText.sanitized($0) } ?? ""),
                "reported by \(i.reportingAgency) · lead \(i.leadAgency)"
                    + (i.peopleAffected.map { " · people affected \($0)" } ?? ""),
                "opened \(LibyaTime.dateTime(i.openedAt)) LY · \(i.status.rawValue) since \(LibyaTime.dateTime(i.statusChangedAt)) LY",
                "",
                "units (\(detail.assignments.filter(\.isActive).count) active):",
            ]
            for a in detail.assignments {
                let stages = [
                    ("tasked", a.taskedAt), ("acknowledged", a.acknowledgedAt), ("arrived", a.arrivedAt),
                    ("released", a.releasedAt),
                ]
                .compactMap { name, at in at.map { "\(name) \(LibyaTime.dateTime($0))" } }
                lines.append("  \(a.unit)  " + stages.joined(separator: " · "))
            }
            if detail.assignments.isEmpty { lines.append("  none") }
            lines += ["", "timeline (\(detail.timeline.count)):"]
            for entry in detail.timeline {
                lines.append(
                    "  \(LibyaTime.dateTime(entry.at))  \(entry.agency)  \(UntrustedText.sanitized(entry.officer))  "
                        + UntrustedText.sanitized(entry.summary(l)))
            }
            return lines.joined(separator: "\n")
        }

        static func json(_ detail: IncidentDetail) -> [JSONWriter.Member] {
            detail.record.json + [
                .objects(
                    "assignments",
                    detail.assignments.map { a in
                        [
                            .string("unit", a.unit.rawValue), .string("taskedAt", a.taskedAt.rfc3339),
                            .optionalString("acknowledgedAt", a.acknowledgedAt?.rfc3339),
                            .optionalString("arrivedAt", a.arrivedAt?.rfc3339),
                            .optionalString("releasedAt", a.releasedAt?.rfc3339),
                        ]
                    }),
                .objects(
                    "timeline",
                    detail.timeline.map { entry in
                        var members: [JSONWriter.Member] = [
                            .string("at", entry.at.rfc3339), .string("agency", entry.agency.rawValue),
                            .string("officer", entry.officer),
                        ]
                        switch entry.kind {
                        case .message(let m):
                            members += [
                                .string("kind", "message"), .string("id", m.id.rawValue),
                                .string("priority", m.priority.rawValue),
                                .optionalString("subject", m.subject), .string("body", m.body),
                            ]
                        case .event(let payload):
                            members += [
                                .string("kind", "event"), .string("type", payload.type.rawValue),
                                .string("text", entry.summary(Localizer(.en))),
                            ]
                        }
                        return members
                    }),
            ]
        }
    }
}
