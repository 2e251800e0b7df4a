import QanatCore
import XCTest

@testable import QanatStore

/// The same set of events, applied in any order and in any batching, gives the same projections.
final class OrderIndependenceTests: XCTestCase {
    func testShuffledOrdersGiveTheSameProjections() throws {
        let dir = try temporaryDirectory()
        let events = scenario(count: 3000, seed: 42)
        let reference = try SQLiteStore.create(path: dir + "/reference.sqlite")
        try reference.apply(events)
        let expected = try reference.projectionDigest()
        XCTAssertGreaterThan(try reference.incidents(limit: 1000).count, 50)
        XCTAssertGreaterThan(try reference.messages(limit: 10).flatMap(\.acknowledgements).count, 0)

        for seed in UInt64(1)...8 {
            var rng = SeededGenerator(seed: seed)
            var shuffled = events.shuffled(using: &rng)
            // Some events arrive twice, as when two journals carry the same line.
            shuffled += shuffled.prefix(100)
            let store = try SQLiteStore.create(path: dir + "/shuffled-\(seed).sqlite")
            var start = 0
            while start < shuffled.count {
                let size = Int.random(in: 1...400, using: &rng)
                try store.apply(Array(shuffled[start..<min(start + size, shuffled.count)]))
                start += size
            }
            XCTAssertEqual(try store.projectionDigest(), expected, "order seed \(seed)")
            XCTAssertEqual(try store.eventCount(), events.count)
        }
    }

    func testRebuildGivesTheIncrementalProjections() throws {
        let store = try SQLiteStore.create(path: try temporaryDirectory() + "/store.sqlite")
        let events = scenario(count: 1500, seed: 7)
        for chunk in stride(from: 0, to: events.count, by: 97) {
            try store.apply(Array(events[chunk..<min(chunk + 97, events.count)]))
        }
        let before = try store.projectionDigest()
        XCTAssertEqual(try store.rebuild(), events.count)
        XCTAssertEqual(try store.projectionDigest(), before)
    }

    func testAcknowledgementBeforeItsMessageWaitsForIt() throws {
        let store = try SQLiteStore.create(path: try temporaryDirectory() + "/store.sqlite")
        let at = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000)
        let message = Event(
            id: .make(at: at), at: at, agency: try AgencyCode("CD"), officer: "a", user: nil,
            payload: .messagePosted(
                MessagePosting(
                    recipients: .everyone, priority: .flash, channel: .radio,
                    subject: nil, body: "b", incident: nil, acknowledgementRequired: true)))
        let later = at.adding(seconds: 30)
        let ack = Event(
            id: .make(at: later), at: later, agency: try AgencyCode("LRC"), officer: "b", user: nil,
            payload: .messageAcknowledged(MessageAcknowledgement(message: message.id)))
        try store.apply([ack])
        XCTAssertNil(try store.message(message.id))
        try store.apply([message])
        let record = try XCTUnwrap(try store.message(message.id))
        XCTAssertEqual(record.acknowledgements.map(\.agency.rawValue), ["LRC"])
        XCTAssertEqual(record.awaitingAcknowledgement(from: Agency.seed.map(\.code)).count, Agency.seed.count - 2)
    }

    func testIncidentNumbersNeverRepeatAndSkipIngestedOnes() throws {
        let store = try SQLiteStore.create(path: try temporaryDirectory() + "/store.sqlite")
        XCTAssertEqual(try store.nextIncidentReference(year: 2026).rawValue, "INC-2026-0001")
        let at = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000)
        try store.apply([
            Event(
                id: .make(at: at), at: at, agency: try AgencyCode("CD"), officer: "radio", user: nil,
                payload: .incidentOpened(
                    IncidentOpening(
                        reference: try IncidentReference("INC-2026-0040"),
                        title: "t", type: .fire, severity: .minor, area: "sabha")))
        ])
        XCTAssertEqual(try store.nextIncidentReference(year: 2026).rawValue, "INC-2026-0041")
        XCTAssertEqual(try store.nextIncidentReference(year: 2027).rawValue, "INC-2027-0001")
    }
}

final class IncidentQueryTests: XCTestCase {
    func testTheStoreFiltersAndOrdersAsTheRuleSays() throws {
        let store = try SQLiteStore.create(path: try temporaryDirectory() + "/store.sqlite")
        try store.apply(scenario(count: 2000, seed: 5))
        let all = try store.incidents(openOnly: false, limit: 10_000).map(\.incident)
        XCTAssertGreaterThan(all.count, 100)
        let queries = [
            IncidentQuery(),
            IncidentQuery(openOnly: false, status: .verified, order: .newest),
            IncidentQuery(minimumSeverity: .severe, order: .status),
            IncidentQuery(agency: try AgencyCode("CD"), order: .area),
            IncidentQuery(openOnly: false, area: "district.derna"),
            IncidentQuery(area: "benghazi", order: .severity),
        ]
        for query in queries {
            let fromStore = try store.incidents(matching: query, limit: 10_000).map(\.incident)
            let expected = all.filter { query.admits($0) }
            if query.area == nil { XCTAssertFalse(expected.isEmpty, "\(query) selects something") }
            XCTAssertEqual(Set(fromStore.map(\.reference)), Set(expected.map(\.reference)), "\(query)")
            for (a, b) in zip(fromStore, fromStore.dropFirst()) {
                switch query.order {
                case .severity: XCTAssertGreaterThanOrEqual(a.severity, b.severity)
                case .newest: XCTAssertGreaterThanOrEqual(a.openedAt, b.openedAt)
                case .status:
                    XCTAssertLessThanOrEqual(
                        IncidentStatus.allCases.firstIndex(of: a.status)!,
                        IncidentStatus.allCases.firstIndex(of: b.status)!)
                case .area: XCTAssertLessThanOrEqual(a.area, b.area)
                }
            }
        }
        XCTAssertEqual(try store.incidents(matching: IncidentQuery(), limit: 7).count, 7)
    }

    func testClosedIncidentsAreListedLatestClosedFirst() throws {
        let store = try SQLiteStore.create(path: try temporaryDirectory() + "/store.sqlite")
        try store.apply(scenario(count: 2000, seed: 5))
        let closed = try store.incidents(matching: IncidentQuery(openOnly: false, status: .closed), limit: 10_000).map(
            \.incident)
        XCTAssertFalse(closed.isEmpty)
        XCTAssertTrue(closed.allSatisfy { $0.status == .closed })
        for (a, b) in zip(closed, closed.dropFirst()) {
            XCTAssertGreaterThanOrEqual(a.statusChangedAt, b.statusChangedAt)
        }
    }
}
