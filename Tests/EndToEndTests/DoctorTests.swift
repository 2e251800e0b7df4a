import Foundation
import QanatTestSupport
import XCTest

/// `qanat init` sets a store up for its group, and `qanat doctor` says what is right and what to fix.
final class DoctorTests: XCTestCase {
    func testInitForAGroupAndWhatDoctorSays() throws {
        _ = try UnixTestAccounts.group("qanatdesk")
        let q = try QanatProcess()
        let store = q.directory + "/desk/qanat.sqlite"
        // The journal is the default one: this user's, in journals/ beside the store.
        let options = ["--db", store]
        let defaultJournal = ["QANAT_JOURNAL": ""]
        let journal = monthlyJournal(q.directory + "/desk/journals", "root")
        let initialised = try q.run(["init", "--group", "qanatdesk"] + options, extraEnvironment: defaultJournal)
        XCTAssertEqual(initialised.status, 0, initialised.stderr)
        var info = stat()
        stat(q.directory + "/desk", &info)
        XCTAssertEqual(info.st_mode & 0o7777, 0o2770, "the directory: the group's, set-group-ID")
        XCTAssertEqual(String(cString: getgrgid(info.st_gid).pointee.gr_name), "qanatdesk")
        stat(store, &info)
        XCTAssertEqual(info.st_mode & 0o777, 0o660)
        XCTAssertEqual(String(cString: getgrgid(info.st_gid).pointee.gr_name), "qanatdesk")
        stat(q.directory + "/desk/journals", &info)
        XCTAssertEqual(info.st_mode & 0o7777, 0o3770, "journals/: the group's, set-group-ID and sticky")
        XCTAssertEqual(String(cString: getgrgid(info.st_gid).pointee.gr_name), "qanatdesk")
        stat(journal, &info)
        XCTAssertEqual(info.st_mode & 0o777, 0o640, "a journal: its owner writes, the group reads")

        var doctor = try q.run(["doctor"] + options, extraEnvironment: defaultJournal)
        XCTAssertEqual(doctor.status, 0, doctor.stdout + doctor.stderr)
        for expected in [
            "ok    store", "schema current, integrity ok, WAL", "ok    directory", "2770 root:qanatdesk",
            "ok    member     root: admin for MOI",
            "ok    journal    \(journal): 0640 root:qanatdesk, lines attributed to root",
            "warn  terminal", "standard output is not a terminal",
        ] {
            XCTAssertTrue(doctor.stdout.contains(expected), "\(expected):\n\(doctor.stdout)")
        }

        XCTAssertTrue(doctor.stdout.contains("ok    theme      wall: high-contrast"), doctor.stdout)
        let unknownTheme = try q.run(["doctor", "--theme", "neon"] + options, extraEnvironment: defaultJournal)
        XCTAssertEqual(unknownTheme.status, 2, "a theme the desk could not start with fails:\n\(unknownTheme.stdout)")
        XCTAssertTrue(unknownTheme.stdout.contains("no theme 'neon'"), unknownTheme.stdout)

        chmod(store, 0o666)
        doctor = try q.run(["doctor"] + options, extraEnvironment: defaultJournal)
        XCTAssertEqual(doctor.status, 2)
        XCTAssertTrue(doctor.stdout.contains("anyone on this host may write it"), doctor.stdout)
        XCTAssertTrue(doctor.stdout.contains("fix: chmod 0660 \(store)"), doctor.stdout)
        chmod(store, 0o660)

        // A journal others could write cannot be attributed to its owner: doctor says how to fix it.
        chmod(journal, 0o660)
        doctor = try q.run(["doctor"] + options, extraEnvironment: defaultJournal)
        XCTAssertEqual(doctor.status, 2)
        XCTAssertTrue(
            doctor.stdout.contains("others besides its owner can write it: ingest refuses its lines"), doctor.stdout)
        XCTAssertTrue(doctor.stdout.contains("fix: chmod 0640 \(journal)"), doctor.stdout)
        XCTAssertFalse(doctor.stdout.contains("chmod 0660 \(journal)"), "the old advice is gone:\n\(doctor.stdout)")
        chmod(journal, 0o640)
        // So for every journal in journals/, even one ingest never took a line from.
        let other = q.directory + "/desk/journals/radio.jsonl"
        XCTAssertTrue(
            FileManager.default.createFile(atPath: other, contents: nil, attributes: [.posixPermissions: 0o666]))
        chmod(other, 0o666)
        doctor = try q.run(["doctor"] + options, extraEnvironment: defaultJournal)
        XCTAssertTrue(
            doctor.stdout.contains("\(other) is 0666") && doctor.stdout.contains("fix: chmod 0640 \(other)"),
            doctor.stdout)
        try FileManager.default.removeItem(atPath: other)

        // An event kept in the journal while the store was locked is the journal's backlog.
        let holder = try q.shell("sqlite3 \(store) 'BEGIN IMMEDIATE;' '.shell sleep 2' 'COMMIT;'")
        Thread.sleep(forTimeInterval: 0.4)
        let posted = try q.run(
            ["post", "--wait", "0.2", "--from", "MOI", "--to", "*", "--priority", "routine", "--channel", "radio", "x"]
                + options, extraEnvironment: defaultJournal)
        holder.waitUntilExit()
        XCTAssertEqual(posted.status, 3, posted.stderr)
        doctor = try q.run(["doctor"] + options, extraEnvironment: defaultJournal)
        XCTAssertTrue(doctor.stdout.contains("1 of 2 events not in the store yet"), doctor.stdout)
        XCTAssertTrue(doctor.stdout.contains("fix: qanat ingest"), doctor.stdout)
    }

