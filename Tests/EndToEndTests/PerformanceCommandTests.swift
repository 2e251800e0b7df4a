import Foundation
import QanatChannel
import QanatCore
import QanatJournal
import QanatStore
import QanatTestSupport
import XCTest

/// Evaluation through the command line: targets a supervisor sets, response times per agency
/// against them, and reports written to files recorded with their SHA-256 and proved later.
final class PerformanceCommandTests: XCTestCase {
    /// A day of traffic two days ago: a flash message acknowledged by CD in 30 s and LRC in 90 s
    /// (and still owed by MOI), an incident CD's unit was tasked to in 2 min and reached in 10,
    /// closed after 2 h, and one with nothing assigned.
    /// Returns the flash message.
    @discardableResult
    static func traffic(into path: String) throws -> Event {
        let store = try SQLiteStore(path: path)
        let t0 = QanatChannel.Clock.now().millisecondsSinceEpoch - 2 * 86_400_000
        func event(_ seconds: Int64, _ agency: String, _ payload: EventPayload) throws -> Event {
            let at = Timestamp(millisecondsSinceEpoch: t0 + seconds * 1000)
            return Event(
                id: .make(at: at), at: at, agency: try AgencyCode(agency), officer: "radio room", user: nil,
                payload: payload)
        }
        let flash = try event(
            0, "NCEMC",
            .messagePosted(
                MessagePosting(
                    recipients: .agencies([try AgencyCode("CD"), try AgencyCode("LRC"), try AgencyCode("MOI")]),
                    priority: .flash, channel: .radio,
                    subject: nil, body: "Dam level rising", incident: nil, acknowledgementRequired: true)))
        let first = IncidentReference(year: 2026, number: 1)
        let second = IncidentReference(year: 2026, number: 2)
        let unit = try CallSign("CD-01")
        try store.apply([
            flash,
            try event(30, "CD", .messageAcknowledged(MessageAcknowledgement(message: flash.id))),
            try event(90, "LRC", .messageAcknowledged(MessageAcknowledgement(message: flash.id))),
            try event(200, "LRC", .messageAcknowledged(MessageAcknowledgement(message: flash.id))),
            try event(
                0, "CD",
                .unitRegistered(UnitRegistration(callSign: unit, agency: try AgencyCode("CD"), kind: .fireEngine))),
            try event(
                100, "CD",
                .incidentOpened(
                    IncidentOpening(
                        reference: first, title: "Flooded road", type: .flashFlood, severity: .severe,
                        area: "derna", leadAgency: try AgencyCode("CD")))),
            try event(220, "CD", .assignment(.tasked, AssignmentLink(incident: first, unit: unit))),
            try event(700, "CD", .assignment(.arrived, AssignmentLink(incident: first, unit: unit))),
            try event(7300, "CD", .incidentStatusChanged(IncidentStatusChange(reference: first, status: .closed))),
            try event(
                400, "MOI",
                .incidentOpened(
                    IncidentOpening(
                        reference: second, title: "Power cut", type: .flashFlood, severity: .minor,
                        area: "derna", leadAgency: try AgencyCode("MOI")))),
        ])
        return flash
    }

    func testResponseTimesPerAgencyAgainstTargetsASupervisorSets() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let flash = try Self.traffic(into: q.database)
        let set = try q.run("target", "set", "acknowledge", "60")
        XCTAssertEqual(set.status, 0, set.stderr)
        XCTAssertEqual(try q.run("target", "set", "close", "3600", "--percentile", "50").status, 0)
        let bad = try q.run("target", "set", "dispatch", "60")
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(
            bad.stderr.contains("metric: 'dispatch' is not one of: acknowledge, assign, arrive, close"), bad.stderr)
        XCTAssertEqual(
            try q.run("target", "list", "--json").lines,
            [
                #"{"metric":"acknowledge","seconds":60,"percentile":90}"#,
                #"{"metric":"close","seconds":3600,"percentile":50}"#,
            ])

