import Foundation
import QanatChannel
import QanatCore
import QanatStore

/// The demo's storm-and-flood scenario in the east, in Arabic and English, written through the
/// same checks and write path as any officer; then a feed that keeps the board moving.
struct DemoScenario {
    let store: SQLiteStore
    let journalPath: String

    private func writer(_ officer: String) -> ChannelWriter { ChannelWriter(journalPath: journalPath, officer: officer) }

    @discardableResult
    private func record(_ officer: String, _ check: (Actions) throws -> Actions.Write) throws -> Event {
        let actions = Actions(context: try store.writeContext(), store: store)
        let event = try writer(officer).event(try check(actions))
        _ = try writer(officer).record(event, store: store)
        return event
    }

    private func open(_ officer: String, _ agency: String, _ type: IncidentType, _ severity: Severity, _ area: String,
                      _ title: String, place: String? = nil, people: Int? = nil) throws -> String {
        let event = try record(officer) { a in
            try a.openIncident(agency: agency, type: type.rawValue, severity: severity.rawValue, area: area, title: title,
                               place: place, lead: nil, people: people, reference: a.nextIncidentReference)
        }
        guard case .incidentOpened(let opening) = event.payload else { return "" }
        return opening.reference.rawValue
    }

    func seed() throws {
        let flood = try open("Huda", "NCEMC", .flashFlood, .extreme, "Derna", "سيول جارفة في وادي درنة",
                             place: "وادي درنة — Wadi Derna bridge", people: 1200)
        let storm = try open("Huda", "NCEMC", .storm, .severe, "Al Bayda", "Storm over Jabal al Akhdar")
        let shelter = try open("Mabrouka", "LRC", .displacedPopulations, .severe, "Benghazi", "نازحون من درنة في مدارس بنغازي",
                               place: "Al Hawari school", people: 340)
        let road = try open("Salem", "CD", .roadClosed, .moderate, "Susa", "Coastal road Derna–Susa cut by landslide")
        try record("Salem") { try $0.changeStatus(reference: flood, to: "verified", agency: "CD", note: "confirmed by CD patrol") }
        try record("Huda") { try $0.changeStatus(reference: flood, to: "responding", agency: "NCEMC", note: nil) }
        try record("Huda") { try $0.changeStatus(reference: storm, to: "verified", agency: "NCEMC", note: nil) }
        for (callSign, agency, kind, capabilities) in [
            ("CD-DRN-01", "CD", "waterRescue", ["boat", "divers"]), ("CD-DRN-02", "CD", "rescue", ["heavy lifting"]),
            ("LRC-BGZ-07", "LRC", "ambulance", ["ALS"]), ("LRC-BGZ-11", "LRC", "shelter", ["300 beds"]),
            ("MOH-BYD-02", "MOH", "medicalTeam", []), ("CD-BYD-04", "CD", "fireEngine", []),
        ] {
            try record("Salem") { a in
                let r = try a.context.unitRegistration(callSign: callSign, agency: agency, kind: kind, capabilities: capabilities, contact: nil)
                return (r.agency, .unitRegistered(r))
            }
        }
        try record("Huda") { try $0.assignment(.tasked, reference: flood, callSign: "CD-DRN-01", agency: "NCEMC") }
        try record("radio room") { try $0.assignment(.arrived, reference: flood, callSign: "CD-DRN-01", agency: "CD") }
        try record("Huda") { try $0.assignment(.tasked, reference: flood, callSign: "MOH-BYD-02", agency: "NCEMC") }
        try record("Mabrouka") { try $0.assignment(.tasked, reference: shelter, callSign: "LRC-BGZ-11", agency: "LRC") }
        try record("Salem") { try $0.unitStatus(callSign: "CD-DRN-02", to: "outOfService", agency: nil) }
        let flash = try record("Huda") {
            try $0.post(from: "NCEMC", to: ["*"], priority: "flash", channel: "radio", subject: "إخلاء فوري",
                        body: "إخلاء فوري لحي الساحل والمغار — المياه تجاوزت الجسر", incident: flood, acknowledgementRequired: true)
        }
        try record("radio room") {
            try $0.post(from: "CD", to: ["NCEMC", "LRC"], priority: "immediate", channel: "radio", subject: nil,
                        body: "CD-DRN-01 on scene at the bridge, 14 people rescued, need a second boat", incident: flood,
                        acknowledgementRequired: false)
        }
        try record("Mabrouka") {
            try $0.post(from: "LRC", to: ["NCEMC", "LRA"], priority: "priority", channel: "phone", subject: nil,
                        body: "Al Hawari school at capacity (340). Requesting blankets and hygiene kits.", incident: shelter,
                        acknowledgementRequired: true)
        }
        try record("duty officer") {
            try $0.post(from: "MOI", to: ["CD"], priority: "routine", channel: "email", subject: nil,
                        body: "الطريق الساحلي درنة–سوسة مغلق. التحويل عبر القبة.", incident: road, acknowledgementRequired: false)
        }
        try acknowledge(flash, by: "CD", officer: "Salem")
        try acknowledge(flash, by: "LRC", officer: "Mabrouka")
    }

    private func acknowledge(_ message: Event, by agency: String, officer: String) throws {
        try record(officer) { actions in
            guard let write = try actions.acknowledge(messageID: message.id.rawValue, agency: agency).write else {
                throw CLIError.badData("\(agency) had already acknowledged \(message.id)")
            }
            return write
        }
    }

    /// One more line of traffic, as a radio room or an SMS gateway would send it.
    func feed(step: Int) throws {
        let lines: [(String, String, String, String)] = [
            ("DRN-MUN", "immediate", "sms", "بلدية درنة: انقطاع المياه في الحي الشرقي"),
            ("CD", "routine", "radio", "CD-DRN-01: water level at the bridge falling slowly"),
            ("LRC", "priority", "phone", "Second shelter opening at Benghazi University sports hall"),
            ("WHO", "routine", "email", "Cholera prevention kits dispatched to Derna"),
            ("NCEMC", "immediate", "radio", "أمطار غزيرة متوقعة على الجبل الأخضر خلال الساعات الست القادمة"),
            ("CD", "routine", "radio", "CD-BYD-04 on standby at Al Bayda"),
        ]
        let (from, priority, channel, body) = lines[step % lines.count]
        try record("gateway") {
            try $0.post(from: from, to: ["*"], priority: priority, channel: channel, subject: nil, body: body,
                        incident: nil, acknowledgementRequired: priority == "immediate")
        }
    }
}
