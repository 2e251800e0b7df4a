import Foundation
import GRDB
import QanatFixtures
import QanatStore
import QanatTestSupport
import XCTest

/// A store and journals the previous release (0.12.0) made, as committed in `Releases/0.12.0`, open
/// under this one: the service migrates them, rebuild agrees, nothing is lost; a store a later
/// release migrated is refused instead of corrupted.
extension ServiceStoreTests {
    static let previousRelease = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Releases/0.12.0").path

    /// The fixture at `store`, with the owners, modes and journal ACLs it had on the host that made it.
    func placePreviousRelease() throws -> [String] {
        let group = try UnixTestAccounts.group("q12-members")
        for user in ["q12-svc", "q12-huda", "q12-omar", "q12-desk"] {
            _ = try UnixTestAccounts.user(user, groups: [group])
        }
        let directory = (store as NSString).deletingLastPathComponent
        XCTAssertEqual(try SystemTool.run("/bin/cp", ["-r", Self.previousRelease, directory]), 0)
        mkdir(directory + "/rejects", 0o700)  // git keeps no empty directory
        let owners = try String(contentsOfFile: Self.previousRelease + "/owners.txt", encoding: .utf8)
        for line in owners.split(separator: "\n") {
            let parts = line.split(separator: " ").map(String.init)
            guard parts.count == 4 else { continue }
            XCTAssertEqual(
                try SystemTool.run("/bin/chown", ["\(parts[1]):\(parts[2])", directory + "/" + parts[0]]), 0)
            XCTAssertEqual(try SystemTool.run("/bin/chmod", [parts[3], directory + "/" + parts[0]]), 0)
        }
        XCTAssertEqual(try SystemTool.run("/bin/chown", ["q12-svc:q12-members", directory]), 0)
        XCTAssertEqual(try SystemTool.run("/bin/chmod", ["2750", directory]), 0)
        for file in ["journals/q12-huda.jsonl", "journals/q12-omar.jsonl", "journals/root.jsonl"] {
            XCTAssertEqual(
                try SystemTool.run("/usr/bin/setfacl", ["-m", "u:q12-svc:r,g::-,m::r", directory + "/" + file]), 0)
        }
        XCTAssertEqual(
            try SystemTool.run(
                "/usr/bin/setfacl", ["-d", "-m", "u::rw,u:q12-svc:r,g::-,m::r,o::-", directory + "/journals"]), 0)
        for name in ["README.md", "owners.txt"] { unlink(directory + "/" + name) }
        var readOnly = Configuration()
        readOnly.readonly = true
        return try DatabaseQueue(path: store, configuration: readOnly).read { db in
            try String.fetchAll(db, sql: "SELECT id FROM events ORDER BY id")
        }
    }

    /// Every row of every table, as text: what a release that refused a store must leave as it was.
    /// (Bytes are not compared: SQLite's WAL set-up on opening may rewrite a page, changing nothing.)
    func contents(of path: String) throws -> [String] {
        var readOnly = Configuration()
        readOnly.readonly = true
        return try DatabaseQueue(path: path, configuration: readOnly).read { db in
            let tables = try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            return try tables.flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map { "\(table): \($0)" }
            }
        }
    }

    func testTheServiceMigratesAStoreThePreviousReleaseMade() throws {
        let kept = try placePreviousRelease()
        XCTAssertEqual(kept.count, 13)
        try startService(as: "q12-svc")
        XCTAssertFalse(log().contains("rejected 1"), log())
        let listed = try qanat("list", "incidents", "--json", as: "q12-huda")
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(
            listed.stdout.contains("Wadi Derna rising") && listed.stdout.contains("INC-2026-0002"), listed.stdout)
        let messages = try qanat("list", "messages", as: "q12-omar")
        XCTAssertTrue(messages.stdout.contains("رسالة بالعربية"), messages.stdout)
        XCTAssertEqual(try post("after the upgrade", as: "q12-huda").status, 0, log())
        let opened = try qanat(
            "incident", "open", "--type", "fire", "--severity", "minor", "--area", "Sabha", "--title",
            "new after upgrade",
            as: "q12-omar")
        XCTAssertEqual(
            opened.stdout, "INC-2026-0003\n", "references go on from the old store's counter: \(opened.stderr)")
        let members = try qanat("member", "list", as: "q12-omar")
        XCTAssertTrue(members.stdout.contains("Salma"), members.stdout)
        service?.terminate()
        service?.waitUntilExit()

        let ids = Set(
            try DatabaseQueue(path: store).read { db in try String.fetchAll(db, sql: "SELECT id FROM events") })
        XCTAssertTrue(Set(kept).isSubset(of: ids), "nothing the old release recorded is lost")
        XCTAssertEqual(ids.count, kept.count + 2)
        let rebuilt = try qanat("rebuild", as: "q12-svc")
        XCTAssertEqual(rebuilt.status, 0, rebuilt.stdout + rebuilt.stderr)
        XCTAssertTrue(rebuilt.stdout.hasSuffix("identical\n"), rebuilt.stdout)
        let journals = (store as NSString).deletingLastPathComponent + "/journals"
        let verified = try q.run(
            ["verify", journals + "/q12-huda.jsonl", journals + "/q12-omar.jsonl"], extraEnvironment: environment)
        XCTAssertEqual(verified.status, 0, verified.stdout)
    }

    func testAStoreANewerReleaseMigratedIsRefusedAndLeftAsItIs() throws {
        _ = try placePreviousRelease()
        let later = try DatabaseQueue(path: store)
        try later.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from a later release')")
        }
        try later.close()
        let before = try contents(of: store)
        let served = try q.run(
            ["--reuid", "q12-svc", "--regid", "q12-svc", "--init-groups", "--", try q.binaryForOtherUsers(), "serve"],
            extraEnvironment: environment, executable: "/usr/bin/setpriv")
        XCTAssertEqual(served.status, 3, served.stderr)
        XCTAssertTrue(
            served.stderr.contains("was migrated by a newer Qanat (v99: from a later release)")
                && served.stderr.contains("nothing was changed"), served.stderr)
        let listed = try qanat("list", "incidents", as: "q12-huda")
        XCTAssertEqual(listed.status, 3, listed.stderr)
        XCTAssertTrue(listed.stderr.contains("install that release or a later one"), listed.stderr)
        XCTAssertEqual(try contents(of: store), before, "the newer store is left as it was")
    }
}
