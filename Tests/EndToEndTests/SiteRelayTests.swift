import Foundation
import QanatCore
import QanatFixtures
import QanatJournal
import QanatStore
import QanatTestSupport
import XCTest

/// Sites relaying through a real PostgreSQL 15 hub: each site a service store with its own
/// service user, its service run with `--hub` (the URL in QANAT_HUB, as the unit keeps it).
final class SiteRelayTests: XCTestCase {
    var q: QanatProcess!
    var hub: PostgresServer!
    var services: [Process] = []

    struct TestSite {
        let code: String
        let service: String
        let officer: String
        let agency: String
        let store: String
        var url = ""
        /// The site's own network namespace and link to the hub, when the test gives it one.
        var link: SiteLink?
        var log: String { (store as NSString).deletingLastPathComponent + "/../serve-\(code).log" }
        var environment: [String: String] {
            ["QANAT_DB": store, "QANAT_JOURNAL": "", "QANAT_OFFICER": "", "HOME": "/tmp", "QANAT_LOG": ""]
        }
    }

    override func setUpWithError() throws {
        guard getuid() == 0 else { throw XCTSkip("sites need real Unix users and a PostgreSQL server: run as root") }
        guard PostgresServer.installed else { throw XCTSkip("PostgreSQL 15 is not installed (.ci/run installs it)") }
        q = try QanatProcess()
        chmod(q.directory, 0o755)
        hub = try PostgresServer()
    }

    override func tearDown() {
        for service in services where service.isRunning {
            service.terminate()
            service.waitUntilExit()
        }
        hub?.stop()
    }

    func qanat(_ arguments: [String], at site: TestSite? = nil, as user: String? = nil) throws -> QanatProcess.Result {
        let environment = site?.environment ?? ["QANAT_LOG": ""]
        guard let user else { return try q.run(arguments, extraEnvironment: environment) }
        return try q.run(as: user, arguments, extraEnvironment: environment)
    }

    /// A site registered at the hub, its store made, an operator of `agency` added, its service relaying.
    func site(_ code: String, hosting agencies: [String], officer agency: String, link: SiteLink? = nil) throws
        -> TestSite
    {
        let lower = code.lowercased()
        let group = try UnixTestAccounts.group("qsite\(lower)")
        var site = TestSite(
            code: code, service: try UnixTestAccounts.user("qsite\(lower)svc", groups: [group]),
            officer: try UnixTestAccounts.user("qsite\(lower)op", groups: [group]), agency: agency,
            store: q.directory + "/\(lower)/qanat.sqlite", link: link)
        let added = try qanat(
            ["hub", "site", "add", code] + agencies.flatMap { ["--agency", $0] } + [hub.adminURL()])
        XCTAssertEqual(added.status, 0, added.stderr)
        site.url = try XCTUnwrap(added.lines.last)
        XCTAssertTrue(site.url.hasPrefix("postgres://qanat_site_\(lower):"), site.url)
        if let link { site.url = site.url.replacingOccurrences(of: "@127.0.0.1:", with: "@\(link.hubAddress):") }
        let made = try qanat(
            ["init", "--service", site.service, "--group", group, "--site", code, "--agency", agencies[0]], at: site)
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertTrue(made.stdout.contains("site:    \(code)"), made.stdout)
        try startService(site)
        let member = try qanat(["member", "add", site.officer, "--agency", agency, "--role", "operator"], at: site)
        XCTAssertEqual(member.status, 0, member.stderr)
        return site
    }

