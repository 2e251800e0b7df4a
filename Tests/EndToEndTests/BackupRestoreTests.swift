import Foundation
import QanatFixtures
import QanatStore
import QanatTestSupport
import XCTest

/// Backup and restore of a live service store, with real Unix users writing through its service.
extension ServiceStoreTests {
    /// Members posting in the background, each a loop of `qanat post` processes as their own user.
    func writers(_ users: [String], posts: Int) throws -> [Process] {
        let binary = try q.binaryForOtherUsers()
        return try users.map { user in
            let process = q.process(
                [
                    "-u", user, "--", "/bin/sh", "-c",
                    "for i in $(seq 1 \(posts)); do \(binary) post --from LRC --to '*' --priority routine "
                        + "--channel radio \"drill $i from \(user)\" >/dev/null || exit 1; done",
                ], extraEnvironment: environment)
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
    }

    /// `command` run as `user` (planting something among the journals), then root's backup into a new directory.
    func backUp(afterRunning command: [String], as user: String) throws -> (String, QanatProcess.Result) {
        XCTAssertEqual(try SystemTool.run("/usr/sbin/runuser", ["-u", user, "--"] + command), 0)
        let backup = q.directory + "/backup"
        let taken = try qanat("backup", backup)
        XCTAssertEqual(taken.status, 0, taken.stderr)
        return (backup, taken)
    }

    func events(in path: String) throws -> Int {
        try SQLiteStore(path: path, options: .init(readOnly: true)).eventCount()
    }

    /// The drill: writers running, a backup, more writes, a restore elsewhere whose digest is the
    /// backup's and whose journals verify against its anchors; the journals written since, ingested
    /// into the restored store, bring it level with the source.
    func testARestoreDrillWhileMembersWrite() throws {
        let (serviceUser, operatorUser) = try runningStoreWithOperator()
        let second = try UnixTestAccounts.user("qanatsbk", groups: ["qanatsvcdesk"])
        XCTAssertEqual(try qanat("member", "add", second, "--agency", "LRC", "--role", "operator").status, 0)
        let before = try events(in: store)
        let running = try writers([operatorUser, second], posts: 40)
        let deadline = Date().addingTimeInterval(60)
        while try events(in: store) < before + 10, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }

        let backup = q.directory + "/backup"
        let taken = try qanat("backup", backup)
        XCTAssertEqual(taken.status, 0, taken.stderr)
        for process in running { process.waitUntilExit() }
        XCTAssertEqual(running.map(\.terminationStatus), [0, 0], "every post was applied: \(log().suffix(2_000))")
        let manifest = try BackupManifest.read(from: backup)
        let final = try events(in: store)
        XCTAssertGreaterThan(manifest.events, before, "the backup holds posts made while it ran")
        XCTAssertLessThan(manifest.events, final, "and writes went on after it: the drill restores a past point")
        XCTAssertTrue(
            taken.stdout.contains("store:   \(manifest.events) events, digest \(manifest.digest)"), taken.stdout)
        XCTAssertEqual(mode(backup).mode, 0o700, "the backup holds every journal: root's alone")

        let restored = q.directory + "/restored/qanat.sqlite"
        let made = try q.run(["restore", backup, "--to", restored])
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertEqual(try q.run(["digest", "--db", restored]).stdout, manifest.digest + "\n")
        XCTAssertEqual(try events(in: restored), manifest.events)
        let journals = (restored as NSString).deletingLastPathComponent + "/journals"
        for user in [operatorUser, second] {
            XCTAssertEqual(mode(monthlyJournal(journals, user)).owner, user, "each journal keeps its owner")
        }
        XCTAssertEqual(mode(restored).owner, serviceUser)
        XCTAssertEqual(mode((restored as NSString).deletingLastPathComponent).mode, 0o2750)
        let verified = try q.run(
            ["verify", "--db", restored] + [operatorUser, second].map { monthlyJournal(journals, $0) })
        XCTAssertEqual(verified.status, 0, verified.stdout)
        XCTAssertEqual(verified.stdout.components(separatedBy: "holds what ingest read").count, 3, verified.stdout)

        // The source's journals, written on after the backup, bring the restored store level.
        let sourceJournals = (store as NSString).deletingLastPathComponent + "/journals"
        let caughtUp = try q.run(
            as: serviceUser,
            ["ingest", "--db", restored] + [operatorUser, second].map { monthlyJournal(sourceJournals, $0) },
            extraEnvironment: environment)
        XCTAssertEqual(caughtUp.status, 0, caughtUp.stdout + caughtUp.stderr)
        XCTAssertEqual(try events(in: restored), final)
        XCTAssertEqual(
            try q.run(["digest", "--db", restored]).stdout, try q.run(["digest", "--db", store]).stdout,
            "level with the source")

        let again = try q.run(["restore", backup, "--to", restored])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("restore makes a new store and overwrites nothing"), again.stderr)
    }

    /// A backup changed after it was taken is refused before anything is written, naming the file;
    /// a member may neither back up a service store nor restore journals others own.
    func testAChangedBackupOrAMemberIsRefused() throws {
        let (_, operatorUser) = try runningStoreWithOperator()
        XCTAssertEqual(try post("before the backup", as: operatorUser).status, 0)
        let byMember = try qanat("backup", q.directory + "/mine", as: operatorUser)
        XCTAssertEqual(byMember.status, 4, byMember.stderr)
        XCTAssertTrue(byMember.stderr.contains("run backup as root or qanatsvc"), byMember.stderr)

        // A link a member plants among the journals is not followed: root would copy what it points at.
        let planted = (store as NSString).deletingLastPathComponent + "/journals/planted.jsonl"
        let (backup, taken) = try backUp(afterRunning: ["/bin/ln", "-s", "/etc/shadow", planted], as: operatorUser)
        XCTAssertTrue(taken.stdout.contains("skipped: \(planted): a link, not a file: not read"), taken.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: backup + "/journals/planted.jsonl"))
        // A copy the member may read: what stops them is whose the journals are.
        let copy = q.directory + "/copy"
        XCTAssertEqual(try SystemTool.run("/bin/cp", ["-a", backup, copy]), 0)
        XCTAssertEqual(try SystemTool.run("/bin/chmod", ["-R", "go+rX", copy]), 0)
        let target = q.directory + "/by-member/qanat.sqlite"
        try FileManager.default.createDirectory(
            atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        chown((target as NSString).deletingLastPathComponent, getpwnam(operatorUser).pointee.pw_uid, gid_t.max)
        let memberRestore = try qanat("restore", copy, "--to", target, as: operatorUser)
        XCTAssertEqual(memberRestore.status, 1, memberRestore.stderr)
        XCTAssertTrue(memberRestore.stderr.contains("run it as root; nothing was written"), memberRestore.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target), "nothing was written")

        let journal = monthlyJournal(backup + "/journals", operatorUser)
        var text = try String(contentsOfFile: journal, encoding: .utf8)
        text = text.replacingOccurrences(of: "before the backup", with: "before the backuq")
        try text.write(toFile: journal, atomically: false, encoding: .utf8)
        let elsewhere = q.directory + "/elsewhere/qanat.sqlite"
        let refused = try q.run(["restore", backup, "--to", elsewhere])
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(
            refused.stderr.contains("\(journal): changed since the backup"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: elsewhere), "nothing was written")
    }
}

