import Foundation
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
        let journal = q.directory + "/desk/journals/root.jsonl"
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
        for expected in ["ok    store", "schema current, integrity ok, WAL", "ok    directory", "2770 root:qanatdesk",
                         "ok    member     root: admin for MOI", "ok    journal    \(journal): 0640 root:qanatdesk, lines attributed to root",
                         "warn  terminal", "standard output is not a terminal"] {
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
        XCTAssertTrue(doctor.stdout.contains("others besides its owner can write it: ingest refuses its lines"), doctor.stdout)
        XCTAssertTrue(doctor.stdout.contains("fix: chmod 0640 \(journal)"), doctor.stdout)
        XCTAssertFalse(doctor.stdout.contains("chmod 0660 \(journal)"), "the old advice is gone:\n\(doctor.stdout)")
        chmod(journal, 0o640)
        // So for every journal in journals/, even one ingest never took a line from.
        let other = q.directory + "/desk/journals/radio.jsonl"
        XCTAssertTrue(FileManager.default.createFile(atPath: other, contents: nil, attributes: [.posixPermissions: 0o666]))
        chmod(other, 0o666)
        doctor = try q.run(["doctor"] + options, extraEnvironment: defaultJournal)
        XCTAssertTrue(doctor.stdout.contains("\(other) is 0666") && doctor.stdout.contains("fix: chmod 0640 \(other)"), doctor.stdout)
        try FileManager.default.removeItem(atPath: other)

        // An event kept in the journal while the store was locked is the journal's backlog.
        let holder = try q.shell("sqlite3 \(store) 'BEGIN IMMEDIATE;' '.shell sleep 2' 'COMMIT;'")
        Thread.sleep(forTimeInterval: 0.4)
        let posted = try q.run(["post", "--wait", "0.2", "--from", "MOI", "--to", "*", "--priority", "routine", "--channel", "radio", "x"] + options, extraEnvironment: defaultJournal)
        holder.waitUntilExit()
        XCTAssertEqual(posted.status, 3, posted.stderr)
        doctor = try q.run(["doctor"] + options, extraEnvironment: defaultJournal)
        XCTAssertTrue(doctor.stdout.contains("1 of 2 events not in the store yet"), doctor.stdout)
        XCTAssertTrue(doctor.stdout.contains("fix: qanat ingest"), doctor.stdout)
    }
}