        let csv = try q.run("report", "performance", "--csv")
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let rows = Dictionary(
            csv.lines.dropFirst().map { line in
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                return ("\(cells[0]) \(cells[1])", cells)
            }, uniquingKeysWith: { a, _ in a })
        // agency, metric, completed, p50, p90, target, percentile, at target percentile, met, waiting, over target, weekly
        XCTAssertEqual(
            rows["* acknowledge"]?[2...10], ["2", "30.0", "90.0", "60", "90", "90.0", "no", "1", "1"],
            "CD 30 s, LRC 90 s (its first); MOI owes")
        XCTAssertEqual(rows["CD acknowledge"]?[2...8], ["1", "30.0", "30.0", "60", "90", "30.0", "yes"])
        XCTAssertEqual(rows["* assign"]?[2...4], ["1", "120.0", "120.0"], "two minutes to CD's unit")
        XCTAssertEqual(rows["* assign"]?[9], "1", "the power cut waits for a unit")
        XCTAssertEqual(rows["MOI assign"]?[9], "1", "counted for its lead agency")
        XCTAssertEqual(rows["* arrive"]?[2...3], ["1", "600.0"])
        XCTAssertEqual(rows["* close"]?[2...8], ["1", "7200.0", "7200.0", "3600", "50", "7200.0", "no"])
        XCTAssertEqual(
            rows["* close"]?[11].split(separator: ";", omittingEmptySubsequences: false).count, 12,
            "twelve weeks by default")

