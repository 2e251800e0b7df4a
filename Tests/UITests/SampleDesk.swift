import QanatCore

@testable import QanatUI

/// A fixed desk for snapshots: the storm-and-flood scenario at 14:05 Libya time.
enum SampleDesk {
    static let now = Timestamp(rfc3339: "2026-11-22T12:05:09Z")!
    static func at(_ minutesAgo: Int64) -> Timestamp { now.adding(seconds: -minutesAgo * 60) }
    static func code(_ text: String) -> AgencyCode { try! AgencyCode(text) }
    static func ref(_ n: Int) -> IncidentReference { IncidentReference(year: 2026, number: n) }
    static func id(_ n: Int) -> EventID { try! EventID("01a20000-0000-7000-8000-0000000000\(n < 10 ? "0" : "")\(n)") }

    static func incident(
        _ n: Int, _ title: String, _ type: IncidentType, _ severity: Severity, _ status: IncidentStatus,
        _ area: String, lead: String, opened: Int64, inStatus: Int64, units: Int, people: Int? = nil,
        place: String? = nil
    ) -> IncidentRecord {
        IncidentRecord(
            incident: Incident(
                reference: ref(n), title: title, type: type, severity: severity, status: status, area: area,
                place: place,
                reportingAgency: code(lead), leadAgency: code(lead), peopleAffected: people, openedAt: at(opened),
                statusChangedAt: at(inStatus), updatedAt: at(inStatus)), activeUnits: units)
    }

    static func message(
        _ n: Int, _ from: String, _ to: Recipients, _ priority: MessagePriority, _ body: String,
        subject: String? = nil, incident: Int? = nil, ack: Bool = false, minutesAgo: Int64,
        acks: [String] = []
    ) -> MessageRecord {
        let m = Message(
            id: id(n), postedAt: at(minutesAgo), agency: code(from), officer: "officer", recipients: to,
            priority: priority, channel: .radio, subject: subject, body: body, incident: incident.map(ref),
            acknowledgementRequired: ack)
        return MessageRecord(
            message: m,
            acknowledgements: acks.map {
                Acknowledgement(message: m.id, agency: code($0), officer: "duty", at: at(minutesAgo - 1))
            })
    }

    static func unit(
        _ callSign: String, _ agency: String, _ kind: UnitKind, _ status: UnitStatus, minutes: Int64,
        incident: Int? = nil, capabilities: [String] = []
    ) -> UnitRecord {
        UnitRecord(
            unit: Unit(
                callSign: try! CallSign(callSign), agency: code(agency), kind: kind, capabilities: capabilities,
                status: status, statusChangedAt: at(minutes), incident: incident.map(ref)))
    }

    static func state(width: Int, height: Int, language: Language = .en) -> DeskState {
        var state = DeskState(
            width: width, height: height, language: language, officer: "Huda Elmagrahi",
            agency: code("CD"), now: now)
        state.data.agencies = ["MOI", "NCEMC", "CD", "LRC", "LRA", "MOH"].map(code)
        state.data.incidents = [
            incident(
                1, "سيول جارفة في وادي درنة", .flashFlood, .extreme, .responding, "derna", lead: "NCEMC",
                opened: 125, inStatus: 100, units: 2, people: 1200, place: "Wadi Derna bridge"),
            incident(
                2, "Storm over Jabal al Akhdar", .storm, .severe, .verified, "al-bayda", lead: "NCEMC",
                opened: 95, inStatus: 50, units: 0),
            incident(
                3, "نازحون من درنة في مدارس بنغازي", .displacedPopulations, .severe, .reported, "benghazi",
                lead: "LRC", opened: 30, inStatus: 30, units: 1, people: 340),
            incident(
                4, "Coastal road Derna–Susa cut by landslide", .roadClosed, .moderate, .reported, "susa",
                lead: "CD", opened: 12, inStatus: 12, units: 0),
        ]
        state.data.units = [
            unit(
                "CD-DRN-01", "CD", .waterRescue, .onScene, minutes: 34, incident: 1, capabilities: ["boat", "divers"]),
            unit("CD-DRN-02", "CD", .rescue, .outOfService, minutes: 80),
            unit("LRC-BGZ-07", "LRC", .ambulance, .available, minutes: 200, capabilities: ["ALS"]),
            unit("LRC-BGZ-11", "LRC", .shelter, .assigned, minutes: 25, incident: 3, capabilities: ["300 beds"]),
            unit("MOH-BYD-02", "MOH", .medicalTeam, .enRoute, minutes: 9, incident: 1),
        ]
        state.data.messages = [
            message(
                1, "NCEMC", .everyone, .flash, "إخلاء فوري لحي الساحل والمغار — المياه تجاوزت الجسر",
                subject: "إخلاء فوري", incident: 1, ack: true, minutesAgo: 60, acks: ["LRC"]),
            message(
                2, "CD", .agencies([code("NCEMC"), code("LRC")]), .immediate,
                "CD-DRN-01 on scene at the bridge, 14 people rescued, need a second boat", incident: 1, minutesAgo: 40),
            message(
                3, "LRC", .agencies([code("NCEMC"), code("LRA")]), .priority,
                "Al Hawari school at capacity (340). Requesting blankets and hygiene kits.", incident: 3, ack: true,
                minutesAgo: 20),
            message(
                4, "MOI", .agencies([code("CD")]), .routine, "الطريق الساحلي درنة–سوسة مغلق. التحويل عبر القبة.",
                incident: 4, minutesAgo: 5),
        ]
        state.data.areaTallies = areaTallies(state.data)
        state.data.coverage = coverage.cells(CoverageRules(today: CalendarDate(libyaDayOf: now)))
        state.data.risks = risks
        (state.data.performance, state.data.performancePeriod) = performance
        // What the store's pending-acknowledgement projection would count for this sample.
        state.data.pendingAcknowledgements = state.data.messages.filter(state.awaitsOurAcknowledgement).count
        return state
    }

