import Foundation
import GRDB
import QanatTestSupport
import XCTest

/// The command line as scripts and people use it: real processes on a real store and journal.
final class CommandLineTests: XCTestCase {
    func testAScenarioThroughEveryVerb() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let ref = try q.run(
            "incident", "open", "--type", "flood.flashFlood", "--severity", "extreme", "--area", "Darnah",
            "--title", "سيول وادي درنة", "--agency", "NCEMC", "--people", "1200")
        XCTAssertEqual(ref.status, 0, ref.stderr)
        XCTAssertEqual(
            ref.stdout,
            "INC-2026-0001\n".replacingOccurrences(
                of: "2026", with: String(Calendar.current.component(.year, from: Date()))))
        let incident = ref.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(
            try q.run("unit", "add", "CD-DRN-01", "--agency", "CD", "--kind", "waterRescue", "--capability", "boat")
                .status, 0)
        XCTAssertEqual(try q.run("assign", incident, "CD-DRN-01").status, 0)
        XCTAssertEqual(try q.run("assignment", "arrived", incident, "CD-DRN-01").status, 0)
        XCTAssertEqual(try q.run("incident", "status", incident, "verified").status, 0)
        let posted = try q.run(
            "post", "--from", "CD", "--to", "NCEMC,LRC", "--priority", "flash", "--channel", "radio",
            "--incident", incident, "--ack", "Water", "rising", "at", "the", "bridge")
        XCTAssertEqual(posted.status, 0, posted.stderr)
        let id = posted.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(try q.run("ack", id, "--agency", "LRC").status, 0)
        XCTAssertTrue(try q.run("ack", id, "--agency", "LRC").stdout.contains("already acknowledged"))