    func startService(_ site: TestSite) throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: site.log, contents: nil))
        let serve = [
            "/usr/bin/setpriv", "--reuid", site.service, "--regid", site.service, "--init-groups", "--",
            try q.binaryForOtherUsers(), "serve",
        ]
        let command = site.link?.inside(serve) ?? serve
        let process = q.process(
            Array(command.dropFirst()), extraEnvironment: site.environment.merging(["QANAT_HUB": site.url]) { $1 })
        process.executableURL = URL(fileURLWithPath: command[0])
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: site.log))
        process.standardError = process.standardOutput
        process.standardInput = FileHandle.nullDevice
        try process.run()
        services.append(process)
        XCTAssertTrue(
            waitFor(10) { self.log(site).contains("hub ") && self.log(site).contains("connected") }, log(site))
    }

    func log(_ site: TestSite) -> String { (try? String(contentsOfFile: site.log, encoding: .utf8)) ?? "" }

    /// Posts for the site's officer; the message's id.
    @discardableResult
    func post(_ text: String, at site: TestSite, askingAcknowledgement: Bool = false) throws -> String {
        try act(
            [
                "post", "--wait", "5", "--from", site.agency, "--to", "*", "--priority", "routine", "--channel",
                "radio", text,
            ] + (askingAcknowledgement ? ["--ack"] : []), at: site)
    }

    /// A command of the site's officer, which must succeed; what it printed.
    @discardableResult
    func act(_ arguments: [String], at site: TestSite) throws -> String {
        let done = try qanat(arguments, at: site, as: site.officer)
        XCTAssertEqual(done.status, 0, "\(arguments): \(done.stderr)")
        return done.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func events(_ site: TestSite) -> Int { (try? SQLiteStore.reader(at: site.store).eventCount()) ?? -1 }

    func digest(_ site: TestSite) throws -> String {
        let printed = try qanat(["digest"], at: site)
        XCTAssertEqual(printed.status, 0, printed.stderr)
        return printed.stdout
    }

    func waitFor(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition()
    }

    func testTwoSitesConvergeThroughTheHubAndKeepTheirOwnMembers() throws {
        let initialised = try qanat(["hub", "init", hub.adminURL()])
        XCTAssertEqual(initialised.status, 0, initialised.stderr)
        let tripoli = try site("TRP", hosting: ["MOI", "LRC"], officer: "LRC")
        let benghazi = try site("BGZ", hosting: ["NCEMC", "CD"], officer: "CD")
        let sites = try qanat(["hub", "sites", hub.adminURL()])
        XCTAssertEqual(sites.lines, ["BGZ  CD NCEMC", "TRP  LRC MOI"], sites.stderr)
        // An agency added to a site's (each once), never taken away; an agency qanat does not seed is named.
        let hosted = try qanat([
            "hub", "site", "host", "BGZ", "--agency", "lra", "--agency", "LRA", "--agency", "XYZ", hub.adminURL(),
        ])
        XCTAssertEqual(hosted.lines, ["site:    BGZ, hosting CD, LRA, NCEMC, XYZ"], hosted.stderr)
        XCTAssertTrue(hosted.stderr.contains("note: XYZ is none of the agencies qanat seeds"), hosted.stderr)
        XCTAssertEqual(try qanat(["hub", "sites", hub.adminURL()]).lines, ["BGZ  CD LRA NCEMC XYZ", "TRP  LRC MOI"])
        let nowhere = try qanat(["hub", "site", "host", "SBH", "--agency", "LRA", hub.adminURL()])
        XCTAssertNotEqual(nowhere.status, 0)
        XCTAssertTrue(nowhere.stderr.contains("the hub registers no site SBH"), nowhere.stderr)

        try post("from Tripoli", at: tripoli)
        try post("from Benghazi", at: benghazi)
        // Each site: its admin, its operator, its post — and the other's three.
        XCTAssertTrue(
            waitFor(15) { self.events(tripoli) == 6 && self.events(benghazi) == 6 },
            "TRP \(events(tripoli)), BGZ \(events(benghazi))\n\(log(tripoli))\n\(log(benghazi))")
        XCTAssertEqual(try digest(tripoli), try digest(benghazi), "every site's record the same")

        // The same login at two sites is two members: root is TRP's MOI admin there, BGZ's NCEMC admin here.
        let members = try qanat(["member", "list"], at: benghazi)
        XCTAssertTrue(members.stdout.contains("NCEMC"), members.stdout)
        XCTAssertFalse(members.stdout.contains("MOI"), members.stdout)
        XCTAssertFalse(members.stdout.contains(tripoli.officer), members.stdout)

        let status = try qanat(["hub", "status"], at: benghazi)
        XCTAssertTrue(status.stdout.contains("hub:     reachable"), status.stdout)
        XCTAssertTrue(status.stdout.contains("waiting: 0 event(s)"), status.stdout)
    }
}

