import QanatCore
import QanatJournal
import QanatText
import QanatUI

/// Prints records as a table under its header, or one JSON object per line.
func printRecords<Record: RecordOutput>(_ records: [Record], json: Bool) {
    if !json { print(Record.table.header()) }
    for record in records { print(json ? jsonLine(record.json) : Record.table.line(record.cells)) }
}

/// An area as lists and reports name it: its English name, or the id when the gazetteer lacks it (a
/// store written past the service, or by a newer gazetteer), its control characters made visible.
func areaName(_ id: String) -> String { Gazetteer.libya.area(id: id)?.nameEnglish ?? UntrustedText.sanitized(id) }

extension Organisation: RecordOutput {
    static let table = TextTable(columns: [
        .init(title: "CODE", width: 12), .init(title: "KIND", width: 12), .init(title: "STATUS", width: 9),
        .init(title: "ENGLISH", width: 36), .init(title: "ARABIC", width: 30), .init(title: "SECTORS", width: 24),
        .init(title: "AREAS", width: 30),
    ])

    var cells: [String] {
        [
            code.rawValue, agency.kind.rawValue, status.rawValue, agency.nameEnglish, agency.nameArabic,
            sectors.map(\.rawValue).joined(separator: ","), areas.map(areaName).joined(separator: ", "),
        ]
    }

    var json: [JSONWriter.Member] {
        [
            .string("code", code.rawValue), .string("kind", agency.kind.rawValue),
            .string("nameEn", agency.nameEnglish),
            .string("nameAr", agency.nameArabic), .optionalString("registration", registration),
            .strings("areas", areas),
            .strings("sectors", sectors.map(\.rawValue)),
            .objects(
                "focal",
                focalPoints.map { f in
                    [.string("name", f.name), .optionalString("phone", f.phone), .optionalString("radio", f.radio)]
                }),
            .strings("capabilities", capabilities), .string("status", status.rawValue),
        ]
    }
}

extension Need: RecordOutput {
    static let table = TextTable(columns: [
        .init(title: "ID", width: 36), .init(title: "AREA", width: 16), .init(title: "SECTOR", width: 13),
        .init(title: "STATUS", width: 9), .init(title: "QUANTITY", width: 18), .init(title: "PEOPLE", width: 7),
        .init(title: "ORG", width: 8), .init(title: "REPORTED (LY)", width: 16), .init(title: "WHAT", width: 40),
    ])

    var cells: [String] {
        [
            id.rawValue, areaName(report.area), report.sector.rawValue, status.rawValue,
            "\(report.quantity) \(report.unit)",
            report.people.map(String.init) ?? "", report.organisation.rawValue, LibyaTime.dateTime(reportedAt),
            report.what,
        ]
    }

    var json: [JSONWriter.Member] {
        [
            .string("id", id.rawValue), .string("area", report.area), .string("sector", report.sector.rawValue),
            .string("what", report.what), .integer("quantity", report.quantity), .string("unit", report.unit),
            .optionalInteger("people", report.people), .string("priority", report.priority.rawValue),
            .string("org", report.organisation.rawValue), .optionalString("incident", report.incident?.rawValue),
            .string("reportedOn", reportedDay.description),
            .string("status", status.rawValue), .string("reportedAt", reportedAt.rfc3339),
            .string("updatedAt", updatedAt.rfc3339),
        ]
    }
}

extension Activity: RecordOutput {
    static let table = TextTable(columns: [
        .init(title: "ID", width: 36), .init(title: "ORG", width: 8), .init(title: "IMPL", width: 8),
        .init(title: "AREA", width: 16),
        .init(title: "SECTOR", width: 13), .init(title: "STATUS", width: 9), .init(title: "START", width: 10),
        .init(title: "END", width: 10),
        .init(title: "REACHED", width: 15), .init(title: "WHAT", width: 40),
    ])

    var cells: [String] {
        let r = registration
        // Reached of targeted: `0/500` until someone is reached, never the target alone.
        let reach = r.targeted.map { "\(reached ?? 0)/\($0)" } ?? reached.map(String.init) ?? ""
        return [
            id.rawValue, r.organisation.rawValue, r.implementer?.rawValue ?? "", areaName(r.area), r.sector.rawValue,
            r.status.rawValue,
            r.start.description, r.end.description, reach, r.what,
        ]
    }

    var json: [JSONWriter.Member] {
        let r = registration
        return [
            .string("id", id.rawValue), .string("org", r.organisation.rawValue),
            .optionalString("implementer", r.implementer?.rawValue),
            .string("sector", r.sector.rawValue), .string("area", r.area), .string("what", r.what),
            .string("start", r.start.description),
            .string("end", r.end.description), .string("status", r.status.rawValue),
            .optionalInteger("targeted", r.targeted),
            .optionalInteger("reached", reached), .strings("needs", r.needs.map(\.rawValue)),
            .string("registeredAt", registeredAt.rfc3339),
        ]
    }
}

extension Pledge: RecordOutput {
    static let table = TextTable(columns: [
        .init(title: "ID", width: 36), .init(title: "NEED", width: 36), .init(title: "ORG", width: 8),
        .init(title: "QUANTITY", width: 10),
        .init(title: "BY", width: 10), .init(title: "STATUS", width: 10),
    ])

    var cells: [String] {
        [
            id.rawValue, made.need.rawValue, made.organisation.rawValue, String(made.quantity),
            made.by?.description ?? "", status.rawValue,
        ]
    }

    var json: [JSONWriter.Member] {
        [
            .string("id", id.rawValue), .string("need", made.need.rawValue), .string("org", made.organisation.rawValue),
            .integer("quantity", made.quantity), .optionalString("by", made.by?.description),
            .string("status", status.rawValue),
            .string("madeAt", madeAt.rfc3339),
        ]
    }
}