        let messages = try q.run("list", "messages", "--json").lines
        XCTAssertEqual(messages.count, 1)
        XCTAssertTrue(messages[0].contains(#""id":"\#(id)""#))
        XCTAssertTrue(messages[0].contains(#""body":"Water rising at the bridge""#))
        XCTAssertTrue(messages[0].contains(#""acks":[{"agency":"LRC","officer":"Test Officer""#))
        let incidents = try q.run("list", "incidents", "--json").lines
        XCTAssertTrue(incidents[0].contains(#""ref":"\#(incident)""#) && incidents[0].contains(#""status":"verified""#))
        XCTAssertTrue(incidents[0].contains(#""units":1"#))
        let units = try q.run("list", "units").lines
        XCTAssertEqual(units.count, 2)
        XCTAssertTrue(units[1].contains("onScene") && units[1].contains(incident))
        XCTAssertTrue(try q.run("verify").stdout.contains("chain intact"))
    }

    func testRefusalsNameTheFieldAndUseTheExitCodes() throws {
        let q = try QanatProcess()
        try q.run("init")
        let badPriority = try q.run(
            "post", "--from", "CD", "--to", "*", "--priority", "urgent", "--channel", "radio", "x")
        XCTAssertEqual(badPriority.status, 2)
        XCTAssertTrue(
            badPriority.stderr.contains("priority: 'urgent' is not one of: routine, priority, immediate, flash"))
        let unknownIncident = try q.run(
            "post", "--from", "CD", "--to", "*", "--priority", "routine", "--channel", "radio",
            "--incident", "INC-2026-0999", "x")
        XCTAssertEqual(unknownIncident.status, 2)
        XCTAssertTrue(unknownIncident.stderr.contains("incident: no incident 'INC-2026-0999'"))
        let usage = try q.run("post", "--from", "CD")
        XCTAssertEqual(usage.status, 1)
        XCTAssertTrue(usage.stderr.contains("--to"))
        let ref = try q.run(
            "incident", "open", "--type", "fire", "--severity", "minor", "--area", "Sabha", "--title", "t"
        )
        .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(try q.run("incident", "close", ref).status, 0)
        let illegal = try q.run("incident", "status", ref, "contained")
        XCTAssertEqual(illegal.status, 2)
        XCTAssertTrue(
            illegal.stderr.contains("cannot go from closed to contained; allowed from closed: verified, responding"))
        // Refused commands wrote nothing: the journal holds init's first admin and the two accepted events only.
        let journal = try String(contentsOfFile: q.journal, encoding: .utf8)
        XCTAssertEqual(journal.split(separator: "\n").count, 3)
        XCTAssertEqual(try q.run("incident", "reopen", ref, "--note", "flare-up").status, 0)
        XCTAssertTrue(try q.run("list", "incidents", "--json").stdout.contains(#""status":"verified""#))
    }

    func testABusyStoreKeepsTheEventInTheJournalAndIngestAppliesItLater() throws {
        let q = try QanatProcess()
        try q.run("init")
        // Another process holds the write lock for three seconds.
        let holder = try q.shell("sqlite3 \(q.database) 'BEGIN IMMEDIATE;' '.shell sleep 3' 'COMMIT;'")
        Thread.sleep(forTimeInterval: 0.5)
        let posted = try q.run(
            "post", "--wait", "0.3", "--from", "LRC", "--to", "*", "--priority", "immediate",
            "--channel", "phone", "Shelter at Derna school is full")
        holder.waitUntilExit()
        XCTAssertEqual(posted.status, 3, posted.stderr)
        XCTAssertTrue(posted.stderr.contains("kept in \(q.journal)"))
        XCTAssertEqual(try q.run("list", "messages", "--json").lines.count, 0)
        let ingest = try q.run("ingest")
        XCTAssertEqual(ingest.status, 0)
        // init's first admin was applied when it was written; the post was not.
        XCTAssertTrue(ingest.stdout.contains("ingested 1, already present 1, rejected 0"), ingest.stdout)
        XCTAssertTrue(try q.run("list", "messages", "--json").stdout.contains("Shelter at Derna school is full"))
    }

    func testHostileTextIsEscapedInTheJournalAndNeutralisedInTheTable() throws {
        let q = try QanatProcess()
        try q.run("init")
        let hostile = "\u{1B}]0;owned\u{07}\u{1B}[2J\rfake\u{202E}gnp.exe"
        XCTAssertEqual(
            try q.run("post", "--from", "CD", "--to", "*", "--priority", "routine", "--channel", "sms", hostile).status,
            0)
        let journal = try String(contentsOfFile: q.journal, encoding: .utf8)
        XCTAssertFalse(journal.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E || $0.value == 0x0D })
        let table = try q.run("list", "messages").stdout
        XCTAssertFalse(
            table.unicodeScalars.contains {
                $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E || $0.value == 0x0D
            })
        XCTAssertTrue(table.contains("\u{241B}]0;owned"))
        // The JSON output keeps the text exactly, escaped.
        XCTAssertTrue(try q.run("list", "messages", "--json").stdout.contains(#"\u001b]0;owned\u0007"#))
    }

    /// An area the gazetteer does not know comes only from a store written past ingest (an embedded
    /// store's member with sqlite3): shown as itself, it must not reach the terminal raw.
    func testAnUnknownAreaWrittenIntoTheStoreIsNeutralisedWhereItIsShown() throws {
        let q = try QanatProcess()
        try q.run("init")
        let ref = try q.run(
            "incident", "open", "--type", "fire", "--severity", "severe", "--area", "derna", "--title", "Depot fire"
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try DatabaseQueue(path: q.database).write { db in
            try db.execute(
                sql: "UPDATE incidents SET area = ? WHERE ref = ?", arguments: ["X\u{1B}]0;AREA\u{07}\u{1B}[2J", ref])
        }
        let shown = try q.run("incident", "show", ref).stdout
        XCTAssertTrue(shown.contains("area: X\u{241B}]0;AREA"), shown)
        XCTAssertFalse(shown.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, shown.debugDescription)
    }

    func testAnUnknownThemeIsRefusedWithTheListBeforeTheScreenIsTouched() throws {
        let q = try QanatProcess()
        try q.run("init")
        let result = try q.run("desk", "--theme", "neon")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(
            result.stderr.contains("no theme 'neon'; themes: colour-blind, default, high-contrast, light, monochrome"),
            result.stderr)
    }
}