extension SiteRelayTests {
    /// A message for `agency` as a journal line, made outside any site (a forger's).
    func forgedLine(agency: String, officer: String, aheadBy seconds: Double = 0) throws -> (id: String, line: String) {
        let now = Timestamp(millisecondsSinceEpoch: Int64((Date().timeIntervalSince1970 + seconds) * 1000))
        let event = Event(
            id: .make(at: now), at: now, agency: try AgencyCode(agency), officer: officer, user: "forger",
            payload: .messagePosted(
                MessagePosting(
                    recipients: .everyone, priority: .routine, channel: .radio, subject: nil,
                    body: "forged for \(agency)", incident: nil, acknowledgementRequired: false)))
        return (event.id.rawValue, String(decoding: EventCodec.encode(event, previousLineHash: nil), as: UTF8.self))
    }

    func testASiteSpeaksOnlyForTheAgenciesItHostsAtTheHubAndAtEveryOtherSite() throws {
        XCTAssertEqual(try qanat(["hub", "init", hub.adminURL()]).status, 0)
        let tripoli = try site("TRP", hosting: ["MOI", "LRC"], officer: "LRC")
        let benghazi = try site("BGZ", hosting: ["NCEMC", "CD"], officer: "CD")
        XCTAssertTrue(waitFor(15) { self.events(tripoli) == 4 && self.events(benghazi) == 4 })

        // Tripoli's own role at the hub: it may not write for an agency it does not host, nor as another site.
        let (id, line) = try forgedLine(agency: "NCEMC", officer: "Tripoli forger")
        let quoted = line.replacingOccurrences(of: "'", with: "''")
        for (origin, agency) in [("TRP", "NCEMC"), ("BGZ", "CD")] {
            XCTAssertThrowsError(
                try hub.sql(
                    "INSERT INTO qanat.events (id, origin, agency, line) VALUES ('\(id)', '\(origin)', '\(agency)', '\(quoted)')",
                    connectingTo: tripoli.url)
            ) { XCTAssertTrue("\($0)".contains("row-level security"), "\($0)") }
        }
        for statement in [
            "DELETE FROM qanat.events", "UPDATE qanat.events SET agency = 'MOI'",
            // Nor wake every site at will, nor keep tables of its own at the hub.
            "SELECT pg_notify('qanat_events', 'wake up')", "CREATE TEMP TABLE hoard (x text)",
            "SELECT lo_from_bytea(0, 'hoard')",
        ] {
            XCTAssertThrowsError(try hub.sql(statement, connectingTo: tripoli.url)) {
                XCTAssertTrue("\($0)".contains("permission denied"), "\($0)")
            }
        }
        // Nor fill the hub's disk a row at a time: a row is at most a journal line, under an event's id.
        let ownID = "'\(UUID().uuidString.lowercased())'"
        for (rowID, text, constraint) in [
            (ownID, "repeat('x', \(Limits.journalLine + 1))", "events_line_check"),
            ("'not an id'", "'{}'", "events_id_check"),
        ] {
            XCTAssertThrowsError(
                try hub.sql(
                    "INSERT INTO qanat.events (id, origin, agency, line) VALUES (\(rowID), 'TRP', 'LRC', \(text))",
                    connectingTo: tripoli.url)
            ) { XCTAssertTrue("\($0)".contains(constraint), "\($0)") }
        }

        // A row the hub's admin let in (or a hub that was broken into): Benghazi refuses it.
        try hub.sql(
            "INSERT INTO qanat.events (id, origin, agency, line) VALUES ('\(id)', 'TRP', 'LRC', '\(quoted)')",
            database: "hub")
        let rejects = (benghazi.store as NSString).deletingLastPathComponent + "/rejects/hub.rejects"
        XCTAssertTrue(
            waitFor(15) {
                ((try? String(contentsOfFile: rejects, encoding: .utf8)) ?? "")
                    .contains("site TRP speaks for NCEMC, an agency it does not host")
            }, log(benghazi))
        XCTAssertEqual(try SQLiteStore.reader(at: benghazi.store).absentEvents([id]), [id], "never applied")

        // Nor a row dated a day after the hub took it in, whenever a site reads it.
        let (ahead, aheadLine) = try forgedLine(agency: "LRC", officer: "Tripoli forger", aheadBy: 86_400)
        try hub.sql(
            "INSERT INTO qanat.events (id, origin, agency, line) VALUES ('\(ahead)', 'TRP', 'LRC', '\(aheadLine)')",
            database: "hub")
        XCTAssertTrue(
            waitFor(15) {
                ((try? String(contentsOfFile: rejects, encoding: .utf8)) ?? "").contains("after the hub took it in")
            }, log(benghazi))
        XCTAssertEqual(try SQLiteStore.reader(at: benghazi.store).absentEvents([ahead]), [ahead], "never applied")

        // The registry is the hub admin's: a change to it is said at every site, not taken in silence.
        try hub.sql("UPDATE qanat.sites SET agencies = agencies || '{NCEMC}' WHERE code = 'TRP'", database: "hub")
        try post("after the registry changed", at: benghazi)
        XCTAssertTrue(
            waitFor(15) { self.log(benghazi).contains("hub: the registry changed: site TRP now hosts NCEMC") },
            log(benghazi))
        // A site's role holds a few sessions at most, and the hub ends a transaction it leaves open.
        XCTAssertEqual(
            try hub.sql(
                "SELECT rolconnlimit || ' ' || array_to_string(rolconfig, ',') FROM pg_roles WHERE rolname = 'qanat_site_trp'"
            ),
            "4 idle_in_transaction_session_timeout=30s,statement_timeout=60s")

        // Incidents are numbered by each site without asking the other; a bare number is this site's.
        for site in [tripoli, benghazi] {
            let opened = try qanat(
                [
                    "incident", "open", "--wait", "5", "--title", "Flooding at \(site.code)", "--type",
                    "flood.flashFlood",
                    "--severity", "severe", "--area", "Derna", "--agency", site.agency,
                ],
                at: site, as: site.officer)
            XCTAssertEqual(opened.status, 0, opened.stderr)
            XCTAssertTrue(opened.stdout.contains("-\(site.code)0001"), opened.stdout)
        }
        XCTAssertTrue(waitFor(15) { self.events(tripoli) == 7 && self.events(benghazi) == 7 })
        XCTAssertEqual(try digest(tripoli), try digest(benghazi))
    }
}

