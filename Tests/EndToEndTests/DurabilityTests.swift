import Foundation
import QanatCore
import QanatFixtures
import QanatJournal
import QanatTestSupport
import XCTest

/// What must hold whatever runs at once and whatever is killed when.
final class DurabilityTests: XCTestCase {
    func testEightProcessesPostingAtOnceLoseAndDuplicateNothing() throws {
        let q = try QanatProcess()
        try q.run("init")
        let workers = try (1...8).map { worker in
            try q.shell(
                """
                i=0
                while [ $i -lt 100 ]; do
                  qanat post --from CD --to '*' --priority routine --channel radio "worker \(worker) message $i" >/dev/null || exit 1
                  i=$((i + 1))
                done
                """)
        }
        for worker in workers {
            worker.waitUntilExit()
            XCTAssertEqual(worker.terminationStatus, 0, "every post succeeded")
        }
        let listed = try q.run("list", "messages", "--all", "--json").lines
        XCTAssertEqual(listed.count, 800)
        let bodies = Set(
            listed.compactMap { line in line.range(of: #""body":"[^"]*""#, options: .regularExpression).map { line[$0] }
            })
        XCTAssertEqual(bodies.count, 800, "no duplicate, none missing")
        let verify = try q.run("verify")
        // And init's first admin.
        XCTAssertTrue(verify.stdout.contains("801 lines, 801 chained"), verify.stdout)
        XCTAssertTrue(verify.stdout.contains("chain intact"))
        XCTAssertTrue(try q.run("ingest").stdout.contains("ingested 0, already present 801, rejected 0"))
    }

    func testKillingAnIngestAtARandomMomentThenIngestingAgainGivesExactlyEveryLine() throws {
        let q = try QanatProcess()
        try q.run("init")
        let radio = q.directory + "/radio.jsonl"
        // Enough that the ingest is still running when it is killed, up to 1.5 s after its first commit.
        let lines = 100_000
        try SyntheticTraffic.writeMessageJournal(count: lines, to: radio)

        let ingest = q.process(["ingest", radio])
        ingest.standardOutput = FileHandle.nullDevice
        try ingest.run()
        // Wait until it has committed something, then kill it at a random moment.
        let counter = try StoreCounter(path: q.database)
        let before = 1  // init's first admin
        while try counter.events() == before, ingest.isRunning { Thread.sleep(forTimeInterval: 0.05) }
        Thread.sleep(forTimeInterval: Double.random(in: 0...1.5))
        kill(ingest.processIdentifier, SIGKILL)
        ingest.waitUntilExit()
        let partial = try counter.events() - before
        XCTAssertEqual(ingest.terminationReason, .uncaughtSignal, "killed mid-way (\(partial) events in)")
        XCTAssertLessThan(partial, lines)

        let again = try q.run("ingest", radio, "--json")
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try counter.events(), before + lines)
        XCTAssertEqual(try counter.messages(), lines)
        XCTAssertTrue(again.stdout.contains(#""ingested":\#(lines - partial)"#), again.stdout)
    }

    func testRebuildAndReingestGiveTheSameListings() throws {
        let q = try QanatProcess()
        try q.run("init")
        var references: [String] = []
        for (area, type) in [
            ("Derna", "flood.flashFlood"), ("Al Bayda", "meteorological.storm"),
            ("Benghazi", "civil.displacedPopulations"),
        ] {
            references.append(
                try q.run(
                    "incident", "open", "--type", type, "--severity", "severe", "--area", area, "--title",
                    "\(type) \(area)"
                )
                .stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        try q.run("unit", "add", "CD-1", "--agency", "CD", "--kind", "rescue")
        try q.run("unit", "add", "LRC-1", "--agency", "LRC", "--kind", "ambulance")
        try q.run("assign", references[0], "CD-1")
        try q.run("assign", references[2], "LRC-1")
        try q.run("assignment", "released", references[2], "LRC-1")
        try q.run("incident", "status", references[1], "closed")
        let id = try q.run(
            "post", "--from", "NCEMC", "--to", "*", "--priority", "flash", "--channel", "radio", "--ack", "evacuate"
        )
        .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try q.run("ack", id, "--agency", "CD")
        // A third party's journal, ingested too.
        let radio = q.directory + "/radio.jsonl"
        try SyntheticTraffic.writeMessageJournal(count: 50, to: radio)
        XCTAssertEqual(try q.run("ingest", radio).status, 0)

        func listings() throws -> [String] {
            try ["incidents", "units", "messages"].map { try q.run("list", $0, "--all", "--json").stdout }
        }
        let incremental = try listings()
        XCTAssertEqual(incremental[2].split(separator: "\n").count, 51)

        let rebuild = try q.run("rebuild")
        XCTAssertEqual(rebuild.status, 0, rebuild.stdout + rebuild.stderr)
        XCTAssertTrue(rebuild.stdout.contains("identical"))
        XCTAssertEqual(try listings(), incremental)

        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: q.database + suffix) }
        try q.run("init")
        XCTAssertEqual(try q.run("ingest", q.journal, radio).status, 0)
        XCTAssertEqual(try listings(), incremental)
    }

    func testABadJournalThroughTheCommandLine() throws {
        let q = try QanatProcess()
        try q.run("init")
        let radio = q.directory + "/radio.jsonl"
        try SyntheticTraffic.writeMessageJournal(count: 3, to: radio)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: radio))
        handle.seekToEndOfFile()
        handle.write(Data("not json\n".utf8))
        handle.closeFile()
        let result = try q.run("ingest", radio)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stdout.contains("ingested 3, already present 0, rejected 1"))
        XCTAssertTrue(try String(contentsOfFile: radio + ".rejects", encoding: .utf8).contains(#""line":4"#))
    }
}

final class FollowTests: XCTestCase {
    func testFollowTakesLinesAsTheyArriveAndStopsCleanlyOnInterrupt() throws {
        let q = try QanatProcess()
        try q.run("init")
        let radio = q.directory + "/radio.jsonl"
        try SyntheticTraffic.writeMessageJournal(count: 10, to: radio)
        let follow = q.process(["follow", radio, "--json", "--interval", "50"])
        let out = Pipe()
        follow.standardOutput = out
        try follow.run()
        let counter = try StoreCounter(path: q.database)
        func waitFor(_ count: Int) throws {
            let deadline = Date().addingTimeInterval(15)
            while try counter.messages() < count, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        }
        try waitFor(10)
        XCTAssertEqual(try counter.messages(), 10)

        // Another writer appends while follow runs.
        try SyntheticTraffic.forEachMessage(count: 1) { event in try JournalWriter(path: radio).append(event) }
        try waitFor(11)
        XCTAssertEqual(try counter.messages(), 11)

        kill(follow.processIdentifier, SIGINT)
        follow.waitUntilExit()
        XCTAssertEqual(follow.terminationReason, .exit)
        XCTAssertEqual(follow.terminationStatus, 0)
        let passes = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(
            separator: "\n")
        XCTAssertGreaterThanOrEqual(passes.count, 2)
        XCTAssertTrue(passes.allSatisfy { $0.hasPrefix(#"{"journal":""#) })
    }
}
