import Foundation
import QanatChannel
import QanatStore
import QanatTestSupport
import QanatText
import XCTest

/// A service store with real Unix users: only the service's process writes it; members read it,
/// write their journals, and wait for the service to apply what they wrote.
final class ServiceStoreTests: XCTestCase {
    var q: QanatProcess!
    var store: String { q.directory + "/svc/qanat.sqlite" }
    var environment: [String: String] {
        ["QANAT_DB": store, "QANAT_JOURNAL": "", "QANAT_OFFICER": "", "HOME": "/tmp", "QANAT_LOG": ""]
    }
    var service: Process?
    var serviceLog: String { q.directory + "/serve.log" }

    override func setUpWithError() throws {
        q = try QanatProcess()
        chmod(q.directory, 0o755)
    }

    override func tearDown() {
        if let service, service.isRunning {
            service.terminate()
            service.waitUntilExit()
        }
    }

    func qanat(_ arguments: String..., as user: String? = nil) throws -> QanatProcess.Result {
        guard let user else { return try q.run(arguments, extraEnvironment: environment) }
        return try q.run(as: user, arguments, extraEnvironment: environment)
    }

    /// `qanat serve` as `user`, in the background; returns once it says it is serving. `setpriv`
    /// execs it in place (runuser would stand between it and the test's SIGTERM).
    func startService(as user: String, _ arguments: [String] = [], extraEnvironment: [String: String] = [:]) throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: serviceLog, contents: nil))
        let process = q.process(
            ["--reuid", user, "--regid", user, "--init-groups", "--", try q.binaryForOtherUsers(), "serve"] + arguments,
            extraEnvironment: environment.merging(extraEnvironment) { $1 })
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        // Started where its user may not look, as from a checkout in a 0700 directory: nothing it
        // runs may depend on the directory it was started in.
        let closed = q.directory + "/closed"
        try FileManager.default.createDirectory(atPath: closed, withIntermediateDirectories: true)
        chmod(closed, 0o700)
        process.currentDirectoryURL = URL(fileURLWithPath: closed)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: serviceLog))
        process.standardError = process.standardOutput
        process.standardInput = FileHandle.nullDevice
        try process.run()
        service = process
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !log().contains("serving ") { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertTrue(log().contains("serving \(store) as \(user)"), log())
    }

    func log() -> String { (try? String(contentsOfFile: serviceLog, encoding: .utf8)) ?? "" }

    func post(_ text: String, as user: String, wait: String = "5") throws -> QanatProcess.Result {
        try q.run(
            as: user,
            [
                "post", "--wait", wait, "--from", "LRC", "--to", "*", "--priority", "routine", "--channel", "radio",
                text,
            ],
            extraEnvironment: environment)
    }

    /// A service store its service runs, with an LRC operator: what most tests start from.
    func runningStoreWithOperator() throws -> (service: String, operator: String) {
        let group = try UnixTestAccounts.group("qanatsvcdesk")
        let serviceUser = try UnixTestAccounts.user("qanatsvc", groups: [group])
        let operatorUser = try UnixTestAccounts.user("qanatsop", groups: [group])
        XCTAssertEqual(try qanat("init", "--service", serviceUser, "--group", group).status, 0)
        try startService(as: serviceUser)
        XCTAssertEqual(try qanat("member", "add", operatorUser, "--agency", "LRC", "--role", "operator").status, 0)
        return (serviceUser, operatorUser)
    }

    func serviceOwner() throws -> ServiceOwner {
        try XCTUnwrap(try SQLiteStore.reader(at: store).serviceOwner())
    }

    func mode(_ path: String) -> (owner: String, mode: mode_t) {
        var info = stat()
        stat(path, &info)
        return (String(cString: getpwuid(info.st_uid).pointee.pw_name), info.st_mode & 0o7777)
    }

    func testOnlyTheServiceWritesAndMembersWaitForIt() throws {
        let group = try UnixTestAccounts.group("qanatsvcdesk")
        let serviceUser = try UnixTestAccounts.user("qanatsvc", groups: [group])
        let operatorUser = try UnixTestAccounts.user("qanatsop", groups: [group])

        let made = try qanat("init", "--service", serviceUser, "--group", group)
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertTrue(made.stdout.contains("service: \(serviceUser) writes the store"), made.stdout)
        let directory = (store as NSString).deletingLastPathComponent
        XCTAssertEqual(mode(directory).owner, serviceUser)
        XCTAssertEqual(mode(directory).mode, 0o2750)
        for path in [store, store + "-wal", store + "-shm"] {
            XCTAssertEqual(mode(path).owner, serviceUser, path)
            XCTAssertEqual(mode(path).mode, 0o640, path)
        }

        try startService(as: serviceUser)
        let added = try qanat("member", "add", operatorUser, "--agency", "LRC", "--role", "operator")
        XCTAssertEqual(added.status, 0, added.stderr)

        // A member's write goes through their journal and comes back applied; the service numbers incidents.
        let posted = try post("through the service", as: operatorUser)
        XCTAssertEqual(posted.status, 0, posted.stderr)
        let opened = try qanat(
            "incident", "open", "--type", "fire", "--severity", "severe", "--area", "Tripoli", "--title", "Port fire",
            as: operatorUser)
        XCTAssertEqual(opened.status, 0, opened.stderr)
        XCTAssertTrue(opened.stdout.hasPrefix("INC-") && opened.stdout.contains("-0001"), opened.stdout)
        // The role still holds: an operator does not speak for another agency.
        let other = try q.run(
            as: operatorUser,
            ["post", "--from", "NCEMC", "--to", "*", "--priority", "routine", "--channel", "radio", "as NCEMC"],
            extraEnvironment: environment)
        XCTAssertEqual(other.status, 4, other.stderr)

        // A rejects file planted beside a member's journal stops nothing: the service keeps the
        // rejects of journals/ in a directory of its own, which members read.
        let journal = monthlyJournal(directory + "/journals", operatorUser)
        XCTAssertTrue(FileManager.default.createFile(atPath: journal + ".rejects", contents: nil))
        chown(journal + ".rejects", 65534, uid_t.max)
        let line =
            #"{"v":1,"id":"0192f3c4-0000-7000-8000-0000000000c1","at":"2026-12-02T01:00:00Z","agency":"NCEMC","officer":"script","type":"message.posted","data":{"to":["*"],"priority":"routine","channel":"sms","body":"script as NCEMC"}}"#
        let appended = try q.run(
            ["-u", operatorUser, "--", "/bin/sh", "-c", "printf '%s\\n' \"$1\" >> \(journal)", "sh", line],
            extraEnvironment: environment, executable: "/usr/sbin/runuser")
        XCTAssertEqual(appended.status, 0, appended.stderr)
        let after = try post("after a refused line", as: operatorUser)
        XCTAssertEqual(after.status, 0, after.stderr + log())
        let rejectsPath = directory + "/rejects/" + (monthlyJournal("", operatorUser).dropFirst()) + ".rejects"
        let rejects = try String(contentsOfFile: rejectsPath, encoding: .utf8)
        XCTAssertEqual(mode(rejectsPath).mode, 0o600, "members' lines whole: the service's (and root's) to read")
        XCTAssertTrue(rejects.contains("operators act for their own agency (LRC), not for NCEMC"), rejects)
        XCTAssertTrue(log().contains("see \(rejectsPath)"), log())

        // The member's own tools cannot write the store, nor run what is the service's.
        let direct = try q.run(
            ["-u", operatorUser, "--", "/usr/bin/sqlite3", store, "DELETE FROM events"],
            extraEnvironment: environment, executable: "/usr/sbin/runuser")
        XCTAssertNotEqual(direct.status, 0, "sqlite3 wrote the store")
        XCTAssertTrue(direct.stderr.contains("readonly"), direct.stderr)
        for verb in [["ingest"], ["rebuild"], ["ingest", "--retry-rejects"]] {
            let refused = try q.run(as: operatorUser, verb, extraEnvironment: environment)
            XCTAssertEqual(refused.status, 4, "\(verb): \(refused.stdout)\(refused.stderr)")
            XCTAssertTrue(refused.stderr.contains("is its service's (\(serviceUser))"), refused.stderr)
        }
        let doctor = try qanat("doctor", as: operatorUser)
        XCTAssertTrue(
            doctor.stdout.contains("\(directory): 2750 \(serviceUser):\(group), written by \(serviceUser) alone"),
            doctor.stdout)
        XCTAssertTrue(doctor.stdout.contains("ok    service    \(serviceUser) answers"), doctor.stdout)

        // Each journal is its owner's and the service's to read: no member reads another's lines (and
        // copies an event's id) before the service has applied them.
        XCTAssertTrue(
            doctor.stdout.contains("each journal readable by its owner and \(serviceUser) alone"), doctor.stdout)
        let peek = try q.run(
            ["-u", operatorUser, "--", "/bin/cat", monthlyJournal(directory + "/journals", "root")],
            executable: "/usr/sbin/runuser")
        XCTAssertNotEqual(peek.status, 0, "a member read root's journal: \(peek.stdout)")
        XCTAssertEqual(mode(journal).mode, 0o640, "the mode shows the ACL's mask")

        // Stopped, the service finishes and removes its socket; writes wait in the journal (exit 3)…
        service?.terminate()
        service?.waitUntilExit()
        XCTAssertEqual(service?.terminationStatus, 0, log())
        XCTAssertTrue(log().contains("stopped: ingested"), log())
        XCTAssertFalse(FileManager.default.fileExists(atPath: store + ".sock"))
        // Told at once, not after its whole wait (5 s): no service listens to apply it meanwhile.
        let asked = Date()
        let kept = try post("while the service is stopped", as: operatorUser)
        XCTAssertLessThan(Date().timeIntervalSince(asked), 2.5)
        XCTAssertEqual(kept.status, 3, kept.stderr)
        XCTAssertTrue(kept.stderr.contains("its service (\(serviceUser)) is not running"), kept.stderr)
        XCTAssertTrue(kept.stderr.contains("the service (\(serviceUser)) applies it when it runs"), kept.stderr)
        let provisional = try qanat(
            "incident", "open", "--wait", "0.3", "--type", "fire", "--severity", "minor", "--area", "Tripoli",
            "--title", "While stopped", as: operatorUser)
        XCTAssertEqual(provisional.status, 3, provisional.stderr)
        XCTAssertTrue(provisional.stdout.contains("-P"), "a provisional reference: \(provisional.stdout)")
        XCTAssertFalse(try qanat("list", "messages").stdout.contains("while the service is stopped"))

        // …and started again, it applies them once.
        try startService(as: serviceUser)
        let deadline = Date().addingTimeInterval(10)
        var messages = ""
        while Date() < deadline {
            messages = try qanat("list", "messages", as: operatorUser).stdout
            if messages.contains("while the service is stopped") { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTAssertEqual(messages.components(separatedBy: "while the service is stopped").count, 2, messages)
        XCTAssertEqual(messages.components(separatedBy: "through the service").count, 2, messages)
        XCTAssertTrue(try qanat("list", "incidents").stdout.contains("While stopped"))
    }

    func testAMemberCannotRunTheServiceAndAnEmbeddedStoreHasNone() throws {
        let group = try UnixTestAccounts.group("qanatsvcdesk")
        let serviceUser = try UnixTestAccounts.user("qanatsvc", groups: [group])
        let operatorUser = try UnixTestAccounts.user("qanatsop", groups: [group])
        let outsider = try UnixTestAccounts.user("qanatout")

        // The service must be in the members' group: it writes rejects beside their journals.
        let notInGroup = try qanat("init", "--service", outsider, "--group", group)
        XCTAssertEqual(notInGroup.status, 1, notInGroup.stdout)
        XCTAssertTrue(notInGroup.stderr.contains("\(outsider) is not in the group \(group)"), notInGroup.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: store))

        XCTAssertEqual(try qanat("init", "--service", serviceUser, "--group", group).status, 0)
        let memberInit = try qanat("init", as: operatorUser)
        XCTAssertEqual(memberInit.status, 4, memberInit.stderr)
        XCTAssertTrue(memberInit.stderr.contains("root or \(serviceUser) runs init on it"), memberInit.stderr)
        let member = try qanat("serve", as: operatorUser)
        XCTAssertEqual(member.status, 4, member.stderr)
        XCTAssertTrue(
            member.stderr.contains("\(operatorUser) is not this store's service: run `qanat serve` as \(serviceUser)"),
            member.stderr)
        let root = try qanat("serve")
        XCTAssertEqual(root.status, 4, root.stderr)

        // Root sets a service store up but does not ingest into it: the rejects would be root's.
        let rootIngest = try qanat("ingest")
        XCTAssertEqual(rootIngest.status, 4, rootIngest.stderr)
        XCTAssertTrue(rootIngest.stderr.contains("is its service's (\(serviceUser))"), rootIngest.stderr)

        // A member's journal planted by another member before their first write: doctor says so, and
        // names the journal of their own they write beside it.
        let planted = monthlyJournal((store as NSString).deletingLastPathComponent + "/journals", operatorUser)
        XCTAssertTrue(FileManager.default.createFile(atPath: planted, contents: nil))
        chown(planted, getpwnam(outsider).pointee.pw_uid, uid_t.max)
        chmod(planted, 0o640)
        let doctor = try qanat("doctor", as: operatorUser)
        XCTAssertTrue(
            doctor.stdout.contains(
                "warn  journal    \(planted): made by \(outsider) before your first write; your journal is "
                    + "\(planted.dropLast(".jsonl".count))."),
            doctor.stdout)

        // A service store only under directories no member could swap: here one the operator owns.
        let owned = q.directory + "/operator-owned"
        try FileManager.default.createDirectory(atPath: owned, withIntermediateDirectories: true)
        chown(owned, getpwnam(operatorUser).pointee.pw_uid, uid_t.max)
        let underMember = try q.run(
            ["init", "--db", owned + "/svc/qanat.sqlite", "--service", serviceUser, "--group", group],
            extraEnvironment: environment)
        XCTAssertEqual(underMember.status, 1, underMember.stdout)
        XCTAssertTrue(underMember.stderr.contains("\(owned) belongs to \(operatorUser)"), underMember.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: owned + "/svc"))

        let missing = try q.run(
            ["serve", "--db", q.directory + "/nothing/qanat.sqlite"], extraEnvironment: environment)
        XCTAssertEqual(missing.status, 5, "no store: \(missing.stderr)")

        let embedded = q.directory + "/embedded/qanat.sqlite"
        XCTAssertEqual(try q.run(["init", "--db", embedded], extraEnvironment: environment).status, 0)
        let none = try q.run(["serve", "--db", embedded], extraEnvironment: environment)
        XCTAssertEqual(none.status, 4, none.stderr)
        XCTAssertTrue(none.stderr.contains("is not a service store"), none.stderr)
    }

    func testKillingTheServiceAtRandomMomentsLosesAndDuplicatesNothing() throws {
        let group = try UnixTestAccounts.group("qanatsvcdesk")
        let serviceUser = try UnixTestAccounts.user("qanatsvc", groups: [group])
        XCTAssertEqual(try qanat("init", "--service", serviceUser, "--group", group).status, 0)
        try startService(as: serviceUser)
        // Four writers post at once; a post whose wait ran out while the service was down is kept (exit 3).
        let writers = try (1...4).map { writer in
            try q.shell(
                """
                export QANAT_DB=\(store) QANAT_JOURNAL= QANAT_LOG=
                i=0
                while [ $i -lt 100 ]; do
                  qanat post --wait 1 --from CD --to '*' --priority routine --channel radio "writer \(writer) post $i" >/dev/null 2>&1
                  rc=$?
                  [ $rc -eq 0 ] || [ $rc -eq 3 ] || exit 1
                  i=$((i + 1))
                done
                """)
        }
        for _ in 1...3 {
            Thread.sleep(forTimeInterval: Double.random(in: 0.2...0.8))
            guard let running = service else { break }
            kill(running.processIdentifier, SIGKILL)
            running.waitUntilExit()
            XCTAssertEqual(running.terminationReason, .uncaughtSignal)
            Thread.sleep(forTimeInterval: Double.random(in: 0...0.3))
            try startService(as: serviceUser)
        }
        for writer in writers {
            writer.waitUntilExit()
            XCTAssertEqual(writer.terminationStatus, 0)
        }
        let deadline = Date().addingTimeInterval(20)
        var bodies: [String] = []
        while Date() < deadline {
            bodies = try qanat("list", "messages", "--all", "--json").lines.compactMap { line in
                line.range(of: #""body":"[^"]*""#, options: .regularExpression).map { String(line[$0]) }
            }
            if bodies.count >= 400 { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
        XCTAssertEqual(bodies.count, 400, "every post applied once")
        XCTAssertEqual(Set(bodies).count, 400, "none twice")
    }

    /// The desk as a member of a service store, in tmux: its forms write through the service
    /// (references numbered by it), another process's writes arrive, and with the service stopped
    /// a write is kept and then applied once it runs again. In English and in Arabic.
    func testADeskWorksThroughTheService() throws {
        let (serviceUser, operatorUser) = try runningStoreWithOperator()
        let data = q.directory + "/operator-data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        chown(data, getpwnam(operatorUser).pointee.pw_uid, uid_t.max)
        func desk(_ arguments: String) throws -> TmuxSession {
            try TmuxSession(
                command: "runuser -u \(operatorUser) -- \(try q.binaryForOtherUsers()) desk \(arguments)", width: 120,
                height: 30,
                environment: [
                    "QANAT_DB": store, "QANAT_LOG": "", "HOME": "/tmp", "XDG_DATA_HOME": data, "LANG": "C.UTF-8",
                    "TERM": "screen-256color", "QANAT_CONFIG": "/nonexistent/qanat-test-config.toml",
                ])
        }

        let english = try desk("")
        try english.waitFor { $0.contains("@ LRC") }
        try DeskHarness.openFlashFlood(english, area: "Derna", title: "Opened through the service")
        // The form shows the title while it is typed: the row and the notice say it was recorded.
        var screen = try english.waitFor { $0.contains("Opened through the service") && $0.contains("recorded") }
        XCTAssertNotNil(screen.range(of: #"INC-\d{4}-0001"#, options: .regularExpression), screen)
        XCTAssertTrue(screen.contains("recorded"), screen)
        XCTAssertEqual(
            try qanat(
                "post", "--from", "MOI", "--to", "*", "--priority", "routine", "--channel", "radio",
                "from the command line"
            ).status, 0)
        try english.send("F4")
        screen = try english.waitFor { $0.contains("from the command line") }
        XCTAssertTrue(screen.contains("from the command line"), screen)

        let arabic = try desk("--lang ar --bidi app")
        try arabic.waitFor { $0.contains(Bidi.visual("الحوادث")) }
        try arabic.send("o")
        try arabic.waitFor { $0.contains(Bidi.visual("فتح حادثة")) }
        try arabic.send("Tab", "Tab")
        try arabic.type("طبرق")
        try arabic.send("Tab")
        try arabic.type("فيضان عبر الخدمة")
        try arabic.send("Enter", "Enter", "Enter", "Enter")
        var listed = ""
        for _ in 0..<50 where !listed.contains("فيضان عبر الخدمة") {
            Thread.sleep(forTimeInterval: 0.1)
            listed = try qanat("list", "incidents", "--json").stdout
        }
        XCTAssertNotNil(
            listed.range(of: #""ref":"INC-\d{4}-0002","title":"فيضان عبر الخدمة""#, options: .regularExpression),
            listed)
        try arabic.send("q")

        // The service stopped: the desk keeps the write and says so; started again, it is applied once.
        service?.terminate()
        service?.waitUntilExit()
        try english.send("F2")
        try DeskHarness.openFlashFlood(english, area: "Sabha", title: "While the service sleeps")
        screen = try english.waitFor { $0.contains("kept in the journal:") }
        XCTAssertTrue(screen.contains("kept in the journal: applied once the store (or its service) takes it"), screen)
        XCTAssertFalse(try qanat("list", "incidents").stdout.contains("While the service sleeps"))
        screen = try english.waitFor(8) { $0.contains("│ service stopped │") }
        XCTAssertTrue(screen.contains("│ service stopped │"), "the status bar says the service is away: \(screen)")
        try startService(as: serviceUser)
        screen = try english.waitFor(10) { $0.contains("While the service sleeps") }
        XCTAssertTrue(screen.contains("While the service sleeps"), screen + log())
        screen = try english.waitFor(8) { $0.contains("│ live │") }
        XCTAssertTrue(screen.contains("│ live │"), screen)
        XCTAssertEqual(
            try qanat("list", "incidents").stdout.components(separatedBy: "While the service sleeps").count, 2)
        try english.send("q")
    }

    /// One user holding connections open, or trickling a request a byte at a time, delays no one
    /// else; the socket answers only this year's references and waits for applied events.
    func testTheSocketServesEveryoneWhileOneUserHoldsIt() throws {
        let (_, operatorUser) = try runningStoreWithOperator()
        let socket = ServiceOwner.socketPath(beside: store)
        // This process (root) holds more connections than its share and says nothing.
        let held = try (0..<70).map { _ in try UnixSocket.connect(to: socket, timeout: 5) }
        let opened = try qanat(
            "incident", "open", "--type", "fire", "--severity", "minor", "--area", "Tripoli", "--title", "Held",
            as: operatorUser)
        XCTAssertEqual(opened.status, 0, opened.stderr)
        XCTAssertTrue(opened.stdout.contains("-0001"), "numbered by the service, not provisional: \(opened.stdout)")

        // Beyond its share, a user's connection is closed unanswered (the caller goes on without).
        XCTAssertThrowsError(try ServiceClient(store: store, owner: try serviceOwner()).ask(.hello))
        for fd in held { close(fd) }
        Thread.sleep(forTimeInterval: 0.2)

        // A request trickled a byte at a time is cut off at the deadline, not held for as long as it trickles.
        let trickle = try UnixSocket.connect(to: socket, timeout: 5)
        defer { close(trickle) }
        let started = Date()
        XCTAssertEqual(try ServiceClient(store: store, owner: try serviceOwner()).ask(.hello).caller, "root")
        var cut = false
        for byte in Array("{\"hello\":{}".utf8) + Array(repeating: UInt8(ascii: " "), count: 20) {
            var one = byte
            if send(trickle, &one, 1, Int32(MSG_NOSIGNAL)) != 1 {
                cut = true
                break
            }
            Thread.sleep(forTimeInterval: 0.25)
        }
        XCTAssertTrue(cut, "the service kept a trickling request past its deadline")
        XCTAssertLessThan(Date().timeIntervalSince(started), 4)
        XCTAssertGreaterThan(Date().timeIntervalSince(started), 1.5, "cut at the deadline, not at once")

        let client = ServiceClient(store: store, owner: try serviceOwner())
        let far = try client.ask(.reference(year: 9999))
        XCTAssertNil(far.reference)
        XCTAssertTrue(far.refusal?.contains("numbered for this year") == true, "\(far)")
        let waited = Date()
        let absent = try client.ask(.applied(ids: ["0192f3c4-0000-7000-8000-00000000dead"], within: 0.3), waiting: 0.3)
        XCTAssertEqual(absent.applied, false)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(waited), 0.3)
    }

    /// `init --service` on a group store its members wrote themselves makes it a service store:
    /// what they wrote stays, the files become the service's, and their next writes go through it.
    func testAGroupStoreIsConvertedInPlace() throws {
        let group = try UnixTestAccounts.group("qanatsvcdesk")
        let serviceUser = try UnixTestAccounts.user("qanatsvc", groups: [group])
        let operatorUser = try UnixTestAccounts.user("qanatsop", groups: [group])
        XCTAssertEqual(try qanat("init", "--group", group).status, 0)
        XCTAssertEqual(try qanat("member", "add", operatorUser, "--agency", "LRC", "--role", "operator").status, 0)
        XCTAssertEqual(try post("written before the service", as: operatorUser).status, 0)
        // A PIN set on the group store: its hash is in the store and the journals, for every member to read.
        XCTAssertEqual(try setHudaPIN(for: operatorUser), 0)
        let directory = (store as NSString).deletingLastPathComponent
        XCTAssertEqual(mode(directory).mode, 0o2770)

        let rootJournal = monthlyJournal(directory + "/journals", "root")
        let read = ["-u", operatorUser, "--", "/bin/cat", rootJournal]
        XCTAssertEqual(try q.run(read, executable: "/usr/sbin/runuser").status, 0, "a group store's journals are read")
        let converted = try qanat("init", "--service", serviceUser, "--group", group)
        XCTAssertEqual(converted.status, 0, converted.stderr)
        XCTAssertTrue(
            converted.stdout.contains("pins:    void, set before the store had its service")
                && converted.stdout.contains(
                    "\(operatorUser)/Huda"),
            converted.stdout)
        XCTAssertNotEqual(
            try q.run(read, executable: "/usr/sbin/runuser").status, 0, "converted, only the owner and the service")
        XCTAssertEqual(mode(directory).owner, serviceUser)
        XCTAssertEqual(mode(directory).mode, 0o2750)
        for path in [store, store + "-wal", store + "-shm"] {
            XCTAssertEqual(mode(path).owner, serviceUser, path)
            XCTAssertEqual(mode(path).mode, 0o640, path)
        }
        // Until the service runs, a member's write waits in the journal; then it is applied.
        let waiting = try post("written after the conversion", as: operatorUser, wait: "0.3")
        XCTAssertEqual(waiting.status, 3, waiting.stderr)
        try startService(as: serviceUser)
        let void = "\(operatorUser)/Huda: PIN set before the store had its service (\(serviceUser)): void"
        XCTAssertTrue(try qanat("doctor").stdout.contains(void), "conversion voids the PINs members could read")
        XCTAssertEqual(try setHudaPIN(for: operatorUser), 0)
        XCTAssertFalse(try qanat("doctor").stdout.contains(void), "set again, the service holds it")
        XCTAssertEqual(try post("written through the service", as: operatorUser).status, 0)
        let messages = try qanat("list", "messages", as: operatorUser).stdout
        for text in ["written before the service", "written after the conversion", "written through the service"] {
            XCTAssertEqual(messages.components(separatedBy: text).count, 2, "\(text) once:\n\(messages)")
        }
        let again = try qanat("init")
        XCTAssertEqual(again.status, 0, "root repairs a service store and it stays one: \(again.stderr)")
        XCTAssertEqual(mode(directory).mode, 0o2750)
        XCTAssertEqual(mode(store).owner, serviceUser)
        var info = stat()
        stat(store, &info)
        XCTAssertEqual(info.st_gid, getgrnam(group).pointee.gr_gid, "still the members' group")
    }
}