extension SiteRelayTests {
    func testSitesWorkThroughACutAndCatchUpBothWaysWhenItEnds() throws {
        XCTAssertEqual(try qanat(["hub", "init", hub.adminURL()]).status, 0)
        let tripoli = try site("TRP", hosting: ["MOI", "LRC"], officer: "LRC")
        let benghazi = try site("BGZ", hosting: ["NCEMC", "CD"], officer: "CD")
        XCTAssertTrue(waitFor(15) { self.events(tripoli) == 4 && self.events(benghazi) == 4 })

        // The hub gone: each site goes on with its own, and says it is cut off with what waits to go out.
        try hub.halt()
        for n in 1...3 {
            try post("Tripoli through the cut \(n)", at: tripoli)
            try post("Benghazi through the cut \(n)", at: benghazi)
        }
        XCTAssertEqual([events(tripoli), events(benghazi)], [7, 7], "each site took its own in")
        for site in [tripoli, benghazi] {
            XCTAssertTrue(
                waitFor(20) { RelayFile.read(beside: site.store).map { !$0.reachable && $0.waiting == 3 } ?? false },
                "\(String(describing: RelayFile.read(beside: site.store)))\n\(log(site))")
            let status = try qanat(["hub", "status"], at: site)
            XCTAssertTrue(status.stdout.contains("hub:     unreachable"), status.stdout)
            XCTAssertTrue(status.stdout.contains("waiting: 3 event(s)"), status.stdout)
        }
        // Long enough into the cut that the relay waits seconds between tries: a post is counted at once.
        Thread.sleep(forTimeInterval: 6)
        try post("Tripoli, later in the cut", at: tripoli)
        XCTAssertTrue(
            waitFor(1.5) { RelayFile.read(beside: tripoli.store)?.waiting == 4 },
            "\(String(describing: RelayFile.read(beside: tripoli.store)))")

        // Back: both directions catch up, nothing lost or doubled, every site's record the same.
        try hub.start()
        XCTAssertTrue(
            waitFor(45) { self.events(tripoli) == 11 && self.events(benghazi) == 11 },
            "TRP \(events(tripoli)), BGZ \(events(benghazi))\n\(log(tripoli))\n\(log(benghazi))")
        XCTAssertEqual(try digest(tripoli), try digest(benghazi))
        XCTAssertEqual(
            try hub.sql("SELECT count(*), count(DISTINCT id) FROM qanat.events", database: "hub"), "11|11",
            "the hub holds each event once")
        XCTAssertTrue(waitFor(10) { RelayFile.read(beside: tripoli.store)?.reachable == true })
    }
}

