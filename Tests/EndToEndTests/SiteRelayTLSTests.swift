import Foundation
import QanatFixtures
import QanatTestSupport
import XCTest

/// The link between a site and the hub: TLS, the hub's certificate checked against the authority the
/// site's URL names, for the host it names; a hub that speaks no TLS, or one a stranger vouches for,
/// is refused before any password or event crosses.
extension SiteRelayTests {
    func testASiteSpeaksToTheHubOnlyOverTLSWithACertificateItsAuthoritySigned() throws {
        let initialised = try qanat(["hub", "init", hub.adminURL()])
        XCTAssertEqual(initialised.status, 0, initialised.stderr)
        // A hub that logs every statement: a site's password still never reaches it, only its verifier.
        try hub.sql("ALTER SYSTEM SET log_statement = 'all'")
        try hub.sql("SELECT pg_reload_conf()")
        let tripoli = try site("TRP", hosting: ["MOI", "LRC"], officer: "LRC")
        let password = try XCTUnwrap(URLComponents(string: tripoli.url)?.password)
        let logged = try String(contentsOfFile: hub.directory + "/log", encoding: .utf8)
        XCTAssertTrue(logged.contains("CREATE ROLE qanat_site_trp LOGIN PASSWORD 'SCRAM-SHA-256$4096:"), logged)
        XCTAssertFalse(logged.contains(password), "the password itself is nowhere in the hub's log")
        let authority = try XCTUnwrap(hub.authority)
        XCTAssertTrue(tripoli.url.hasSuffix("?sslmode=verify-full&sslrootcert=\(authority)"), tripoli.url)
        try post("over TLS", at: tripoli)
        XCTAssertTrue(
            waitFor(10) { (try? self.hub.sql("SELECT count(*) FROM qanat.events", database: "hub")) == "3" },
            log(tripoli))
        let encrypted = try hub.sql(
            "SELECT bool_and(s.ssl) FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) "
                + "WHERE a.usename = 'qanat_site_trp'")
        XCTAssertEqual(encrypted, "t", "the relay's connection is TLS")

        // Without sslrootcert the system's authorities are asked, and none of them signed the test's hub.
        let unvouched = try qanat(["hub", "sites", hub.adminURL().components(separatedBy: "?")[0]])
        XCTAssertEqual(unvouched.status, 3, unvouched.stderr)
        XCTAssertTrue(unvouched.stderr.contains("not signed by an authority this site trusts"), unvouched.stderr)
        // The hub accepts no clear text, even from a site told to speak it.
        let refusedClear = try qanat(["hub", "sites", hub.adminURL(host: "127.0.0.1") + "&sslmode=disable"])
        XCTAssertEqual(refusedClear.status, 3, refusedClear.stderr)
        XCTAssertTrue(refusedClear.stderr.contains("no encryption"), refusedClear.stderr)

        // A hub whose certificate another authority signed: someone in the middle.
        let stranger = q.directory + "/stranger"
        try PostgresServer.makeAuthority(named: "someone in the middle", in: stranger)
        let misled = try qanat(
            ["hub", "sites", hub.adminURL().replacingOccurrences(of: authority, with: stranger + "/authority.pem")])
        XCTAssertEqual(misled.status, 3, misled.stderr)
        XCTAssertTrue(misled.stderr.contains("not signed by an authority this site trusts"), misled.stderr)

        // A certificate made out to another host: verify-full refuses it, verify-ca accepts the authority's word.
        let elsewhere = try PostgresServer(certificateNames: ["hub.example"])
        defer { elsewhere.stop() }
        let wrongName = try qanat(["hub", "sites", elsewhere.adminURL()])
        XCTAssertEqual(wrongName.status, 3, wrongName.stderr)
        XCTAssertTrue(wrongName.stderr.contains("not made out to the host the URL names"), wrongName.stderr)
        let notAHub = try qanat(["hub", "sites", elsewhere.adminURL() + "&sslmode=verify-ca"])
        XCTAssertNotEqual(notAHub.status, 0)
        XCTAssertTrue(notAHub.stderr.contains("is it a hub? `qanat hub init` makes one"), notAHub.stderr)
        let anyName = try qanat(["hub", "init", elsewhere.adminURL() + "&sslmode=verify-ca"])
        XCTAssertEqual(anyName.status, 0, anyName.stderr)

        // A hub that speaks no TLS: refused unless the URL says sslmode=disable.
        let plain = try PostgresServer(certificateNames: [])
        defer { plain.stop() }
        let noTLS = try qanat(["hub", "init", plain.adminURL().replacingOccurrences(of: "?sslmode=disable", with: "")])
        XCTAssertEqual(noTLS.status, 3, noTLS.stderr)
        XCTAssertTrue(noTLS.stderr.contains("it offers no TLS"), noTLS.stderr)
        let told = try qanat(["hub", "init", plain.adminURL()])
        XCTAssertEqual(told.status, 0, told.stderr)
        for said in [unvouched, refusedClear, misled, wrongName, noTLS] {
            XCTAssertFalse(said.stderr.contains(hub.adminPassword), "a password is never echoed: \(said.stderr)")
        }
    }
}
