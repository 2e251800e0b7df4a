import Foundation
import QanatTestSupport
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
    func startService(as user: String) throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: serviceLog, contents: nil))
        let process = q.process(
            ["--reuid", user, "--regid", user, "--init-groups", "--", try q.binaryForOtherUsers(), "serve"],
            extraEnvironment: environment)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
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

        // Stopped, the service finishes and removes its socket; writes wait in the journal (exit 3)…
        service?.terminate()
        service?.waitUntilExit()
        XCTAssertEqual(service?.terminationStatus, 0, log())
        XCTAssertTrue(log().contains("stopped: ingested"), log())
        XCTAssertFalse(FileManager.default.fileExists(atPath: store + ".sock"))
        let kept = try post("while the service is stopped", as: operatorUser, wait: "0.3")
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
        let member = try qanat("serve", as: operatorUser)
        XCTAssertEqual(member.status, 4, member.stderr)
        XCTAssertTrue(
            member.stderr.contains("\(operatorUser) is not this store's service: run `qanat serve` as \(serviceUser)"),
            member.stderr)
        let root = try qanat("serve")
        XCTAssertEqual(root.status, 4, root.stderr)

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
}