    /// The map's counts as the store would give them: the sample's incidents and committed units,
    /// and beyond the board's window a few elsewhere (Tripoli, Sabha, Kufra), as a store has.
    static func areaTallies(_ data: DeskData) -> AreaTallies {
        var incidents: [String: [Severity: Int]] = [
            "tripoli-centre": [.moderate: 3, .minor: 4], "sabha": [.minor: 1], "kufra": [.severe: 2],
        ]
        for record in data.incidents {
            incidents[record.incident.area, default: [:]][record.incident.severity, default: 0] += 1
        }
        var units: [String: Int] = [:]
        for record in data.units where record.unit.status.isCommitted {
            guard let reference = record.unit.incident,
                let area = data.incidents.first(where: { $0.incident.reference == reference })?.incident.area
            else { continue }
            units[area, default: 0] += 1
        }
        return AreaTallies(openIncidents: incidents, unitsCommitted: units)
    }

    /// Needs, 3W and pledges after the Derna flood: a gap, a duplication, a delay, and a cell that is fine.
    static let coverage: CoordinationPicture = {
        let today = CalendarDate(libyaDayOf: now)
        func need(
            _ n: Int, _ area: String, _ sector: Sector, _ what: String, _ quantity: Int, _ unit: String, daysAgo: Int64
        ) -> Need {
            Need(
                report: NeedReport(
                    id: id(60 + n), area: area, sector: sector, what: what, quantity: quantity, unit: unit,
                    people: quantity * 5,
                    organisation: code("LRC")), reportedAt: now.adding(seconds: -daysAgo * 86_400))
        }
        func activity(
            _ n: Int, _ org: String, _ area: String, _ sector: Sector, _ what: String, from: Int, to: Int,
            status: ActivityStatus = .ongoing, implementer: String? = nil, needs: [Int] = []
        ) -> Activity {
            Activity(
                registration: ActivityRegistration(
                    id: id(70 + n), organisation: code(org), implementer: implementer.map(code), sector: sector,
                    area: area, what: what, start: today.adding(days: from), end: today.adding(days: to),
                    status: status, targeted: 400, needs: needs.map { id(60 + $0) }),
                reached: status == .ongoing ? 120 : nil, registeredAt: at(3000))
        }
        return CoordinationPicture(
            needs: [
                need(1, "derna", .shelter, "Family tents", 300, "tents", daysAgo: 2),
                need(2, "derna", .wash, "Drinking water", 20000, "litres/day", daysAgo: 9),
                need(3, "benghazi", .health, "Mobile clinic", 2, "teams", daysAgo: 1),
            ],
            activities: [
                activity(1, "LRC", "derna", .shelter, "Tent distribution", from: -1, to: 10, needs: [1]),
                activity(
                    2, "UNICEF", "derna", .wash, "Water trucking", from: -5, to: 20, implementer: "LRA", needs: [2]),
                activity(3, "WFP", "derna", .food, "Food baskets", from: -3, to: 5),
                activity(4, "LRA", "derna", .food, "Hot meals", from: 0, to: 7),
                activity(5, "MOH", "benghazi", .health, "Clinic", from: -2, to: 9, status: .planned, needs: [3]),
            ],
            pledges: [
                Pledge(
                    made: PledgeMade(id: id(81), need: id(61), organisation: code("LRC"), quantity: 180),
                    status: .delivering, madeAt: at(900)),
                Pledge(
                    made: PledgeMade(id: id(82), need: id(62), organisation: code("UNICEF"), quantity: 8000),
                    status: .delivered, madeAt: at(900)),
            ])
    }()

