import Foundation
import QanatCore
import QanatJournal
import QanatStore

func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "qanat-store-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
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
        return Event(id: .make(at: at, using: &rng), at: at, agency: agencies.randomElement(using: &rng)!,
                     officer: "officer \(Int.random(in: 1...9, using: &rng))", user: "duty", payload: payload)
    }
    while events.count < count {
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<8 where true:
            let reference = IncidentReference(year: 2026, number: references.count + 1)
            references.append(reference)
            events.append(make(.incidentOpened(IncidentOpening(
                reference: reference, title: "Incident \(references.count)", type: IncidentType.allCases.randomElement(using: &rng)!,
                severity: Severity.allCases.randomElement(using: &rng)!, area: Gazetteer.libya.areas.randomElement(using: &rng)!.id))))
        case 8..<20 where !references.isEmpty:
            events.append(make(.incidentStatusChanged(IncidentStatusChange(
                reference: references.randomElement(using: &rng)!, status: IncidentStatus.allCases.randomElement(using: &rng)!))))
        case 20..<25 where !references.isEmpty:
            events.append(make(.incidentUpdated(IncidentUpdate(
                reference: references.randomElement(using: &rng)!, severity: Severity.allCases.randomElement(using: &rng)!,
                peopleAffected: Int.random(in: 0...5000, using: &rng)))))
        case 25..<30:
            let callSign = try! CallSign("U-\(units.count + 1)")
            units.append(callSign)
            events.append(make(.unitRegistered(UnitRegistration(callSign: callSign, agency: agencies.randomElement(using: &rng)!,
                                                                kind: UnitKind.allCases.randomElement(using: &rng)!))))
        case 30..<38 where !units.isEmpty:
            events.append(make(.unitStatusChanged(UnitStatusChange(
                callSign: units.randomElement(using: &rng)!, status: UnitStatus.allCases.randomElement(using: &rng)!))))
        case 38..<55 where !units.isEmpty && !references.isEmpty:
            let link = AssignmentLink(incident: references.randomElement(using: &rng)!, unit: units.randomElement(using: &rng)!)
            events.append(make(.assignment(AssignmentStage.allCases.randomElement(using: &rng)!, link)))
        case 55..<80:
            let event = make(.messagePosted(MessagePosting(
                recipients: Bool.random(using: &rng) ? .everyone : .agencies([agencies.randomElement(using: &rng)!]),
                priority: MessagePriority.allCases.randomElement(using: &rng)!, channel: .radio, subject: nil,
                body: "message \(events.count)", incident: references.randomElement(using: &rng), acknowledgementRequired: true)))
            messages.append(event.id)
            events.append(event)
        case 80..<95 where !messages.isEmpty:
            events.append(make(.messageAcknowledged(MessageAcknowledgement(message: messages.randomElement(using: &rng)!))))
        case 98..<100:
            // Members come and go, some under a shared account, typed in either case.
            let officer = [nil, "Salem", "SALEM", "Huda"].randomElement(using: &rng)!
            let key = MemberKey(user: ["duty", "amal"].randomElement(using: &rng)!, officer: officer)
            events.append(make(Bool.random(using: &rng) ? .memberRemoved(key)
                : .memberAdded(Member(key: key, agency: agencies.randomElement(using: &rng)!, role: Role.allCases.randomElement(using: &rng)!))))
        case 95..<98:
            let code = try! AgencyCode("NGO-\(Int.random(in: 1...5, using: &rng))")
            events.append(make(.agencyRegistered(Agency(code: code, nameArabic: "منظمة \(events.count)",
                                                        nameEnglish: "NGO \(events.count)", kind: .ngo))))
        default:
            continue
        }
    }
    return events
}