        let only = try q.run("report", "performance", "--agency", "LRC")
        XCTAssertTrue(only.stdout.contains("LRC") && !only.stdout.contains("All agencies"), only.stdout)
        XCTAssertTrue(only.stdout.contains("acknowledge    1     1m30s"), only.stdout)
        let arabic = try q.run("report", "performance", "--markdown", "--lang", "ar").stdout
        XCTAssertTrue(
            arabic.contains("# أداء الاستجابة")
                && arabic.contains("| الإقرار | 2 | 30ث | 1د30ث | ≤ 1د00ث عند م90 | لا |"), arabic)
        let sinceNow = try q.run("report", "performance", "--csv", "--since", QanatChannel.Clock.now().rfc3339)
        XCTAssertTrue(sinceNow.stdout.contains("*,acknowledge,0,"), "nothing started since now")
        let unknown = try q.run("report", "performance", "--agency", "XYZ")
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("agency: 'XYZ' is not one of:"), unknown.stderr)
        let future = try q.run("report", "performance", "--since", "2099-01-01T00:00:00Z")
        XCTAssertEqual(future.status, 2)
        XCTAssertTrue(future.stderr.contains("is not in the past"), future.stderr)
        let years = try q.run("report", "performance", "--since", "2020-01-01T00:00:00Z", "--agency", "CD").stdout
        let trend = try XCTUnwrap(
            years.split(separator: "\n").first { $0.hasPrefix("  acknowledge") }?.split(separator: " ").last)
        XCTAssertEqual(trend.count, 27, "the last half year of weeks, after an ellipsis: \(trend)")
        XCTAssertTrue(
            try q.run("report", "performance").stdout.contains(
                "Responses measured from when the store received them: 0 ("))

        // MOI's acknowledgement, dated a minute after the message but received two days later.
        let late = flash.at.adding(seconds: 60)
        let ack = Event(
            id: .make(at: late), at: late, agency: try AgencyCode("MOI"), officer: "radio room", user: nil,
            payload: .messageAcknowledged(MessageAcknowledgement(message: flash.id)))
        let gateway = q.directory + "/gateway.jsonl"
        try Data(EventCodec.encode(ack, previousLineHash: nil) + [0x0A]).write(to: URL(fileURLWithPath: gateway))
        let ingested = try q.run("ingest", gateway)
        XCTAssertEqual(ingested.status, 0, ingested.stderr)
        let measured = try q.run("report", "performance", "--csv").lines.first { $0.hasPrefix("MOI,acknowledge,") }
        let cells = try XCTUnwrap(measured?.split(separator: ",").map(String.init))
        XCTAssertEqual(cells[2], "1")
        XCTAssertGreaterThanOrEqual(
            Double(cells[3]) ?? 0, 172_800, "measured to its receipt, not to the minute it claims: \(cells)")
        XCTAssertEqual(measured?.split(separator: ",").last, "1")
        XCTAssertTrue(
            try q.run("report", "performance").stdout.contains(
                "Responses measured from when the store received them: 1 ("))

        let wrongSince = try q.run("report", "performance", "--since", "yesterday")
        XCTAssertEqual(wrongSince.status, 2)
        XCTAssertTrue(
            wrongSince.stderr.contains("since: 'yesterday' is neither a day (2026-11-22) nor an RFC 3339 time"),
            wrongSince.stderr)
    }

    func testOnlyASupervisorSetsATarget() throws {
        let q = try MemberRoleTests.store(as: "operator", for: "CD")
        let refused = try q.run("target", "set", "acknowledge", "60")
        XCTAssertEqual(refused.status, 4)
        XCTAssertTrue(refused.stderr.contains("changing a store setting needs the supervisor role"), refused.stderr)
    }

    func testAReportWrittenToAFileIsRecordedAndProvedUnchangedLater() throws {
        let q = try MemberRoleTests.store(as: "operator", for: "CD")
        let file = q.directory + "/reports/performance-ar.md"
        try FileManager.default.createDirectory(atPath: q.directory + "/reports", withIntermediateDirectories: true)
        let written = try q.run("report", "performance", "--markdown", "--lang", "ar", "--out", file)
        XCTAssertEqual(written.status, 0, written.stderr)
        // The digest recorded is the one coreutils computes from the file's bytes.
        let sum =
            try q.run(["-c", "sha256sum '\(file)'"], executable: "/bin/sh").stdout.split(separator: " ").first.map(
                String.init) ?? ""
        XCTAssertEqual(sum.count, 64)
        XCTAssertEqual(written.stdout, "\(file) sha256 \(sum)\n")
        let line = try XCTUnwrap(
            String(contentsOfFile: q.journal, encoding: .utf8).split(separator: "\n").last.map(String.init))
        XCTAssertTrue(
            line.contains(#""type":"report.written""#) && line.contains(#""kind":"performance""#)
                && line.contains(#""parameters":["--markdown","--lang","ar"]"#)
                && line.contains(#""sha256":"\#(sum)""#), line)
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("# أداء الاستجابة"))

        let proved = try q.run("report", "verify", file)
        XCTAssertEqual(proved.status, 0, proved.stderr)
        XCTAssertTrue(
            proved.stdout.contains("unchanged") && proved.stdout.contains("the performance report --markdown --lang ar")
                && proved.stdout.contains(
                    "by Unix user \(NSUserName()) (the officer's name as given: Test Officer, ")
                && proved.stdout.contains(" Libya time"),
            proved.stdout)
        let printed = try MemberRoleTests.journalLines(q)
        XCTAssertEqual(try q.run("report", "risks").status, 0)
        XCTAssertEqual(try MemberRoleTests.journalLines(q), printed, "printing records nothing")

        for (out, expected) in [
            (q.directory, "is a directory"), ("", "--out: empty"), (q.directory + "/nowhere/r.md", "no directory"),
        ] {
            let refused = try q.run("report", "risks", "--out", out)
            XCTAssertEqual(refused.status, 2, refused.stderr)
            XCTAssertTrue(refused.stderr.contains(expected), "\(expected):\n\(refused.stderr)")
        }
        XCTAssertTrue(try q.run("report", "verify", q.directory).stderr.contains("is a directory"))
        try Data("tampered\n".utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
        let changed = try q.run("report", "verify", file)
        XCTAssertEqual(changed.status, 2)
        XCTAssertTrue(changed.stderr.contains("matches no report recorded as written"), changed.stderr)
    }

    func testAViewerWritesNoReportFileAndLeavesNoTrace() throws {
        let q = try MemberRoleTests.store(as: "viewer", for: "CD")
        let file = q.directory + "/risks.csv"
        let before = try MemberRoleTests.journalLines(q)
        let refused = try q.run("report", "risks", "--csv", "--out", file)
        XCTAssertEqual(refused.status, 4, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("viewer"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: file), "refused before the file is touched")
        XCTAssertEqual(try MemberRoleTests.journalLines(q), before)
        XCTAssertEqual(try q.run("report", "risks", "--csv").status, 0, "a viewer still reads it on the terminal")
    }
}