extension SiteRelayTests {
    func testAHubWipedIsRefilledFromOneSiteAndANewSiteLearnsEverythingFromIt() throws {
        XCTAssertEqual(try qanat(["hub", "init", hub.adminURL()]).status, 0)
        let tripoli = try site("TRP", hosting: ["MOI", "LRC"], officer: "LRC")
        let benghazi = try site("BGZ", hosting: ["NCEMC", "CD"], officer: "CD")
        try post("before the hub was lost", at: benghazi)
        XCTAssertTrue(waitFor(15) { self.events(tripoli) == 5 && self.events(benghazi) == 5 })
        // Benghazi's service is down while the hub is rebuilt: Tripoli alone refills it, Benghazi's events too.
        services[1].terminate()
        services[1].waitUntilExit()
        try hub.sql("TRUNCATE qanat.events, qanat.conflicts", database: "hub")
        let refilled = try qanat(["hub", "refill", hub.adminURL()], at: tripoli)
        XCTAssertEqual(refilled.status, 0, refilled.stderr)
        XCTAssertTrue(refilled.stdout.contains("refilled: 5 event(s) the hub lacked, from site TRP"), refilled.stdout)
        XCTAssertEqual(
            try hub.sql(
                "SELECT origin || ' ' || count(*) FROM qanat.events GROUP BY origin ORDER BY origin", database: "hub"),
            "BGZ 3\nTRP 2", "each event with the site that first took it in")

        // A site whose disk was lost (a new store) learns everything from the hub.
        let sabha = try site("SBH", hosting: ["LRA"], officer: "LRA")
        XCTAssertTrue(waitFor(15) { self.events(sabha) == 7 && self.events(tripoli) == 7 }, log(sabha))
        XCTAssertEqual(try digest(sabha), try digest(tripoli))

        // Tripoli's disk lost: a store made again for site TRP learns its own events back too.
        let running = try XCTUnwrap(services.first { $0.isRunning && $0.environment?["QANAT_DB"] == tripoli.store })
        running.terminate()
        running.waitUntilExit()
        let again = TestSite(
            code: "TRP", service: tripoli.service, officer: tripoli.officer, agency: "LRC",
            store: q.directory + "/trp-again/qanat.sqlite", url: tripoli.url)
        let made = try qanat(
            ["init", "--service", again.service, "--group", "qsitetrp", "--site", "TRP", "--agency", "MOI"], at: again)
        XCTAssertEqual(made.status, 0, made.stderr)
        try startService(again)
        // Its own new admin entry, and the seven the hub holds.
        XCTAssertTrue(waitFor(15) { self.events(again) == 8 && self.events(sabha) == 8 }, log(again))
        XCTAssertEqual(try digest(again), try digest(sabha))
    }