/// What a member could plant for root's backup and restore to trip on.
extension ServiceStoreTests {
    func testABackupOrARestoreAMemberCouldTamperWithIsRefused() throws {
        let (_, operatorUser) = try runningStoreWithOperator()
        XCTAssertEqual(try post("kept safe", as: operatorUser).status, 0)
        let member = getpwnam(operatorUser).pointee.pw_uid
        // A directory the member made: they could swap what root writes into for a link to anywhere.
        let theirs = q.directory + "/theirs"
        try FileManager.default.createDirectory(atPath: theirs, withIntermediateDirectories: true)
        chown(theirs, member, gid_t.max)
        chmod(theirs, 0o755)
        let intoTheirs = try qanat("backup", theirs)
        XCTAssertEqual(intoTheirs.status, 1, intoTheirs.stderr)
        XCTAssertTrue(intoTheirs.stderr.contains("is \(operatorUser)'s, mode 755"), intoTheirs.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: theirs), [], "nothing was written")

        // A sparse file in journals/ claims gigabytes and holds nothing: neither read by the service
        // (its zeros would be refused as over-long lines, pass after pass) nor copied.
        let journals = (store as NSString).deletingLastPathComponent + "/journals"
        let sparse = journals + "/huge.jsonl"
        let (backup, taken) = try backUp(afterRunning: ["/usr/bin/truncate", "-s", "3G", sparse], as: operatorUser)
        XCTAssertTrue(taken.stdout.contains("skipped: \(sparse): sparse: it claims 3221225472 bytes"), taken.stdout)
        XCTAssertTrue(
            log().contains("\(sparse): sparse: it claims 3221225472 bytes"), "the service refused it: \(log())")
        unlink(sparse)

