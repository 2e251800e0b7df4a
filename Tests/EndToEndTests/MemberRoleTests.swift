import Foundation
import QanatTestSupport
import XCTest

/// Members and roles through the real binary. The tests run as one Unix user, so each gives that
/// user a role on a store of its own (another admin keeps the store managed) and tries what the
/// role may and may not do. A refused command exits 4, says why, and leaves the journal as it was.
final class MemberRoleTests: XCTestCase {
    static let me = ProcessInfo.processInfo.userName
    var me: String { Self.me }

    func store(as role: String?, for agency: String = "MOI") throws -> QanatProcess {
        try Self.store(as: role, for: agency)
    }

    func journalLines(_ q: QanatProcess) throws -> Int { try Self.journalLines(q) }

    /// A fresh store on which this user has `role` (nil: is no member).
    static func store(as role: String?, for agency: String = "MOI") throws -> QanatProcess {
        let q = try QanatProcess()
        let initialised = try q.run("init")
        XCTAssertEqual(initialised.status, 0, initialised.stderr)
        XCTAssertTrue(initialised.stdout.contains("admin:   \(me) (MOI)"), initialised.stdout)
        XCTAssertEqual(try q.run("member", "add", "boss", "--agency", "NCEMC", "--role", "admin").status, 0)
        let change =
            role.map { try? q.run("member", "add", me, "--agency", agency, "--role", $0) }
            ?? (try? q.run("member", "remove", me))
        XCTAssertEqual(change?.status, 0, change?.stderr ?? "")
        return q
    }

    static func journalLines(_ q: QanatProcess) throws -> Int {
        try String(contentsOfFile: q.journal, encoding: .utf8).split(separator: "\n").count
    }

    /// Runs a write that must be refused for `reason`, and checks it left no trace.
    func assertRefused(
        _ q: QanatProcess, _ arguments: [String], _ reason: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let before = try journalLines(q)
        let result = try q.run(arguments)
        XCTAssertEqual(result.status, 4, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains(reason), result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains("nothing was written"), file: file, line: line)
        XCTAssertEqual(
            try journalLines(q), before, "a refused write leaves the journal as it was", file: file, line: line)
    }

    func post(from agency: String) -> [String] {
        ["post", "--from", agency, "--to", "*", "--priority", "routine", "--channel", "radio", "road", "open"]
    }