    /// `init` run again repairs the store's directory, as its help says.
    func testInitRunAgainRepairsTheDirectorysMode() throws {
        let q = try QanatProcess()
        let store = q.directory + "/desk/qanat.sqlite"
        XCTAssertEqual(try q.run("init", "--db", store).status, 0)
        chmod(q.directory + "/desk", 0o755)
        XCTAssertEqual(try q.run("init", "--db", store).status, 0)
        var info = stat()
        stat(q.directory + "/desk", &info)
        XCTAssertEqual(info.st_mode & 0o7777, 0o2770, "repaired")
    }

    /// init never takes over another program's database, nor sets the mode of a directory that holds
    /// more than a store (a project's, a home reached through a link).
    func testInitLeavesOtherDatabasesAndDirectoriesAlone() throws {
        let q = try QanatProcess()
        let foreign = q.directory + "/foreign"
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        let made = Process()
        made.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        made.arguments = [foreign + "/places.sqlite", "CREATE TABLE moz_places(id, url)"]
        try made.run()
        made.waitUntilExit()
        let refused = try q.run("init", "--db", foreign + "/places.sqlite")
        XCTAssertEqual(refused.status, 5, refused.stderr)
        XCTAssertTrue(
            refused.stderr.contains("is not a Qanat store (another program's SQLite database (moz_places"),
            refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: foreign + "/journals"), "nothing made")
        var before = stat()
        stat(foreign, &before)
        XCTAssertEqual(before.st_mode & 0o7777, 0o755, "its directory left as it was")