        // A backup whose manifest a member could have changed is not restored from, nor a link in it.
        let copy = q.directory + "/tampered"
        XCTAssertEqual(try SystemTool.run("/bin/cp", ["-a", backup, copy]), 0)
        chown(copy + "/manifest.json", member, gid_t.max)
        let untrusted = try q.run(["restore", copy, "--to", q.directory + "/r1/qanat.sqlite"])
        XCTAssertEqual(untrusted.status, 2, untrusted.stderr)
        XCTAssertTrue(untrusted.stderr.contains("is \(operatorUser)'s or others may change it"), untrusted.stderr)
        chown(copy + "/manifest.json", 0, gid_t.max)
        let rejects = copy + "/rejects"
        try? FileManager.default.removeItem(atPath: rejects)
        try FileManager.default.createSymbolicLink(atPath: rejects, withDestinationPath: "/etc")
        let text = try String(contentsOfFile: copy + "/manifest.json", encoding: .utf8)
        let shadow = try FileCopy.sha256(of: "/etc/shadow")
        try text.replacingOccurrences(
            of: #""files" : ["#,
            with:
                #""files" : [{"bytes":\#(shadow.bytes),"group":"root","mode":"644","owner":"\#(operatorUser)","path":"rejects/shadow","sha256":"\#(shadow.sha256)"},"#
        ).write(toFile: copy + "/manifest.json", atomically: false, encoding: .utf8)
        let linked = try q.run(["restore", copy, "--to", q.directory + "/r2/qanat.sqlite"])
        XCTAssertEqual(linked.status, 2, linked.stderr)
        XCTAssertTrue(linked.stderr.contains("holds a link or a special file"), linked.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: q.directory + "/r2"), "nothing was written")

        // Nor is a restore made into a directory that holds other things.
        let shared = q.directory + "/shared"
        try FileManager.default.createDirectory(atPath: shared + "/someone-else", withIntermediateDirectories: true)
        let intoShared = try q.run(["restore", backup, "--to", shared + "/qanat.sqlite"])
        XCTAssertEqual(intoShared.status, 1, intoShared.stderr)
        XCTAssertTrue(intoShared.stderr.contains("holds other files or is shared"), intoShared.stderr)
        XCTAssertEqual(mode(shared).mode, 0o755, "left as it was")
    }
}

/// Long jobs show their progress on a terminal (count, rate, time left) and nothing in a pipe.
final class LongJobProgressTests: XCTestCase {
    func testBackupAndRestoreShowProgressOnATerminalOnly() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        for i in 0..<20 {
            XCTAssertEqual(
                try q.run(
                    "post", "--from", "MOI", "--to", "*", "--priority", "routine", "--channel", "radio", "post \(i)"
                )
                .status, 0)
        }
        // `script` gives the command a terminal and keeps every byte it wrote to it.
        let typescript = q.directory + "/typescript"
        let onTerminal = try q.run(
            ["-q", "-e", "-c", "\(QanatProcess.binary) backup \(q.directory)/on-terminal", typescript],
            executable: "/usr/bin/script")
        XCTAssertEqual(onTerminal.status, 0, onTerminal.stderr)
        let drawn = try String(contentsOfFile: typescript, encoding: .utf8)
        XCTAssertTrue(
            drawn.contains(" of ") && drawn.contains("/s") && drawn.contains("\r\u{1B}[K"), drawn.debugDescription)

        let piped = try q.run("backup", q.directory + "/in-a-pipe")
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertFalse(piped.stdout.contains("/s ") || piped.stderr.contains("/s"), piped.stderr)
        let restored = try q.run("restore", q.directory + "/in-a-pipe", "--to", q.directory + "/restored/qanat.sqlite")
        XCTAssertEqual(restored.status, 0, restored.stderr)
        XCTAssertEqual(restored.stderr, "", "quiet in a pipe")
    }
}
