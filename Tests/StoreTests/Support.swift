import Foundation
import QanatCore
import QanatJournal
import QanatScratch
import QanatStore

func temporaryDirectory() throws -> String {
    try scratchDirectory("store-test")
}

/// A small deterministic generator, so a failing shuffle can be replayed from its seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Events of a busy hour on the channel: incidents and their status changes, units tasked and
/// released, messages and acknowledgements — some referring to what comes later, some with
/// equal timestamps, some acknowledged twice by one agency.
func scenario(count: Int, seed: UInt64) -> [Event] {
    var rng = SeededGenerator(seed: seed)
    let agencies = Agency.seed.map(\.code)
    let base: Int64 = 1_795_000_000_000
    var events: [Event] = []
    var references: [IncidentReference] = []
    var units: [CallSign] = []
    var messages: [EventID] = []
    func make(_ payload: EventPayload) -> Event {
        // Coarse times so that ties on the timestamp are common and the id must break them.
        let at = Timestamp(millisecondsSinceEpoch: base + Int64.random(in: 0...600, using: &rng) * 1000)
        return Event(
            id: .make(at: at, using: &rng), at: at, agency: agencies.randomElement(using: &rng)!,
            officer: "officer \(Int.random(in: 1...9, using: &rng))", user: "duty", payload: payload)
    }
    while events.count < count {
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<8 where true:
            let reference = IncidentReference(year: 2026, number: references.count + 1)
            references.append(reference)
            events.append(
                make(
                    .incidentOpened(
                        IncidentOpening(
                            reference: reference, title: "Incident \(references.count)",
                            type: IncidentType.allCases.randomElement(using: &rng)!,
                            severity: Severity.allCases.randomElement(using: &rng)!,
                            area: Gazetteer.libya.areas.randomElement(using: &rng)!.id))))
        case 8..<20 where !references.isEmpty:
            events.append(
                make(
                    .incidentStatusChanged(
                        IncidentStatusChange(
                            reference: references.randomElement(using: &rng)!,
                            status: IncidentStatus.allCases.randomElement(using: &rng)!))))
        case 20..<25 where !references.isEmpty:
            events.append(
                make(
                    .incidentUpdated(
                        IncidentUpdate(
                            reference: references.randomElement(using: &rng)!,
                            severity: Severity.allCases.randomElement(using: &rng)!,
                            peopleAffected: Int.random(in: 0...5000, using: &rng)))))
        case 25..<30:
            let callSign = try! CallSign("U-\(units.count + 1)")
            units.append(callSign)
            events.append(
                make(
                    .unitRegistered(
                        UnitRegistration(
                            callSign: callSign, agency: agencies.randomElement(using: &rng)!,
                            kind: UnitKind.allCases.randomElement(using: &rng)!))))
        case 30..<38 where !units.isEmpty:
            events.append(
                make(
                    .unitStatusChanged(
                        UnitStatusChange(
                            callSign: units.randomElement(using: &rng)!,
                            status: UnitStatus.allCases.randomElement(using: &rng)!))))
        case 38..<55 where !units.isEmpty && !references.isEmpty:
            let link = AssignmentLink(
                incident: references.randomElement(using: &rng)!, unit: units.randomElement(using: &rng)!)
            events.append(make(.assignment(AssignmentStage.allCases.randomElement(using: &rng)!, link)))
        case 55..<80:
            let event = make(
                .messagePosted(
                    MessagePosting(
                        recipients: Bool.random(using: &rng)
                            ? .everyone : .agencies([agencies.randomElement(using: &rng)!]),
                        priority: MessagePriority.allCases.randomElement(using: &rng)!, channel: .radio, subject: nil,
                        body: "message \(events.count)", incident: references.randomElement(using: &rng),
                        acknowledgementRequired: true)))
            messages.append(event.id)
            events.append(event)
        case 80..<95 where !messages.isEmpty:
            events.append(
                make(.messageAcknowledged(MessageAcknowledgement(message: messages.randomElement(using: &rng)!))))
        case 98..<100:
            // Members come and go, some under a shared account, typed in either case.
            let officer = [nil, "Salem", "SALEM", "Huda"].randomElement(using: &rng)!
            let key = MemberKey(user: ["duty", "amal"].randomElement(using: &rng)!, officer: officer)
            events.append(
                make(
                    Bool.random(using: &rng)
                        ? .memberRemoved(key)
                        : .memberAdded(
                            Member(
                                key: key, agency: agencies.randomElement(using: &rng)!,
                                role: Role.allCases.randomElement(using: &rng)!))))
        case 95..<98:
            let code = try! AgencyCode("NGO-\(Int.random(in: 1...5, using: &rng))")
            events.append(
                make(
                    .agencyRegistered(
                        Agency(
                            code: code, nameArabic: "منظمة \(events.count)",
                            nameEnglish: "NGO \(events.count)", kind: .ngo))))
        default:
            continue
        }
    }
    return events
}

