import Foundation
import QanatCore
import QanatJournal
import QanatStore
import QanatTestSupport
import QanatText
import XCTest

/// PINs on a service store: the service alone keeps their hashes, checks them at sign-on (and
/// throttles wrong ones), and proves an officer's desk lines by the session it gave that desk.
extension ServiceStoreTests {
    /// `qanat` as root with `input` on its standard input, as an admin types a PIN into a pipe.
    func qanat(_ arguments: [String], input: String) throws -> QanatProcess.Result {
        try q.run(arguments, extraEnvironment: environment, input: input)
    }

    /// Appends `line` to `journal` as `user` (as a member's own tools could), then waits until the
    /// service's log says `logged`.
    func append(_ line: String, to journal: String, as user: String, thenAwait logged: String) throws {
        let appended = try q.run(
            ["-u", user, "--", "sh", "-c", "printf '%s\\n' \"$0\" >> \"$1\"", line, journal],
            executable: "/usr/sbin/runuser")
        XCTAssertEqual(appended.status, 0, appended.stderr)
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, !log().contains(logged) { Thread.sleep(forTimeInterval: 0.1) }
    }

    /// An admin gives `user`'s officer Huda a PIN (on an embedded store: its hash in the event).
    func setHudaPIN(for user: String) throws -> Int32 {
        try qanat(
            ["member", "add", user, "--for-officer", "Huda", "--agency", "LRC", "--role", "operator", "--pin"],
            input: "1357\n"
        ).status
    }

    func sharedDutyAccount() throws -> String {
        let duty = try UnixTestAccounts.user("qanatsduty", groups: [try UnixTestAccounts.group("qanatsvcdesk")])
        XCTAssertEqual(
            try qanat("member", "add", duty, "--agency", "LRC", "--role", "viewer", "--shared").status, 0)
        let pin = try qanat(
            ["member", "add", duty, "--for-officer", "Salem", "--agency", "LRC", "--role", "operator", "--pin"],
            input: "2468\n")
        XCTAssertEqual(pin.status, 0, pin.stderr)
        return duty
    }

    func testAPINIsTheServicesAloneAndNeverInAnEventOrAJournal() throws {
        let (serviceUser, operatorUser) = try runningStoreWithOperator()
        let duty = try sharedDutyAccount()
        let reader = try SQLiteStore.reader(at: store)
        let salem = try XCTUnwrap(try reader.members().first { $0.key.officer == "Salem" })
        XCTAssertEqual(salem.pin, "service", "the entry says the service holds its PIN")
        let journals = (store as NSString).deletingLastPathComponent + "/journals"
        for name in try FileManager.default.contentsOfDirectory(atPath: journals) {
            let text = try String(contentsOfFile: journals + "/" + name, encoding: .utf8)
            XCTAssertFalse(text.contains("pbkdf2") || words(of: text).contains("2468"), "\(name) holds no PIN or hash")
        }
        let vault = store + ".vault"
        XCTAssertEqual(mode(vault).owner, serviceUser)
        XCTAssertEqual(mode(vault).mode, 0o600)
        XCTAssertTrue(try String(contentsOfFile: vault, encoding: .utf8).contains("pbkdf2-sha256$600000$"))
        let peek = try q.run(as: operatorUser, ["doctor"], extraEnvironment: environment)
        XCTAssertFalse(peek.stdout.contains("pbkdf2"), peek.stdout)
        let cat = try q.run(["-u", operatorUser, "--", "cat", vault], executable: "/usr/sbin/runuser")
        XCTAssertNotEqual(cat.status, 0, "a member cannot read the vault")

        // Only an admin hands the service a PIN.
        let byOperator = try q.run(
            as: operatorUser,
            ["member", "add", duty, "--for-officer", "Huda", "--agency", "LRC", "--role", "operator", "--pin"],
            extraEnvironment: environment)
        XCTAssertNotEqual(byOperator.status, 0)
        XCTAssertTrue(log().contains("PIN set for \(duty)/Salem by root"), log())
        XCTAssertFalse(log().contains("Huda"), log())

        // With the service stopped no PIN can be kept: said so, and nothing is recorded.
        service?.terminate()
        service?.waitUntilExit()
        let away = try qanat(
            ["member", "add", duty, "--for-officer", "Huda", "--agency", "LRC", "--role", "operator", "--pin"],
            input: "1357\n")
        XCTAssertEqual(away.status, 3, away.stderr)
        XCTAssertTrue(away.stderr.contains("keeps PINs, and it is not running: start it"), away.stderr)
        XCTAssertFalse(try reader.members().contains { $0.key.officer == "Huda" })
    }

