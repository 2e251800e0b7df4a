import QanatCore
import QanatJournal
import QanatStore
import QanatUI

/// How each kind of record is printed by `list`: a table row, or one JSON object per line.
protocol RecordOutput {
    static var table: TextTable { get }
    var cells: [String] { get }
    var json: [JSONWriter.Member] { get }
}

func jsonLine(_ members: [JSONWriter.Member]) -> String {
    var writer = JSONWriter()
    writer.object(members)
    return String(decoding: writer.bytes, as: UTF8.self)
}

extension IncidentRecord: RecordOutput {
    static let table = TextTable(columns: [
        .init(title: "REF", width: 18), .init(title: "SEVERITY", width: 8), .init(title: "STATUS", width: 10),
        .init(title: "TYPE", width: 22), .init(title: "AREA", width: 14), .init(title: "LEAD", width: 7),
        .init(title: "UNITS", width: 5), .init(title: "OPENED (LY)", width: 16), .init(title: "TITLE", width: 40),
    ])

    var cells: [String] {
        let i = incident
        return [
            i.reference.rawValue, i.severity.rawValue, i.status.rawValue, i.type.rawValue,
            Gazetteer.libya.area(id: i.area)?.nameEnglish ?? i.area, i.leadAgency.rawValue, String(activeUnits),
            LibyaTime.dateTime(i.openedAt), i.title,
        ]
    }

    var json: [JSONWriter.Member] {
        let i = incident
        return [
            .string("ref", i.reference.rawValue), .string("title", i.title), .string("type", i.type.rawValue),
            .string("severity", i.severity.rawValue), .string("status", i.status.rawValue), .string("area", i.area),
            .optionalString("place", i.place), .string("reportingAgency", i.reportingAgency.rawValue),
            .string("leadAgency", i.leadAgency.rawValue), .optionalInteger("peopleAffected", i.peopleAffected),
            .string("openedAt", i.openedAt.rfc3339), .string("statusAt", i.statusChangedAt.rfc3339),
            .string("updatedAt", i.updatedAt.rfc3339), .integer("units", activeUnits),
        ]
    }
}

extension UnitRecord: RecordOutput {
    static let table = TextTable(columns: [
        .init(title: "CALLSIGN", width: 14), .init(title: "AGENCY", width: 7), .init(title: "KIND", width: 12),
        .init(title: "STATUS", width: 12), .init(title: "SINCE (LY)", width: 16), .init(title: "INCIDENT", width: 14),
        .init(title: "CAPABILITIES", width: 30),
    ])

    var cells: [String] {
        [
            unit.callSign.rawValue, unit.agency.rawValue, unit.kind.rawValue, unit.status.rawValue,
            LibyaTime.dateTime(unit.statusChangedAt), unit.incident?.rawValue ?? "",
            unit.capabilities.joined(separator: ", "),
        ]
    }

    var json: [JSONWriter.Member] {
        [
            .string("callsign", unit.callSign.rawValue), .string("agency", unit.agency.rawValue),
            .string("kind", unit.kind.rawValue),
            .strings("capabilities", unit.capabilities), .optionalString("contact", unit.contact),
            .string("status", unit.status.rawValue), .string("statusAt", unit.statusChangedAt.rfc3339),
            .optionalString("incident", unit.incident?.rawValue),
        ]
    }
}

/// A message as `list` prints it: its acknowledgements counted against the agencies it asked,
/// by the same rule as the desk.
struct ListedMessage: RecordOutput {
    let record: MessageRecord
    let agencies: [AgencyCode]
    var message: Message { record.message }
    var acknowledgements: [Acknowledgement] { record.acknowledgements }

    static let table = TextTable(columns: [
        .init(title: "TIME (LY)", width: 16), .init(title: "FROM", width: 7), .init(title: "PRIORITY", width: 9),
        .init(title: "CHANNEL", width: 9), .init(title: "TO", width: 14), .init(title: "INCIDENT", width: 14),
        .init(title: "ACKS", width: 6), .init(title: "MESSAGE", width: 50), .init(title: "ID", width: 36),
    ])

