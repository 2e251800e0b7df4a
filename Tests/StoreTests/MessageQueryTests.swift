import QanatCore
import XCTest

@testable import QanatStore

/// The log's filters in SQL give what the domain's rule (`MessageQuery.admits`) gives, and the
/// pending-acknowledgement projection stays that rule's answer however events arrive.
final class MessageQueryTests: XCTestCase {
    func testStoreFiltersAgreeWithTheDomainRule() throws {
        let store = try SQLiteStore.create(path: try temporaryDirectory() + "/store.sqlite")
        let events = scenario(count: 2500, seed: 11)
        try store.apply(events)
        let all = try store.messages(limit: 100_000)
        let agencies = try store.agencies().map(\.code)
        XCTAssertGreaterThan(all.count, 300)
        let incident = try XCTUnwrap(all.compactMap(\.message.incident).first)

        var queries: [MessageQuery] = [
            MessageQuery(), MessageQuery(incident: incident), MessageQuery(minimumPriority: .immediate),
        ]
        for agency in agencies {
            queries.append(MessageQuery(agency: agency))
            queries.append(MessageQuery(awaitingAcknowledgementBy: agency))
            queries.append(MessageQuery(agency: agency, minimumPriority: .flash, awaitingAcknowledgementBy: agency))
        }
        var nonEmpty = 0
        for query in queries {
            let expected = all.filter { query.admits($0, agencies: agencies) }.map(\.message.id)
            let found = try store.messages(matching: query, limit: 100_000).map(\.message.id)
            XCTAssertEqual(found, expected, "\(query)")
            if !found.isEmpty { nonEmpty += 1 }
            if let awaiting = query.awaitingAcknowledgementBy, !query.isFilteringBeyondAcknowledgement {
                XCTAssertEqual(try store.pendingAcknowledgementCount(for: awaiting, limit: 100_000), expected.count)
            }
        }
        XCTAssertGreaterThan(nonEmpty, queries.count / 2, "the scenario should exercise most filters")
        XCTAssertEqual(try store.messages(matching: MessageQuery(), limit: 7).count, 7)
    }

    func testCountStopsAtItsLimit() throws {
        let store = try SQLiteStore.create(path: try temporaryDirectory() + "/store.sqlite")
        try store.apply(scenario(count: 2500, seed: 3))
        let counts = try store.agencies().map {
            ($0.code, try store.pendingAcknowledgementCount(for: $0.code, limit: 10_000))
        }
        let agency = try XCTUnwrap(counts.max { $0.1 < $1.1 }?.0)
        XCTAssertGreaterThan(try store.pendingAcknowledgementCount(for: agency, limit: 10_000), 5)
        XCTAssertEqual(try store.pendingAcknowledgementCount(for: agency, limit: 5), 5)
    }

    func testAnAgencyRegisteredLaterAwaitsEarlierBroadcasts() throws {
        let store = try SQLiteStore.create(path: try temporaryDirectory() + "/store.sqlite")
        let at = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000)
        let broadcast = Event(
            id: .make(at: at), at: at, agency: try AgencyCode("CD"), officer: "a", user: nil,
            payload: .messagePosted(
                MessagePosting(
                    recipients: .everyone, priority: .flash, channel: .radio,
                    subject: nil, body: "b", incident: nil, acknowledgementRequired: true)))
        let ngo = try AgencyCode("NGO-9")
        let registration = Event(
            id: .make(at: at.adding(seconds: 5)), at: at.adding(seconds: 5), agency: ngo, officer: "c", user: nil,
            payload: .agencyRegistered(Agency(code: ngo, nameArabic: "منظمة", nameEnglish: "NGO", kind: .ngo)))
        try store.apply([broadcast])
        XCTAssertEqual(try store.pendingAcknowledgementCount(for: ngo, limit: 10), 0)
        try store.apply([registration])
        XCTAssertEqual(try store.pendingAcknowledgementCount(for: ngo, limit: 10), 1)
        XCTAssertEqual(
            try store.pendingAcknowledgementCount(for: try AgencyCode("CD"), limit: 10), 0, "not its own sender")
    }

    /// Migration v4 fills the projection from a store that had messages before it.
    func testMigrationFillsThePendingTableFromExistingMessages() throws {
        let path = try temporaryDirectory() + "/store.sqlite"
        let store = try SQLiteStore.create(path: path)
        try store.apply(scenario(count: 1500, seed: 5))
        let before = try store.projectionDigest()
        try store.write { db in
            try db.execute(
                sql: "DROP TABLE pending_acknowledgements; DELETE FROM grdb_migrations WHERE identifier LIKE 'v4%'")
        }
        XCTAssertEqual(try SQLiteStore.create(path: path).projectionDigest(), before)
    }
}

private extension MessageQuery {
    var isFilteringBeyondAcknowledgement: Bool { agency != nil || incident != nil || minimumPriority != nil }
}