    func testTheSameIdWithOtherContentIsAConflictReportedWithBothWriters() throws {
        XCTAssertEqual(try qanat(["hub", "init", hub.adminURL()]).status, 0)
        _ = try site("BGZ", hosting: ["NCEMC", "CD"], officer: "CD")
        let tripoli = try site("TRP", hosting: ["MOI", "LRC"], officer: "LRC")
        try post("Tripoli's own", at: tripoli)
        XCTAssertTrue(waitFor(15) { (try? self.hub.sql("SELECT count(*) FROM qanat.events", database: "hub")) == "5" })
        // The hub holds Tripoli's message under its id with other words, as if Benghazi had sent it first.
        let row = try hub.sql(
            "SELECT id, line FROM qanat.events WHERE origin = 'TRP' AND line LIKE '%Tripoli''s own%'", database: "hub")
        let parts = row.split(separator: "|", maxSplits: 1).map(String.init)
        XCTAssertEqual(parts.count, 2, row)
        let other = parts[1].replacingOccurrences(of: "Tripoli's own", with: "Benghazi's words")
            .replacingOccurrences(of: #""agency":"LRC""#, with: #""agency":"CD""#)
        XCTAssertTrue(other.contains(#""agency":"CD""#), other)
        try hub.sql(
            """
            UPDATE qanat.events SET origin = 'BGZ', agency = 'CD', line = '\(other.replacingOccurrences(of: "'", with: "''"))'
            WHERE id = '\(parts[0])'
            """, database: "hub")
        // Tripoli pushes again from the start (the hub holds fewer of its events than it pushed).
        try hub.sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'qanat_site_trp'", database: "hub")
        XCTAssertTrue(
            waitFor(20) {
                (try? self.hub.sql("SELECT first_origin || ' ' || reported_by FROM qanat.conflicts", database: "hub"))
                    == "BGZ TRP"
            }, log(tripoli))
        XCTAssertTrue(log(tripoli).contains("conflict: the hub holds event \(parts[0]) from site BGZ"), log(tripoli))
        let rejects = (tripoli.store as NSString).deletingLastPathComponent + "/rejects/hub.rejects"
        XCTAssertTrue(((try? String(contentsOfFile: rejects, encoding: .utf8)) ?? "").contains("Tripoli's own"))
        // The hub's other event under that id, pulled: refused here too, never silently ignored.
        XCTAssertTrue(
            waitFor(20) {
                ((try? String(contentsOfFile: rejects, encoding: .utf8)) ?? "")
                    .contains("from the hub: conflict: event \(parts[0]) is already stored with other content")
            }, log(tripoli))
        XCTAssertEqual(
            try SQLiteStore.reader(at: tripoli.store).message(try EventID(parts[0]))?.message.body, "Tripoli's own")
    }
}

extension SiteRelayTests {
    func testARelayKilledAtAnyMomentRelaysEachEventExactlyOnce() throws {
        XCTAssertEqual(try qanat(["hub", "init", hub.adminURL()]).status, 0)
        let tripoli = try site("TRP", hosting: ["MOI", "LRC"], officer: "LRC")
        let benghazi = try site("BGZ", hosting: ["NCEMC", "CD"], officer: "CD")
        var random = SystemRandomNumberGenerator()
        for round in 1...4 {
            for n in 1...3 {
                // Kept in the journal when the service is down (exit 3), applied when it is back.
                let posted = try qanat(
                    [
                        "post", "--wait", "2", "--from", "LRC", "--to", "*", "--priority", "routine", "--channel",
                        "radio", "round \(round) post \(n)",
                    ], at: tripoli, as: tripoli.officer)
                XCTAssertTrue([0, 3].contains(posted.status), posted.stderr)
            }
            Thread.sleep(forTimeInterval: Double(Int.random(in: 0...300, using: &random)) / 1000)
            let relay = try XCTUnwrap(services.first { $0.isRunning && $0.environment?["QANAT_DB"] == tripoli.store })
            kill(relay.processIdentifier, SIGKILL)
            relay.waitUntilExit()
            try startService(tripoli)
        }
        XCTAssertTrue(
            waitFor(30) { self.events(tripoli) == 16 && self.events(benghazi) == 16 },
            "TRP \(events(tripoli)), BGZ \(events(benghazi))\n\(log(tripoli))")
        XCTAssertEqual(
            try hub.sql("SELECT count(*) || ' ' || count(DISTINCT id) FROM qanat.events", database: "hub"), "16 16")
        XCTAssertEqual(try digest(tripoli), try digest(benghazi))
    }
}

extension SiteRelayTests {
    /// A store restored from an older backup beside the relay's file of the store it replaced: the
    /// file's push cursor is past the store's end, and the events the store takes next would sit
    /// under it, never sent, were it trusted.
    func testAPushCursorPastTheStoreIsNotTrusted() throws {
        XCTAssertEqual(try qanat(["hub", "init", hub.adminURL()]).status, 0)
        let tripoli = try site("TRP", hosting: ["MOI", "LRC"], officer: "LRC")
        let benghazi = try site("BGZ", hosting: ["NCEMC", "CD"], officer: "CD")
        XCTAssertTrue(waitFor(15) { self.events(tripoli) == 4 && self.events(benghazi) == 4 })
        let relay = try XCTUnwrap(services.first { $0.isRunning && $0.environment?["QANAT_DB"] == tripoli.store })
        relay.terminate()
        relay.waitUntilExit()
        var state = try XCTUnwrap(RelayFile.read(beside: tripoli.store))
        state.pushed = 1_000_000
        try RelayFile.write(state, beside: tripoli.store)
        try startService(tripoli)
        try post("after the restore", at: tripoli)
        XCTAssertTrue(waitFor(15) { self.events(benghazi) == 5 }, "BGZ \(events(benghazi))\n\(log(tripoli))")
    }
}
