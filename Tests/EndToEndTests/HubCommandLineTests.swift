import Foundation
import QanatTestSupport
import XCTest

/// The hub's commands filled wrongly: each says what is wrong, with the exit code scripts rely on,
/// before anything reaches a hub.
final class HubCommandLineTests: XCTestCase {
    func testAWrongSiteCodeAMissingAgencyOrABadURLIsNamed() throws {
        let q = try QanatProcess()
        let url = "postgres://admin:secret@127.0.0.1:1/hub"
        let cases: [([String], Int32, String)] = [
            (["hub", "site", "add", "B1", "--agency", "MOI", url], 2, "a site code (2-6 Latin letters, like BGZ)"),
            (["hub", "site", "add", "TRP", url], 1, "--agency: give each agency the site hosts"),
            (["hub", "init", "http://example.org/hub"], 1, "is not a postgres:// URL"),
            (["hub", "init", "postgres://127.0.0.1/hub"], 1, "names no role"),
            (["hub", "init", "postgres://admin@127.0.0.1/"], 1, "names no database"),
            (["hub", "init", url], 3, "the hub postgres://admin@127.0.0.1:1/hub cannot be reached"),
            (["hub", "init", url + "?sslmode=prefer"], 1, "sslmode=prefer falls back to clear text"),
            (["hub", "init", url + "?sslmode=on"], 1, "sslmode=on is not one qanat knows"),
            (["hub", "init", url + "?sslmdoe=disable"], 1, "'sslmdoe' is not a parameter qanat reads"),
            (["hub", "init", url + "?sslrootcert=/nowhere/ca.pem"], 1, "sslrootcert /nowhere/ca.pem cannot be read"),
            (["hub", "init", url + "?sslmode=verify-full&sslmode=disable"], 1, "gives 'sslmode' more than once"),
            (["hub", "init", url + "?host=127.0.0.2"], 1, "host= names a Unix socket's directory"),
            // URLs that do not parse: the password is still never shown.
            (["hub", "init", "postgres://admin:se/cret@127.0.0.1:1/hub"], 1, "'postgres://…@127.0.0.1:1/hub'"),
            (["hub", "init", "postgres:admin:secret@127.0.0.1/hub"], 1, "…@127.0.0.1/hub"),
        ]
        for (arguments, status, said) in cases {
            let result = try q.run(arguments)
            XCTAssertEqual(result.status, status, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(said), "\(arguments): \(result.stderr)")
            XCTAssertFalse(result.stderr.contains("secret"), "a password is never echoed: \(result.stderr)")
        }
    }
}