        let project = q.directory + "/project"
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        XCTAssertEqual(try q.run("init", "--db", project + "/qanat.sqlite").status, 0)
        FileManager.default.createFile(atPath: project + "/notes.txt", contents: Data("mine".utf8))
        chmod(project, 0o755)
        try FileManager.default.createSymbolicLink(atPath: q.directory + "/link", withDestinationPath: project)
        XCTAssertEqual(try q.run("init", "--db", q.directory + "/link/qanat.sqlite").status, 0)
        var info = stat()
        stat(project, &info)
        XCTAssertEqual(info.st_mode & 0o7777, 0o755, "a directory holding more than the store is left as it was")
    }

    /// A journals/ planted as a link is refused, not followed: init would give its target to root.
    func testInitRefusesAJournalsLink() throws {
        let q = try QanatProcess()
        let victim = q.directory + "/victim"
        let desk = q.directory + "/desk"
        try FileManager.default.createDirectory(atPath: victim, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: desk, withIntermediateDirectories: true)
        chmod(victim, 0o755)
        try FileManager.default.createSymbolicLink(atPath: desk + "/journals", withDestinationPath: victim)
        let refused = try q.run(["init", "--db", desk + "/qanat.sqlite"], extraEnvironment: ["QANAT_JOURNAL": ""])
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("journals is not a directory (a link or a file)"), refused.stderr)
        var info = stat()
        stat(victim, &info)
        XCTAssertEqual(info.st_mode & 0o7777, 0o755, "the link's target is left alone")
        XCTAssertFalse(FileManager.default.fileExists(atPath: desk + "/qanat.sqlite"), "and no store made")
    }

    /// An admin who is not root makes a journals/ of their own: init says plainly that root must own
    /// it and prints the command, and doctor fails while other members' journals would be refused.
    func testANonRootAdminIsToldJournalsMustBeRootsAndDoctorFailsUntilThen() throws {
        let admin = try UnixTestAccounts.user("qanat-admin2")
        let q = try QanatProcess()
        let own = q.directory + "/own"
        try FileManager.default.createDirectory(atPath: own, withIntermediateDirectories: true)
        chown(own, getpwnam(admin).pointee.pw_uid, getpwnam(admin).pointee.pw_gid)
        let environment = ["QANAT_DB": own + "/qanat.sqlite", "QANAT_JOURNAL": "", "QANAT_LOG": "", "HOME": own]
        let made = try q.run(as: admin, ["init"], extraEnvironment: environment)
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertTrue(
            made.stdout.contains("\(own)/journals belongs to \(admin), not root")
                && made.stdout.contains("sudo chown root \(own)/journals && sudo chmod 3770 \(own)/journals"),
            made.stdout)
        XCTAssertEqual(
            try q.run(as: admin, ["doctor"], extraEnvironment: environment).stdout.contains("fail  journals"), false,
            "the store's only user: nothing to swap")
        XCTAssertEqual(
            try q.run(
                as: admin, ["member", "add", "root", "--agency", "CD", "--role", "operator"],
                extraEnvironment: environment
            ).status, 0)
        let doctor = try q.run(as: admin, ["doctor"], extraEnvironment: environment)
        XCTAssertNotEqual(doctor.status, 0)
        XCTAssertTrue(doctor.stdout.contains("who could replace root's journals"), doctor.stdout)
        chown(own + "/journals", 0, getpwnam(admin).pointee.pw_gid)
        let fixed = try q.run(as: admin, ["doctor"], extraEnvironment: environment)
        XCTAssertFalse(fixed.stdout.contains("fail  journals"), fixed.stdout)
    }

    /// Each user's log is written from the first run, where the README says.
    /// A rejects file another user planted (or a link at its name) stops every ingest of that
    /// journal: doctor names it, with the fix, even before the journal's first line.
    func testDoctorNamesAPlantedRejectsFile() throws {
        let intruder = try UnixTestAccounts.user("qplanter")
        let q = try QanatProcess()
        let options = ["--db", q.database]
        XCTAssertEqual(try q.run(["init"] + options, extraEnvironment: ["QANAT_JOURNAL": ""]).status, 0)
        let journals = q.directory + "/journals"
        let planted = journals + "/newmember.jsonl.rejects"
        FileManager.default.createFile(atPath: planted, contents: nil, attributes: [.posixPermissions: 0o644])
        let entry = try XCTUnwrap(getpwnam(intruder))
        XCTAssertEqual(chown(planted, entry.pointee.pw_uid, entry.pointee.pw_gid), 0)
        try FileManager.default.createSymbolicLink(
            atPath: monthlyJournal(journals, "root") + ".rejects", withDestinationPath: "/etc/passwd")
        // A name with escape sequences in it, made by whoever may write journals/: shown, not obeyed.
        XCTAssertTrue(
            FileManager.default.createFile(atPath: journals + "/x\u{1B}]0;PWNED\u{07}\u{1B}[2J.jsonl", contents: nil))
        let doctor = try q.run(["doctor"] + options, extraEnvironment: ["QANAT_JOURNAL": ""])
        XCTAssertNotEqual(doctor.status, 0)
        XCTAssertFalse(doctor.stdout.contains("\u{1B}"), "no escape reaches the terminal")
        XCTAssertTrue(doctor.stdout.contains("PWNED"), doctor.stdout)
        XCTAssertTrue(
            doctor.stdout.contains("\(planted): \(intruder)'s, not a rejects file this ingest may trust")
                && doctor.stdout.contains("rm \(planted)"), doctor.stdout)
        XCTAssertTrue(
            doctor.stdout.contains(monthlyJournal(journals, "root") + ".rejects: a link or a pipe, not a rejects file"),
            doctor.stdout)

        // The same findings as one JSON object for a monitoring system, with the same exit code.
        let json = try q.run(["doctor", "--json"] + options, extraEnvironment: ["QANAT_JOURNAL": ""])
        XCTAssertEqual(json.status, 2)
        let object = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], json.stdout)
        XCTAssertEqual(object["severity"] as? String, "fail")
        let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.filter { $0["severity"] as? String == "fail" }.count, object["failed"] as? Int)
        let plantedFinding = try XCTUnwrap(
            findings.first { ($0["detail"] as? String)?.contains("\(planted): \(intruder)'s") == true })
        XCTAssertEqual(plantedFinding["severity"] as? String, "fail")
        XCTAssertEqual(plantedFinding["fix"] as? String, "rm \(planted)")
        XCTAssertTrue(findings.contains { $0["subject"] as? String == "store" && $0["severity"] as? String == "ok" })
    }

    /// A member may plant a link at the store's WAL file in the directory the group writes: doctor
    /// told root to `chmod 0660` it, which handed the link's target (any root file) to the group.
    func testDoctorLooksThroughNoPlantedLinkOrPipeAndFixesNothingThroughIt() throws {
        _ = try UnixTestAccounts.group("qanatdesk")
        let planter = try UnixTestAccounts.user("qplanter", groups: ["qanatdesk"])
        let q = try QanatProcess()
        let store = q.directory + "/desk/qanat.sqlite"
        chmod(q.directory, 0o755)
        XCTAssertEqual(try q.run(["init", "--group", "qanatdesk", "--db", store]).status, 0)
        let secret = q.directory + "/secret"
        XCTAssertTrue(FileManager.default.createFile(atPath: secret, contents: Data("root's".utf8)))
        chmod(secret, 0o600)
        let wal = store + "-wal"
        let planted = try q.run(
            ["-u", planter, "--", "sh", "-c", "rm -f \"$0\" && ln -s \"$1\" \"$0\"", wal, secret],
            executable: "/usr/sbin/runuser")
        XCTAssertEqual(planted.status, 0, planted.stderr)
        let fifo = q.directory + "/desk/journals/pipe.jsonl"
        XCTAssertEqual(mkfifo(fifo, 0o640), 0)
        // A journal made at another member's name for a month to come.
        let future = q.directory + "/desk/journals/root.2099-01.jsonl"
        let early = try q.run(
            ["-u", planter, "--", "sh", "-c", "umask 027 && : > \"$0\"", future], executable: "/usr/sbin/runuser")
        XCTAssertEqual(early.status, 0, early.stderr)

        var doctor = try q.run(["doctor", "--db", store], extraEnvironment: ["QANAT_JOURNAL": fifo])
        XCTAssertEqual(doctor.status, 2, doctor.stdout)
        XCTAssertTrue(doctor.stdout.contains("\(wal) is a link, made by \(planter)"), doctor.stdout)
        XCTAssertTrue(doctor.stdout.contains("\(fifo) is not a plain file"), doctor.stdout)
        XCTAssertTrue(
            doctor.stdout.contains("\(future): 0640 \(planter):qanatdesk: named for root but made by \(planter)"),
            doctor.stdout)
        XCTAssertFalse(doctor.stdout.contains("chmod 0660 \(wal)"), doctor.stdout)
        XCTAssertFalse(doctor.stdout.contains("0600 root:root"), "the target is not described:\n\(doctor.stdout)")

        // The store itself as a link: no fix names its target's group.
        try FileManager.default.moveItem(atPath: store, toPath: q.directory + "/moved.sqlite")
        try FileManager.default.createSymbolicLink(atPath: store, withDestinationPath: q.directory + "/moved.sqlite")
        doctor = try q.run(["doctor", "--db", store], extraEnvironment: ["QANAT_JOURNAL": ""])
        XCTAssertTrue(doctor.stdout.contains("\(store) is a link, made by root"), doctor.stdout)
        XCTAssertFalse(doctor.stdout.contains("chgrp"), doctor.stdout)
        var info = stat()
        XCTAssertEqual(stat(secret, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
    }

    func testTheLogIsWrittenFromTheFirstRun() throws {
        let q = try QanatProcess()
        let process = q.process(["list", "incidents", "--db", q.directory + "/none.sqlite"])
        process.environment?["QANAT_LOG"] = nil
        process.environment?["XDG_DATA_HOME"] = q.directory + "/fresh"
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let log = q.directory + "/fresh/qanat/qanat.log"
        XCTAssertTrue(
            ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("start list"), "no log at \(log)")
    }
}
