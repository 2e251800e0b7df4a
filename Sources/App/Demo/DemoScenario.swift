import Foundation
import QanatChannel
import QanatCore
import QanatStore

/// The demo's storm-and-flood scenario in the east, in Arabic and English, written through the
/// same checks and write path as any officer; then a feed that keeps the board moving.
struct DemoScenario {
    let store: SQLiteStore
    let journalPath: String

    @discardableResult
    private func record(_ officer: String, _ check: (Actions) throws -> Actions.Write) throws -> Event {
        var session = WriteSession(journalPath: journalPath, officer: officer, store: store)
        let event = try session.event(try check(try session.actions()))
        try session.record(event)
        return event
    }

    private func open(
        _ officer: String, _ agency: String, _ type: IncidentType, _ severity: Severity, _ area: String,
        _ title: String, place: String? = nil, people: Int? = nil
    ) throws -> String {
        let event = try record(officer) { a in
            try a.openIncident(
                agency: agency, type: type.rawValue, severity: severity.rawValue, area: area, title: title,
                place: place, lead: nil, people: people, reference: a.nextIncidentReference)
        }
        guard case .incidentOpened(let opening) = event.payload else { return "" }
        return opening.reference.rawValue
    }

    func seed() throws {
        let flood = try open(
            "Huda", "NCEMC", .flashFlood, .extreme, "Derna", "سيول جارفة في وادي درنة",
            place: "وادي درنة — Wadi Derna bridge", people: 1200)
        let storm = try open("Huda", "NCEMC", .storm, .severe, "Al Bayda", "Storm over Jabal al Akhdar")
        let shelter = try open(
            "Mabrouka", "LRC", .displacedPopulations, .severe, "Benghazi", "نازحون من درنة في مدارس بنغازي",
            place: "Al Hawari school", people: 340)
        let road = try open("Salem", "CD", .roadClosed, .moderate, "Susa", "Coastal road Derna–Susa cut by landslide")
        try record("Salem") {
            try $0.changeStatus(reference: flood, to: "verified", agency: "CD", note: "confirmed by CD patrol")
        }
        try record("Huda") { try $0.changeStatus(reference: flood, to: "responding", agency: "NCEMC", note: nil) }
        try record("Huda") { try $0.changeStatus(reference: storm, to: "verified", agency: "NCEMC", note: nil) }
        for (callSign, agency, kind, capabilities) in [
            ("CD-DRN-01", "CD", "waterRescue", ["boat", "divers"]), ("CD-DRN-02", "CD", "rescue", ["heavy lifting"]),
            ("LRC-BGZ-07", "LRC", "ambulance", ["ALS"]), ("LRC-BGZ-11", "LRC", "shelter", ["300 beds"]),
            ("MOH-BYD-02", "MOH", "medicalTeam", []), ("CD-BYD-04", "CD", "fireEngine", []),
        ] {
            try record("Salem") { a in
                let r = try a.context.unitRegistration(
                    callSign: callSign, agency: agency, kind: kind, capabilities: capabilities, contact: nil)
                return (r.agency, .unitRegistered(r))
            }
        }
        try record("Huda") { try $0.assignment(.tasked, reference: flood, callSign: "CD-DRN-01", agency: "NCEMC") }
        try record("radio room") { try $0.assignment(.arrived, reference: flood, callSign: "CD-DRN-01", agency: "CD") }
        try record("Huda") { try $0.assignment(.tasked, reference: flood, callSign: "MOH-BYD-02", agency: "NCEMC") }
        try record("Mabrouka") { try $0.assignment(.tasked, reference: shelter, callSign: "LRC-BGZ-11", agency: "LRC") }
        try record("Salem") { try $0.unitStatus(callSign: "CD-DRN-02", to: "outOfService", agency: nil) }
        let flash = try record("Huda") {
            try $0.post(
                from: "NCEMC", to: ["*"], priority: "flash", channel: "radio", subject: "إخلاء فوري",
                body: "إخلاء فوري لحي الساحل والمغار — المياه تجاوزت الجسر", incident: flood,
                acknowledgementRequired: true)
        }
        try record("radio room") {
            try $0.post(
                from: "CD", to: ["NCEMC", "LRC"], priority: "immediate", channel: "radio", subject: nil,
                body: "CD-DRN-01 on scene at the bridge, 14 people rescued, need a second boat", incident: flood,
                acknowledgementRequired: false)
        }
        try record("Mabrouka") {
            try $0.post(
                from: "LRC", to: ["NCEMC", "LRA"], priority: "priority", channel: "phone", subject: nil,
                body: "Al Hawari school at capacity (340). Requesting blankets and hygiene kits.", incident: shelter,
                acknowledgementRequired: true)
        }
        try record("duty officer") {
            try $0.post(
                from: "MOI", to: ["CD"], priority: "routine", channel: "email", subject: nil,
                body: "الطريق الساحلي درنة–سوسة مغلق. التحويل عبر القبة.", incident: road,
                acknowledgementRequired: false)
        }
        try acknowledge(flash, by: "CD", officer: "Salem")
        try acknowledge(flash, by: "LRC", officer: "Mabrouka")
        try seedCoordination(flood: flood)
        try seedRisks()
        try DemoHistory(store: store, journalPath: journalPath).seed(now: Clock.now())
    }