    func openIncident(_ q: QanatProcess) throws -> String {
        let opened = try q.run(
            "incident", "open", "--type", "fire", "--severity", "minor", "--area", "Sabha", "--title", "t", "--agency",
            "MOI")
        XCTAssertEqual(opened.status, 0, opened.stderr)
        return opened.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testANonMemberReadsOnly() throws {
        let q = try store(as: nil)
        try assertRefused(q, post(from: "MOI"), "\(me) is not a member of this store: read-only")
        XCTAssertEqual(try q.run("list", "messages").status, 0, "reading is allowed")
        XCTAssertEqual(try q.run("search", "road").status, 0)
    }

    func testAViewerReads() throws {
        let q = try store(as: "viewer")
        try assertRefused(q, post(from: "MOI"), "viewers read only")
        XCTAssertEqual(try q.run("list", "incidents").status, 0)
    }

    func testAnOperatorActsForItsOwnAgencyAndDoesNotClose() throws {
        let q = try store(as: "operator")
        XCTAssertEqual(try q.run(post(from: "MOI")).status, 0)
        try assertRefused(q, post(from: "LRC"), "operators act for their own agency (MOI), not for LRC")
        let ref = try openIncident(q)
        XCTAssertEqual(try q.run("incident", "status", ref, "verified", "--agency", "MOI").status, 0)
        try assertRefused(
            q, ["incident", "close", ref, "--agency", "MOI"], "closing an incident needs the supervisor role")
        try assertRefused(
            q, ["member", "add", "amal", "--agency", "MOI", "--role", "viewer"], "managing members needs the admin role"
        )

        // Without --agency an operator acts for their own agency; a refused opening prints no reference.
        let lrc = try store(as: "operator", for: "LRC")
        let opened = try lrc.run(
            "incident", "open", "--type", "fire", "--severity", "minor", "--area", "Sabha", "--title", "ours")
        XCTAssertEqual(opened.status, 0, opened.stderr)
        let shown = try lrc.run("incident", "show", opened.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            .stdout
        XCTAssertTrue(shown.contains("LRC"), shown)
        let refused = try lrc.run(
            "incident", "open", "--type", "fire", "--severity", "minor", "--area", "Sabha", "--title", "t", "--agency",
            "CD")
        XCTAssertEqual(refused.status, 4)
        XCTAssertEqual(refused.stdout, "", "no reference for an incident that was not opened")
    }

    func testASupervisorClosesAndActsForAnyAgencyButDoesNotManageMembers() throws {
        let q = try store(as: "supervisor")
        XCTAssertEqual(try q.run(post(from: "LRC")).status, 0)
        let ref = try openIncident(q)
        XCTAssertEqual(try q.run("incident", "close", ref, "--agency", "CD").status, 0)
        try assertRefused(q, ["member", "remove", "boss"], "managing members needs the admin role")
    }

    func testAnAdminManagesMembersButKeepsAnAdmin() throws {
        let q = try QanatProcess()
        try q.run("init")
        try assertRefused(q, ["member", "remove", me], "\(me) is the store's last admin")
        try assertRefused(q, ["member", "add", me, "--agency", "MOI", "--role", "operator"], "last admin")
        XCTAssertEqual(
            try q.run("member", "add", "duty", "--agency", "MOI", "--role", "operator", "--shared").status, 0)
        let pin = try q.shell(
            "echo 4821 | qanat member add duty --for-officer 'Salem Ali' --agency LRC --role supervisor --pin")
        pin.waitUntilExit()
        XCTAssertEqual(pin.terminationStatus, 0)
        let list = try q.run("member", "list").lines
        XCTAssertEqual(list.count, 4, list.joined(separator: "\n"))
        XCTAssertTrue(
            list.contains {
                $0.hasPrefix("duty") && $0.contains("Salem Ali") && $0.contains("supervisor") && $0.hasSuffix("yes")
            })
        let json = try q.run("member", "list", "--json").stdout
        XCTAssertTrue(
            json.contains(#"{"user":"duty","agency":"MOI","role":"operator","shared":true,"pin":false}"#), json)
        XCTAssertFalse(words(of: json).contains("4821"))
        XCTAssertFalse(
            words(of: try String(contentsOfFile: q.journal, encoding: .utf8)).contains("4821"),
            "the journal holds a hash, not the PIN")
        XCTAssertEqual(try q.run("member", "remove", "duty", "--for-officer", "salem ali").status, 0)
        XCTAssertEqual(try q.run("member", "list").lines.count, 3)
        let unknown = try q.run("member", "remove", "nobody")
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("user: no member 'nobody'"), unknown.stderr)
        // Every event records the Unix user, the officer and the agency.
        let last =
            try String(contentsOfFile: q.journal, encoding: .utf8).split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(
            last.contains(#""user":"\#(me)""#) && last.contains(#""officer":"Test Officer""#)
                && last.contains(#""agency":"LRC""#), last)
    }
}

extension MemberRoleTests {
    func testANewPINIsPBKDF2AndDoctorNamesPINsKeptInTheOldForm() throws {
        let q = try QanatProcess()
        try q.run("init")
        // Salma's entry as `qanat member add --pin` wrote it before swift-crypto.
        let old =
            #"{"v":1,"id":"01a2369e-a9e4-70b3-b1fb-bcc808b8750f","at":"2026-12-02T11:58:17.572Z","agency":"LRC","officer":"root","user":"ME","type":"member.added","data":{"user":"duty","officer":"Salma Idris","agency":"LRC","role":"operator","shared":false,"pin":"sha256-10000$8f212d8c37c71d66d1d8f0203dfa446b$f95bcdad0bbde8c62e04db9b5fbc6f3e3e53d4898db6dbdabba804e6c0d7993a"}}"#
        let oldJournal = q.directory + "/before.jsonl"
        XCTAssertTrue(
            FileManager.default.createFile(
                atPath: oldJournal, contents: Data((old.replacingOccurrences(of: "ME", with: me) + "\n").utf8),
                attributes: [.posixPermissions: 0o640]))
        let ingested = try q.run("ingest", oldJournal)
        XCTAssertEqual(ingested.status, 0, ingested.stdout + ingested.stderr)
        let pin = try q.shell("echo 2468 | qanat member add duty --for-officer Huda --agency LRC --role operator --pin")
        pin.waitUntilExit()
        XCTAssertEqual(pin.terminationStatus, 0)
        let huda =
            try String(contentsOfFile: q.journal, encoding: .utf8).split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(huda.contains(#""pin":"pbkdf2-sha256$600000$"#), huda)
        let doctor = try q.run("doctor")
        XCTAssertTrue(
            doctor.stdout.contains("warn  pin        duty/Salma Idris: PIN kept in an old form"), doctor.stdout)
        XCTAssertTrue(
            doctor.stdout.contains(
                "qanat member add duty --for-officer 'Salma Idris' --agency LRC --role operator --pin"), doctor.stdout)
        XCTAssertFalse(doctor.stdout.contains("duty/Huda: PIN"), "a PIN set now is in today's form:\n\(doctor.stdout)")
    }

    /// An officer's entry on a shared account with no PIN and more than the account may: naming
    /// the officer takes it, so doctor names it; with a PIN, or no higher than the account, it is quiet.
    func testDoctorNamesAnOfficerEntryNoPINGuardsAboveItsAccount() throws {
        let q = try QanatProcess()
        try q.run("init")
        XCTAssertEqual(try q.run("member", "add", "duty", "--agency", "LRC", "--role", "viewer", "--shared").status, 0)
        for (officer, role) in [("Omar", "supervisor"), ("Aisha", "viewer")] {
            let added = try q.run(
                "member", "add", "duty", "--for-officer", officer, "--agency", "LRC", "--role", role)
            XCTAssertEqual(added.status, 0, added.stderr)
        }
        let pin = try q.shell("echo 2468 | qanat member add duty --for-officer Huda --agency LRC --role operator --pin")
        pin.waitUntilExit()
        let doctor = try q.run("doctor").stdout
        XCTAssertTrue(
            doctor.contains(
                "warn  pin        duty/Omar: supervisor with no PIN, above the account's own (viewer): whoever uses duty "
                    + "and names this officer acts as supervisor"), doctor)
        XCTAssertTrue(
            doctor.contains("qanat member add duty --for-officer 'Omar' --agency LRC --role supervisor --pin"), doctor)
        XCTAssertFalse(doctor.contains("duty/Aisha:"), "no higher than the account: \(doctor)")
        XCTAssertFalse(doctor.contains("duty/Huda:"), "a PIN guards it: \(doctor)")
    }
}

/// The same rules in the desk: a viewer's desk says read-only and why, and opens no form.
final class DeskRoleTests: XCTestCase {
    func testAViewersDeskIsReadOnly() throws {
        let q = try MemberRoleTests.store(as: "viewer")
        let desk = try DeskHarness.startDesk(q, width: 120, height: 30)
        var screen = try desk.waitFor { $0.contains("read-only") }
        XCTAssertTrue(screen.contains("viewers read only"), screen)
        let lines = try MemberRoleTests.journalLines(q)
        try desk.send("m")
        Thread.sleep(forTimeInterval: 0.3)
        screen = try desk.screen()
        XCTAssertFalse(screen.contains("New message"), "no form opens:\n\(screen)")
        XCTAssertTrue(screen.contains("viewers read only"), screen)
        try desk.send("o")
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertFalse(try desk.screen().contains("Open an incident"))
        XCTAssertEqual(try MemberRoleTests.journalLines(q), lines)
        try desk.send("q")
    }
}

/// The shared duty terminal: an officer signs on (name, agency, PIN), works, reads the handover
/// and signs off with a note; the desk then waits for the next officer.
final class ShiftTerminalTests: XCTestCase {
    func testSignOnHandoverAndSignOffThroughTheDesk() throws {
        let q = try QanatProcess()
        let me = MemberRoleTests.me
        _ = try DeskHarness.seed(q)
        XCTAssertEqual(try q.run("member", "add", "boss", "--agency", "MOI", "--role", "admin").status, 0)
        let pin = try q.shell(
            "echo 4821 | qanat member add \(me) --for-officer 'Salem Ali' --agency LRC --role operator --pin")
        pin.waitUntilExit()
        XCTAssertEqual(pin.terminationStatus, 0)
        // Last, as it ends this user's admin role: the account becomes a shared duty terminal.
        XCTAssertEqual(try q.run("member", "add", me, "--agency", "MOI", "--role", "operator", "--shared").status, 0)

        let desk = try DeskHarness.startDesk(q, width: 120, height: 40)
        var screen = try desk.waitFor { $0.contains("Sign on for your shift") }
        XCTAssertTrue(screen.contains("Sign on for your shift"), screen)
        try desk.type("Salem Ali")
        try desk.send("Tab", "BSpace", "BSpace", "BSpace")
        try desk.type("LRC")
        try desk.send("Tab")
        try desk.type("1111")
        try desk.send("Enter")
        screen = try desk.waitFor { $0.contains("wrong PIN") }
        XCTAssertTrue(screen.contains("wrong PIN"), screen)
        XCTAssertFalse(screen.contains("1111"), "a PIN is never shown")
        try desk.send("BSpace", "BSpace", "BSpace", "BSpace")
        try desk.type("4821")
        try desk.send("Enter")
        screen = try desk.waitFor { $0.contains("Salem Ali @ LRC") }
        XCTAssertTrue(screen.contains("Salem Ali @ LRC") && screen.contains("signed on"), screen)

        try desk.send("H")
        screen = try desk.waitFor { $0.contains("Shift handover — Salem Ali (LRC)") }
        XCTAssertTrue(
            screen.contains("Open incidents (1)") && screen.contains("Flash flood at the Wadi Derna bridge"), screen)
        XCTAssertTrue(screen.contains("Units committed (1)") && screen.contains("CD-DRN-01"), screen)
        XCTAssertFalse(screen.contains("no sign-on found"), screen)
        try desk.send("S")
        screen = try desk.waitFor { $0.contains("Sign off and hand over") }
        try desk.type("Coastal road still closed at Susa")
        try desk.send("Enter")
        screen = try desk.waitFor { $0.contains("Sign on for your shift") }
        XCTAssertTrue(screen.contains("signed off"), screen)
        XCTAssertTrue(
            screen.contains("Handed over by Salem Ali") && screen.contains("Coastal road still closed at Susa"),
            "the next officer reads the note as they sign on:\n\(screen)")
        XCTAssertTrue(
            screen.contains("nobody signed on") && !screen.contains("Salem Ali @ LRC"),
            "the status bar no longer shows the officer who left:\n\(screen)")
        // The next officer, with the account's own entry (MOI), signs on and still sees the note.
        try desk.type("Huda")
        try desk.send("Tab", "BSpace", "BSpace", "BSpace")
        try desk.type("MOI")
        try desk.send("Tab", "Enter")
        screen = try desk.waitFor { $0.contains("Huda @ MOI") }
        XCTAssertTrue(screen.contains("Coastal road still closed at Susa"), screen)
        try desk.send("q")
        _ = try desk.waitFor { _ in desk.isDead }

        let journal = try String(contentsOfFile: q.journal, encoding: .utf8)
        XCTAssertTrue(
            journal.contains(#""agency":"LRC","officer":"Salem Ali","user":"\#(me)","type":"shift.signedOn""#), journal)
        XCTAssertTrue(
            journal.contains(#""type":"shift.signedOff","data":{"note":"Coastal road still closed at Susa"}"#), journal)
        let report = try q.run("report", "shift", "--officer", "Salem Ali", "--markdown")
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertTrue(report.stdout.contains("# Shift handover — Salem Ali (LRC)"), report.stdout)
        XCTAssertTrue(report.stdout.contains("Handed over: Coastal road still closed at Susa"), report.stdout)
        XCTAssertTrue(report.stdout.contains("| INC-"), report.stdout)
    }
}
