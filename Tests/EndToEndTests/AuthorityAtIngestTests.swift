import Foundation
import QanatTestSupport
import XCTest

/// A journal speaks only for whoever wrote it: with real Unix users, each journal's lines are
/// attributed to the file's owner and held to that member's role and agency at ingest.
final class AuthorityAtIngestTests: XCTestCase {
    var q: QanatProcess!
    var store: String { q.directory + "/desk/qanat.sqlite" }
    var journals: String { q.directory + "/desk/journals" }
    /// Every process uses its default journal: its own user's, in journals/ beside the store.
    var environment: [String: String] {
        ["QANAT_DB": store, "QANAT_JOURNAL": "", "QANAT_OFFICER": "SMS gateway", "HOME": "/tmp"]
    }

    override func setUpWithError() throws {
        q = try QanatProcess()
    }

    func qanat(_ arguments: String..., as user: String? = nil) throws -> QanatProcess.Result {
        guard let user else { return try q.run(arguments, extraEnvironment: environment) }
        return try q.run(as: user, arguments, extraEnvironment: environment)
    }

    func post(_ agency: String, _ text: String, as user: String, wait: String = "5") throws -> QanatProcess.Result {
        try q.run(
            as: user,
            ["post", "--wait", wait, "--from", agency, "--to", "*", "--priority", "routine", "--channel", "sms", text],
            extraEnvironment: environment)
    }

    /// Appends lines as `user` would, with a plain shell: what a gateway's script does.
    func append(_ lines: [String], to path: String, as user: String) throws {
        let shell = try q.run(
            ["-u", user, "--", "/bin/sh", "-c", "umask 027; printf '%s\\n' \"$@\" >> \(path)", "sh"] + lines,
            extraEnvironment: environment, executable: "/usr/sbin/runuser")
        XCTAssertEqual(shell.status, 0, shell.stderr)
    }