    var cells: [String] {
        let m = message
        let text = [m.subject, m.body].compactMap { $0 }.joined(separator: " — ")
        let tally = record.acknowledgementTally(among: agencies)
        let acks = m.acknowledgementRequired ? "\(tally.done)/\(tally.asked)" : "-"
        return [
            LibyaTime.dateTime(m.postedAt), m.agency.rawValue, m.priority.rawValue, m.channel.rawValue,
            m.recipients.codes.joined(separator: ","), m.incident?.rawValue ?? "", acks, text, m.id.rawValue,
        ]
    }

    var json: [JSONWriter.Member] {
        let m = message
        return [
            .string("id", m.id.rawValue), .string("at", m.postedAt.rfc3339), .string("agency", m.agency.rawValue),
            .string("officer", m.officer), .strings("to", m.recipients.codes), .string("priority", m.priority.rawValue),
            .string("channel", m.channel.rawValue), .optionalString("subject", m.subject), .string("body", m.body),
            .optionalString("incident", m.incident?.rawValue), .bool("ack", m.acknowledgementRequired),
            .objects(
                "acks",
                acknowledgements.map { a in
                    [.string("agency", a.agency.rawValue), .string("officer", a.officer), .string("at", a.at.rfc3339)]
                }),
        ]
    }
}

extension Member: RecordOutput {
    static let table = TextTable(columns: [
        .init(title: "USER", width: 16), .init(title: "OFFICER", width: 20), .init(title: "AGENCY", width: 8),
        .init(title: "ROLE", width: 10), .init(title: "SHARED", width: 6), .init(title: "PIN", width: 3),
    ])

    var cells: [String] {
        [key.user, key.officer ?? "", agency.rawValue, role.rawValue, shared ? "yes" : "", pin == nil ? "" : "yes"]
    }

    var json: [JSONWriter.Member] {
        [
            .string("user", key.user), .optionalString("officer", key.officer), .string("agency", agency.rawValue),
            .string("role", role.rawValue), .bool("shared", shared), .bool("pin", pin != nil),
        ]
    }
}

/// A value a field takes, for `qanat list agencies|areas|types|kinds`: what to type, and what it is
/// called in English and Arabic.
struct ListedValue: RecordOutput {
    var value: String
    var kind: String
    var english: String
    var arabic: String
    var also: [String] = []

    static func agency(_ agency: Agency) -> ListedValue {
        ListedValue(
            value: agency.code.rawValue, kind: agency.kind.rawValue, english: agency.nameEnglish,
            arabic: agency.nameArabic)
    }

    static func area(_ area: Area) -> ListedValue {
        ListedValue(
            value: area.nameEnglish, kind: area.district.map { "\(area.kind.rawValue) in \($0)" } ?? area.kind.rawValue,
            english: area.nameEnglish, arabic: area.nameArabic, also: area.otherNames)
    }

    static func named(_ value: String, _ names: (en: String, ar: String)) -> ListedValue {
        ListedValue(value: value, kind: "", english: names.en, arabic: names.ar)
    }

    static let table = TextTable(columns: [
        // Wide enough for the longest type (infrastructure.buildingCollapse) and kind: what to type must be whole.
        .init(title: "VALUE", width: 32), .init(title: "KIND", width: 34), .init(title: "ENGLISH", width: 30),
        .init(title: "ARABIC", width: 30), .init(title: "ALSO", width: 30),
    ])

    var cells: [String] { [value, kind, english, arabic, also.joined(separator: ", ")] }

    var json: [JSONWriter.Member] {
        [
            .string("value", value), .string("kind", kind), .string("english", english), .string("arabic", arabic),
            .strings("also", also),
        ]
    }
}