    /// Twelve weeks of response times for CD and LRC, getting quicker, against the NFPA-style targets.
    static let performance: ([MetricFigures], PerformancePeriod) = {
        let period = PerformancePeriod.lastWeeks(before: now)
        var samples: [ResponseSample] = []
        for week in 0..<12 {
            for (n, agency) in ["CD", "LRC"].enumerated() {
                let start = period.since.adding(seconds: Int64(week) * 7 * 86_400 + Int64(n) * 3600)
                let slow = Int64(12 - week)
                samples.append(
                    ResponseSample(
                        metric: .acknowledge, agency: code(agency), subject: "m\(week)", start: start,
                        end: start.adding(seconds: 20 + slow * 6 + Int64(n) * 30)))
                samples.append(
                    ResponseSample(
                        metric: .assign, agency: code(agency), subject: "i\(week)", start: start,
                        end: start.adding(seconds: 90 + slow * 20)))
                samples.append(
                    ResponseSample(
                        metric: .close, agency: code(agency), subject: "i\(week)\(n)", start: start,
                        end: week == 11 && n == 1 ? nil : start.adding(seconds: 3600 * slow)))
            }
        }
        let targets = [
            ResponseTarget(metric: .acknowledge, seconds: 60), ResponseTarget(metric: .assign, seconds: 300),
            ResponseTarget(metric: .close, seconds: 86_400, percentile: 50),
        ]
        return (ResponsePerformance.figures(samples, targets: targets, period: period, now: now), period)
    }()

    /// The register: a high flood risk with its review overdue, a medium storm, a low chemical one.
    static let risks: [Risk] = {
        let today = CalendarDate(libyaDayOf: now)
        func risk(_ n: Int, _ hazard: IncidentType, _ title: String, _ l: Int, _ i: Int, _ owner: String, review: Int)
            -> Risk
        {
            Risk(
                entry: RiskEntry(
                    id: id(90 + n), hazard: hazard, title: title, areas: ["derna"], likelihood: l, impact: i,
                    owner: code(owner),
                    mitigations: ["Inspect the dams each autumn"], nextReview: today.adding(days: review)),
                registeredAt: at(100_000))
        }
        return [
            risk(1, .damFailure, "Wadi Derna dams fail in a storm", 3, 5, "NCEMC", review: -10),
            risk(2, .storm, "Medicane over the Green Mountain", 3, 3, "NCEMC", review: 90),
            risk(3, .hazardousMaterial, "تسرب كيميائي في ميناء بنغازي", 1, 4, "CD", review: 30),
        ]
    }()

    /// The detail of a coverage cell as the loader reads it from the sample.
    static func coverageDetail(_ key: CoverageCell.Key) -> CoverageDetail {
        let needs = coverage.needs.filter { $0.cell == key }
        let organisations = ["LRC", "UNICEF", "LRA", "WFP"].map { code in
            Organisation(
                agency: Agency(
                    code: self.code(code), nameArabic: "جهة \(code)", nameEnglish: "Organisation \(code)", kind: .ngo),
                focalPoints: [
                    FocalPoint(
                        name: "Focal of \(code)", phone: "+218 91 000 00\(code.count)", radio: "ch \(code.count)")
                ])
        }
        return CoverageDetail(
            key: key, needs: needs, activities: coverage.activities.filter { $0.cell == key },
            pledges: coverage.pledges.filter { pledge in needs.contains { $0.id == pledge.made.need } },
            organisations: organisations)
    }

    static func detail() -> IncidentDetail {
        let record = state(width: 80, height: 24).data.incidents[0]
        let link = AssignmentLink(incident: ref(1), unit: try! CallSign("CD-DRN-01"))
        return IncidentDetail(
            record: record,
            assignments: [
                Assignment(incident: ref(1), unit: link.unit, taskedAt: at(45), arrivedAt: at(34)),
                Assignment(incident: ref(1), unit: try! CallSign("MOH-BYD-02"), taskedAt: at(10)),
            ],
            timeline: [
                TimelineEntry(
                    at: at(125), agency: code("NCEMC"), officer: "Huda",
                    kind: .event(
                        .incidentOpened(
                            IncidentOpening(
                                reference: ref(1), title: "t", type: .flashFlood, severity: .extreme, area: "derna")))),
                TimelineEntry(
                    at: at(110), agency: code("CD"), officer: "Salem",
                    kind: .event(
                        .incidentStatusChanged(
                            IncidentStatusChange(reference: ref(1), status: .verified, note: "confirmed by CD patrol")))
                ),
                TimelineEntry(
                    at: at(100), agency: code("NCEMC"), officer: "Huda",
                    kind: .event(
                        .incidentStatusChanged(
                            IncidentStatusChange(reference: ref(1), status: .responding)))),
                TimelineEntry(
                    at: at(45), agency: code("NCEMC"), officer: "Huda", kind: .event(.assignment(.tasked, link))),
                TimelineEntry(
                    at: at(40), agency: code("CD"), officer: "radio",
                    kind: .message(state(width: 80, height: 24).data.messages[1].message)),
            ])
    }
}