    func line(_ id: Int, agency: String, body: String, user: String? = nil) -> String {
        let userField = user.map { #","user":"\#($0)""# } ?? ""
        return
            #"{"v":1,"id":"0192f3c4-0000-7000-8000-0000000000\#(String(id, radix: 16))","at":"2026-12-02T01:00:0\#(id % 10)Z","agency":"\#(agency)","officer":"SMS gateway"\#(userField),"type":"message.posted","data":{"to":["*"],"priority":"routine","channel":"sms","body":"\#(body)"}}"#
    }

    func testEachJournalSpeaksOnlyForItsOwner() throws {
        let group = try UnixTestAccounts.group("qanatdesk")
        let gateway = try UnixTestAccounts.user("qanatgw", groups: [group])
        let outsider = try UnixTestAccounts.user("qanatout")
        XCTAssertEqual(try qanat("init", "--group", group).status, 0)
        XCTAssertEqual(try qanat("member", "add", gateway, "--agency", "LRC", "--role", "operator").status, 0)

        // The issue's line, written by a Unix user who is no member to a file of their own.
        let intruder = q.directory + "/intruder.jsonl"
        let issueLine =
            ##"{"v":1,"id":"0192f3c4-0000-7000-8000-0000000000aa","at":"2026-12-02T01:00:00Z","agency":"MOI","officer":"admin","user":"root","type":"member.added","data":{"user":"intruder","agency":"MOI","role":"admin"}}"##
        try Data((issueLine + "\n").utf8).write(to: URL(fileURLWithPath: intruder))
        chown(intruder, getpwnam(outsider).pointee.pw_uid, uid_t.max)
        chmod(intruder, 0o640)
        let refused = try qanat("ingest", intruder)
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(
            refused.stdout.contains(
                "lines attributed to \(outsider); ingested 0, already present 0, rejected 1, of which 1 refused for authority"
            ),
            refused.stdout)
        XCTAssertTrue(
            try String(contentsOfFile: intruder + ".rejects", encoding: .utf8).contains(
                "refused: written by \(outsider), claims root"))
        XCTAssertFalse(try qanat("member", "list").stdout.contains("intruder"), "the intruder is no member")

        // The gateway, operator for LRC: live, it posts as LRC and not as NCEMC.
        XCTAssertEqual(try post("LRC", "live from LRC", as: gateway).status, 0)
        let live = try post("NCEMC", "live as NCEMC", as: gateway)
        XCTAssertEqual(live.status, 4, live.stderr)
        // Lines its script appends to its own journal meet the same rules at ingest.
        let own = monthlyJournal(journals, gateway)
        try append(
            [
                line(0xb1, agency: "LRC", body: "script for LRC"), line(0xb2, agency: "NCEMC", body: "script as NCEMC"),
                line(0xb3, agency: "LRC", body: "script claims root", user: "root"),
            ], to: own, as: gateway)
        let ingested = try qanat("ingest", own)
        XCTAssertEqual(ingested.status, 2, ingested.stderr)
        XCTAssertTrue(
            ingested.stdout.contains(
                "lines attributed to \(gateway); ingested 1, already present 1, rejected 2, of which 2 refused for authority"
            ),
            ingested.stdout)
        let rejects = try String(contentsOfFile: own + ".rejects", encoding: .utf8)
        XCTAssertTrue(
            rejects.contains(#""line":3"#)
                && rejects.contains("operators act for their own agency (LRC), not for NCEMC"), rejects)
        XCTAssertTrue(rejects.contains(#""line":4"#) && rejects.contains("written by \(gateway), claims root"), rejects)

        // Once an admin makes the gateway a supervisor, its line for NCEMC passes; the claim never does.
        XCTAssertEqual(try qanat("member", "add", gateway, "--agency", "LRC", "--role", "supervisor").status, 0)
        let retried = try qanat("ingest", "--retry-rejects", own)
        XCTAssertEqual(retried.status, 2, "one line is still refused")
        XCTAssertTrue(
            retried.stdout.contains("retried 2 rejected line(s): applied 1, already present 0, still refused 1"),
            retried.stdout)
        XCTAssertTrue(retried.stdout.contains("line 4: refused: written by \(gateway), claims root"), retried.stdout)
        let log = try qanat("list", "messages").stdout
        for text in ["live from LRC", "script for LRC", "script as NCEMC"] {
            XCTAssertTrue(log.contains(text), "\(text):\n\(log)")
        }
        XCTAssertFalse(log.contains("claims root"), log)

        // A journal anyone in the group could write is refused whole, naming its mode and the fix.
        chmod(own, 0o660)
        try append([line(0xb4, agency: "LRC", body: "written while group-writable")], to: own, as: gateway)
        let whole = try qanat("ingest", own)
        XCTAssertEqual(whole.status, 4, whole.stdout)
        XCTAssertTrue(
            whole.stderr.contains("\(own) is 0660 \(gateway):\(group): others besides its owner can write it")
                && whole.stderr.contains("fix: chmod 0640 \(own)"), whole.stderr)
        XCTAssertFalse(try qanat("list", "messages").stdout.contains("written while group-writable"))
        chmod(own, 0o640)

        // An event the gateway's process kept in its journal while the store was busy is applied
        // when another user (here root) ingests that journal: it is the gateway's.
        let holder = try q.shell("sqlite3 \(store) 'BEGIN IMMEDIATE;' '.shell sleep 2' 'COMMIT;'")
        Thread.sleep(forTimeInterval: 0.4)
        let kept = try post("LRC", "kept while busy", as: gateway, wait: "0.2")
        holder.waitUntilExit()
        XCTAssertEqual(kept.status, 3, kept.stderr)
        let later = try qanat("ingest", own)
        XCTAssertEqual(later.status, 0, later.stdout + later.stderr)
        XCTAssertTrue(
            later.stdout.contains("lines attributed to \(gateway); ingested 2, already present 0, rejected 0"),
            later.stdout)
        XCTAssertTrue(try qanat("list", "messages").stdout.contains("kept while busy"))

        // `follow` as a service, its output in a file: a pass that refuses a line says so at once.
        let followLog = q.directory + "/follow.log"
        XCTAssertTrue(FileManager.default.createFile(atPath: followLog, contents: nil))
        let follow = q.process(["follow", own, "--interval", "100"], extraEnvironment: environment)
        follow.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: followLog))
        follow.standardError = follow.standardOutput
        follow.standardInput = FileHandle.nullDevice
        try follow.run()
        try append([line(0xb5, agency: "LRC", body: "followed, claims root", user: "root")], to: own, as: gateway)
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline,
            !((try? String(contentsOfFile: followLog, encoding: .utf8))?.contains("refused for authority") ?? false)
        {
            Thread.sleep(forTimeInterval: 0.1)
        }
        let said = try String(contentsOfFile: followLog, encoding: .utf8)
        follow.interrupt()
        follow.waitUntilExit()
        XCTAssertTrue(
            said.contains(
                "lines attributed to \(gateway); ingested 0, already present 0, rejected 1, of which 1 refused for authority"
            ), said)
    }

    func testAnOfficerWhoseEntryAPINGuardsIsNotTakenByNamingThem() throws {
        let group = try UnixTestAccounts.group("qanatdesk")
        let duty = try UnixTestAccounts.user("qanatduty", groups: [group])
        XCTAssertEqual(try qanat("init", "--group", group).status, 0)
        XCTAssertEqual(try qanat("member", "add", duty, "--agency", "MOI", "--role", "operator", "--shared").status, 0)
        let pin = try q.shell(
            "echo 4321 | QANAT_JOURNAL= QANAT_DB=\(store) qanat member add \(duty) --for-officer Huda --agency NCEMC --role supervisor --pin"
        )
        pin.waitUntilExit()
        XCTAssertEqual(pin.terminationStatus, 0)
        // On the command line, naming Huda proves nothing: the account's entry (operator for MOI) applies.
        let named = try q.run(
            as: duty,
            ["post", "--from", "NCEMC", "--to", "*", "--priority", "routine", "--channel", "radio", "as Huda"],
            extraEnvironment: environment.merging(["QANAT_OFFICER": "Huda"]) { $1 })
        XCTAssertEqual(named.status, 4, named.stdout + named.stderr)
        XCTAssertTrue(named.stderr.contains("operators act for their own agency (MOI), not for NCEMC"), named.stderr)
        // So too in the account's journal: Huda never signed on.
        let own = monthlyJournal(journals, duty)
        try append(
            [line(0xc1, agency: "NCEMC", body: "line as Huda").replacingOccurrences(of: "SMS gateway", with: "Huda")],
            to: own, as: duty)
        let ingested = try qanat("ingest", own)
        XCTAssertEqual(ingested.status, 2, ingested.stdout)
        XCTAssertTrue(try String(contentsOfFile: own + ".rejects", encoding: .utf8).contains("not for NCEMC"))
    }
}