/// The coordination's events: organisations registered and changed (seeded agencies too),
/// needs, activities and pledges moving back and forth, settings — some changes before what
/// they change, many on equal timestamps.
func coordinationScenario(count: Int, seed: UInt64) -> [Event] {
    var rng = SeededGenerator(seed: seed)
    let agencies = Agency.seed.map(\.code)
    let areas = ["derna", "benghazi", "district.derna", "sabha"]
    let base: Int64 = 1_795_000_000_000
    let firstDay = CalendarDate(libyaDayOf: Timestamp(millisecondsSinceEpoch: base))
    var events: [Event] = []
    var needs: [RecordID] = []
    var activities: [RecordID] = []
    var pledges: [RecordID] = []
    var risks: [RecordID] = []
    func make(_ payload: EventPayload) -> Event {
        let at = Timestamp(millisecondsSinceEpoch: base + Int64.random(in: 0...600, using: &rng) * 1000)
        return Event(
            id: .make(at: at, using: &rng), at: at, agency: agencies.randomElement(using: &rng)!,
            officer: "officer", user: "duty", payload: payload)
    }
    func newID() -> RecordID { .make(at: Timestamp(millisecondsSinceEpoch: base), using: &rng) }
    while events.count < count {
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<5:
            let code = [
                agencies.randomElement(using: &rng)!, try! AgencyCode("ORG-\(Int.random(in: 1...4, using: &rng))"),
            ].randomElement(using: &rng)!
            events.append(
                make(
                    .organisationRegistered(
                        Organisation(
                            agency: Agency(
                                code: code, nameArabic: "جهة \(events.count)", nameEnglish: "Org \(events.count)",
                                kind: OrganisationKind.allCases.randomElement(using: &rng)!),
                            areas: [areas.randomElement(using: &rng)!],
                            sectors: [Sector.allCases.randomElement(using: &rng)!],
                            focalPoints: [FocalPoint(name: "Focal \(events.count)", phone: "0910000000")]))))
        case 5..<12:
            events.append(
                make(
                    .organisationUpdated(
                        OrganisationChange(
                            code: agencies.randomElement(using: &rng)!, registration: "R-\(events.count)",
                            status: Bool.random(using: &rng)
                                ? OrganisationStatus.allCases.randomElement(using: &rng)! : nil))))
        case 12..<30:
            let id = newID()
            needs.append(id)
            events.append(
                make(
                    .needReported(
                        NeedReport(
                            id: id, area: areas.randomElement(using: &rng)!,
                            sector: Sector.allCases.randomElement(using: &rng)!, what: "need \(events.count)",
                            quantity: Int.random(in: 1...500, using: &rng), unit: "kits",
                            organisation: agencies.randomElement(using: &rng)!))))
        case 30..<42 where !needs.isEmpty:
            events.append(
                make(
                    .needUpdated(
                        NeedChange(
                            id: needs.randomElement(using: &rng)!,
                            status: NeedStatus.allCases.randomElement(using: &rng)!,
                            quantity: Bool.random(using: &rng) ? Int.random(in: 1...500, using: &rng) : nil))))
        case 42..<60:
            let id = newID()
            activities.append(id)
            let start = firstDay.adding(days: Int.random(in: -10...10, using: &rng))
            events.append(
                make(
                    .activityRegistered(
                        ActivityRegistration(
                            id: id, organisation: agencies.randomElement(using: &rng)!,
                            implementer: Bool.random(using: &rng) ? agencies.randomElement(using: &rng)! : nil,
                            sector: Sector.allCases.randomElement(using: &rng)!,
                            area: areas.randomElement(using: &rng)!, what: "work \(events.count)",
                            start: start, end: start.adding(days: Int.random(in: 0...20, using: &rng)),
                            status: ActivityStatus.allCases.randomElement(using: &rng)!,
                            needs: needs.isEmpty ? [] : [needs.randomElement(using: &rng)!]))))
        case 60..<75 where !activities.isEmpty:
            events.append(
                make(
                    .activityUpdated(
                        ActivityChange(
                            id: activities.randomElement(using: &rng)!,
                            status: ActivityStatus.allCases.randomElement(using: &rng)!,
                            reached: Int.random(in: 0...900, using: &rng)))))
        case 75..<88 where !needs.isEmpty:
            let id = newID()
            pledges.append(id)
            events.append(
                make(
                    .pledgeMade(
                        PledgeMade(
                            id: id, need: needs.randomElement(using: &rng)!,
                            organisation: agencies.randomElement(using: &rng)!,
                            quantity: Int.random(in: 1...300, using: &rng)))))
        case 88..<97 where !pledges.isEmpty:
            events.append(
                make(
                    .pledgeUpdated(
                        PledgeChange(
                            id: pledges.randomElement(using: &rng)!,
                            status: PledgeStatus.allCases.randomElement(using: &rng)!))))
        case 97..<98:
            // Settings and response targets: the last writer wins, whatever order they came in.
            events.append(
                make(
                    Bool.random(using: &rng)
                        ? .settingChanged(SettingChange(setting: .gapDays, value: Int.random(in: 1...30, using: &rng)))
                        : .targetSet(
                            ResponseTarget(
                                metric: ResponseMetric.allCases.randomElement(using: &rng)!,
                                seconds: Int.random(in: 30...600, using: &rng),
                                percentile: [50, 90].randomElement(using: &rng)!))))
        case 98..<100:
            // Risks of the register: registered, changed and reviewed, some changes before their risk.
            let id = risks.isEmpty || Bool.random(using: &rng) ? newID() : risks.randomElement(using: &rng)!
            if !risks.contains(id) {
                risks.append(id)
                events.append(
                    make(
                        .riskRegistered(
                            RiskEntry(
                                id: id, hazard: IncidentType.allCases.randomElement(using: &rng)!,
                                title: "risk \(events.count)",
                                areas: [areas.randomElement(using: &rng)!],
                                likelihood: Int.random(in: 1...5, using: &rng),
                                impact: Int.random(in: 1...5, using: &rng), owner: agencies.randomElement(using: &rng)!)
                        )))
            } else if Bool.random(using: &rng) {
                events.append(make(.riskUpdated(RiskChange(id: id, likelihood: Int.random(in: 1...5, using: &rng)))))
            } else {
                events.append(
                    make(
                        .riskReviewed(
                            RiskReview(
                                risk: id, note: "review \(events.count)",
                                next: firstDay.adding(days: Int.random(in: 1...400, using: &rng))))))
            }
        default:
            continue
        }
    }
    return events
}