    /// The desk on a shared account signs on through the service: wrong PINs are refused and then
    /// throttled, the right one gives the desk a session, and its sealed lines carry the officer's
    /// role — which no line written by anyone else on the account (or copied) does.
    func testSignOnThroughTheServiceSealsTheDesksLines() throws {
        let (serviceUser, _) = try runningStoreWithOperator()
        let duty = try sharedDutyAccount()
        // The desk starts while the service is stopped: it says so, and signing on waits for it.
        service?.terminate()
        service?.waitUntilExit()
        let data = q.directory + "/duty-data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        chown(data, getpwnam(duty).pointee.pw_uid, uid_t.max)
        let desk = try TmuxSession(
            command: "runuser -u \(duty) -- \(try q.binaryForOtherUsers()) desk", width: 120, height: 30,
            environment: [
                "QANAT_DB": store, "QANAT_LOG": "", "HOME": "/tmp", "XDG_DATA_HOME": data, "LANG": "C.UTF-8",
                "TERM": "screen-256color", "QANAT_CONFIG": "/nonexistent/qanat-test-config.toml",
            ])
        var screen = try desk.waitFor { $0.contains("Sign on for your shift") && $0.contains("service stopped") }
        XCTAssertTrue(screen.contains("│ service stopped"), "from its first frames: \(screen)")
        XCTAssertFalse(screen.contains("ask an admin"), "waiting for its officer, the desk asks for a sign-on")
        try desk.type("Salem")
        try desk.send("Tab", "Tab")
        try desk.type("2468")
        try desk.send("Enter")
        screen = try desk.waitFor { $0.contains("signing on waits for it") }
        XCTAssertTrue(
            screen.contains("the store's service (\(serviceUser)) is not running, and it checks PINs"), screen)
        try desk.send("BSpace", "BSpace", "BSpace", "BSpace")
        try startService(as: serviceUser)
        // No other process of the account may read the desk's memory, where the seal's key will be.
        let pid =
            try q.run(["-u", duty, "-f", "qanat desk"], executable: "/usr/bin/pgrep").stdout
            .split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertFalse(pid.isEmpty)
        let peek = try q.run(["-u", duty, "--", "/bin/cat", "/proc/\(pid)/environ"], executable: "/usr/sbin/runuser")
        XCTAssertNotEqual(peek.status, 0, "the account read the desk's memory")
        for wrong in ["1111", "2222", "3333"] {
            try desk.type(wrong)
            try desk.send("Enter")
            screen = try desk.waitFor { $0.contains("wrong PIN") }
            XCTAssertTrue(screen.contains("wrong PIN"), screen)
            try desk.send("BSpace", "BSpace", "BSpace", "BSpace")
        }
        try desk.type("2468")
        try desk.send("Enter")
        screen = try desk.waitFor { $0.contains("too many wrong PINs") }
        XCTAssertTrue(screen.contains("too many wrong PINs: try again in"), "even the right PIN waits: \(screen)")
        Thread.sleep(forTimeInterval: 5.5)
        try desk.send("Enter")
        screen = try desk.waitFor(10) { $0.contains("Salem @ LRC") }
        XCTAssertTrue(screen.contains("signed on"), screen)
        XCTAssertTrue(log().contains("sign-on refused: \(duty)/Salem, wrong PIN"), log())
        XCTAssertTrue(log().contains("sign-on refused: \(duty)/Salem, throttled"), log())
        XCTAssertTrue(log().contains("signed on: \(duty)/Salem"), log())

        // The officer opens an incident: an operator's act, which the account's viewer entry may not.
        try DeskHarness.openFlashFlood(desk, area: "Derna", title: "Sealed by the desk")
        screen = try desk.waitFor { $0.contains("Sealed by the desk") && $0.contains("recorded") }
        XCTAssertTrue(try qanat("list", "incidents").stdout.contains("Sealed by the desk"), log())
        let journal = monthlyJournal((store as NSString).deletingLastPathComponent + "/journals", duty)
        let sealed = try XCTUnwrap(
            try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").last {
                $0.contains("incident.opened")
            })
        XCTAssertTrue(sealed.contains(#""session":""#) && sealed.contains(#""mac":""#), String(sealed))

        // The same account writing without the desk's key: a line naming Salem, with the desk's session
        // and a MAC of its own making, meets the account's viewer entry and is refused.
        let session = try XCTUnwrap(sealed.range(of: #""session":"[0-9a-f-]{36}""#, options: .regularExpression))
        let now = Timestamp(millisecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1000))
        let forged = Event(
            id: .make(at: now), at: now, agency: try AgencyCode("LRC"), officer: "Salem", user: duty,
            payload: .messagePosted(
                MessagePosting(
                    recipients: .everyone, priority: .routine, channel: .radio, subject: nil,
                    body: "forged on the duty account", incident: nil, acknowledgementRequired: false)))
        var line = String(decoding: EventCodec.encode(forged, previousLineHash: nil), as: UTF8.self)
        line.removeLast()
        line += "," + sealed[session] + #","mac":""# + String(repeating: "ab", count: 32) + #""}"#
        try append(line, to: journal, as: duty, thenAwait: "refused for authority")
        XCTAssertTrue(log().contains("of which 1 refused for authority"), log())
        XCTAssertFalse(try qanat("list", "messages").stdout.contains("forged on the duty account"))

        // Signing off ends the desk's session at the service: no later line is the officer's.
        try desk.send("Escape", "H")
        _ = try desk.waitFor { $0.contains("Shift handover") }
        try desk.send("S")
        screen = try desk.waitFor { $0.contains("Sign off and hand over") }
        XCTAssertTrue(screen.contains("Sign off and hand over"), screen)
        try desk.send("Enter")
        screen = try desk.waitFor { $0.contains("Sign on for your shift") }
        let ended = Date().addingTimeInterval(5)
        while Date() < ended, !log().contains("signed off: \(duty)/salem") { Thread.sleep(forTimeInterval: 0.1) }
        XCTAssertTrue(log().contains("signed off: \(duty)/salem"), log() + screen)
    }
}