    /// Three risks of the register, one of them with its review overdue, for the risk board (F6).
    private func seedRisks() throws {
        let now = Clock.now()
        let today = CalendarDate(libyaDayOf: now)
        for (hazard, title, areas, likelihood, impact, owner, review) in [
            ("damFailure", "Wadi Derna dams fail in a storm", ["Derna"], 3, 5, "NCEMC", -20),
            ("storm", "Medicane over the Green Mountain", ["Al Bayda", "Derna"], 3, 3, "NCEMC", 90),
            ("hazardousMaterial", "تسرب كيميائي في ميناء بنغازي", ["Benghazi"], 1, 4, "CD", 45),
        ] {
            try record("Huda") { a in
                try a.addRisk(
                    Actions.RiskFields(
                        hazard: hazard, title: title, areas: areas, likelihood: likelihood, impact: impact,
                        owner: owner,
                        mitigations: ["Contingency plan rehearsed yearly"],
                        review: today.adding(days: review).description),
                    actingAgency: "NCEMC", at: now)
            }
        }
    }

    /// Relief after the flood: needs, who does what where, pledges — a gap, a duplication, a
    /// delay and cells that are fine, for the coverage board (F5).
    private func seedCoordination(flood: String) throws {
        let now = Clock.now()
        let today = CalendarDate(libyaDayOf: now)
        func day(_ offset: Int) -> String { today.adding(days: offset).description }
        try record("Nadia") { a in
            try a.registerOrganisation(
                code: "SCOUTS", kind: "civilSociety", nameEnglish: "Libyan Scouts and Guides",
                nameArabic: "الكشافة والمرشدات الليبية",
                registration: "CSC-2021-114", areas: ["Derna", "Benghazi"], sectors: ["shelter", "nfi"],
                focalPoints: ["Amal Idris;+218 91 234 5678;VHF 7"], capabilities: ["volunteers", "tents"],
                actingAgency: "OCHA")
        }
        try record("Nadia") { a in
            try a.registerOrganisation(
                code: "ALWAHA-TR", kind: "private", nameEnglish: "Al Waha Transport", nameArabic: "الواحة للنقل",
                registration: nil, areas: ["Benghazi"], sectors: ["logistics"],
                focalPoints: ["Khaled;+218 92 111 2222;"], capabilities: ["12 trucks", "fuel"], actingAgency: "OCHA")
        }
        func need(
            _ area: String, _ sector: String, _ what: String, _ quantity: Int, _ unit: String, _ people: Int,
            _ org: String
        ) throws -> String {
            let event = try record("Mabrouka") { a in
                try a.reportNeed(
                    area: area, sector: sector, what: what, quantity: quantity, unit: unit, people: people,
                    priority: "immediate",
                    organisation: org, incident: flood, at: now)
            }
            guard case .needReported(let report) = event.payload else { return "" }
            return report.id.rawValue
        }
        let tents = try need("Derna", "shelter", "Family tents", 300, "tents", 1500, "LRC")
        let water = try need("Derna", "wash", "Drinking water", 20000, "litres a day", 4000, "DRN-MUN")
        _ = try need("Derna", "health", "Mobile clinic", 2, "teams", 3000, "MOH")
        let kits = try need("Benghazi", "nfi", "Hygiene kits", 400, "kits", 340, "LRC")
        func activity(
            _ org: String, _ implementer: String?, _ area: String, _ sector: String, _ what: String,
            from: Int, to: Int, status: String, needs: [String]
        ) throws {
            try record("Nadia") { a in
                try a.registerActivity(
                    organisation: org, implementer: implementer, sector: sector, area: area, what: what,
                    start: day(from), end: day(to), status: status, targeted: nil, needs: needs, at: now
                ).write
            }
        }
        try activity(
            "LRC", nil, "Derna", "shelter", "Tent distribution", from: -1, to: 14, status: "ongoing", needs: [tents])
        try activity(
            "UNICEF", "LRA", "Derna", "wash", "Water trucking", from: 2, to: 30, status: "planned", needs: [water])
        try activity("WFP", nil, "Derna", "food", "Food baskets", from: -2, to: 10, status: "ongoing", needs: [])
        try activity("LRA", nil, "Derna", "food", "Hot meals", from: 0, to: 7, status: "ongoing", needs: [])
        try activity(
            "SCOUTS", nil, "Benghazi", "nfi", "Kit distribution at Al Hawari school", from: -3, to: 4,
            status: "planned", needs: [kits])
        for (needID, org, quantity, status) in [(tents, "LRC", 180, "delivering"), (kits, "SCOUTS", 400, "pledged")] {
            let event = try record("Nadia") { a in
                try a.makePledge(need: needID, organisation: org, quantity: quantity, by: day(5), at: now)
            }
            guard case .pledgeMade(let pledge) = event.payload, status != "pledged" else { continue }
            try record("Nadia") { a in try a.updatePledge(id: pledge.id.rawValue, status: status, quantity: nil) }
        }
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
            try $0.post(
                from: from, to: ["*"], priority: priority, channel: channel, subject: nil, body: body,
                incident: nil, acknowledgementRequired: priority == "immediate")
        }
    }
}
