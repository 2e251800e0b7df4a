import Foundation
import QanatChannel
import QanatCore
import QanatTestSupport
import XCTest

/// An installed host's `/etc/qanat/config.toml` names the shared store, so members need no
/// `QANAT_DB`; a file others could change, or a key it does not know, stops the command.
final class HostConfigTests: XCTestCase {
    func testTheHostsSettingsNameTheSharedStore() throws {
        let q = try QanatProcess()
        let store = q.directory + "/host/qanat.sqlite"
        let config = q.directory + "/config.toml"
        try "store = \"\(store)\"\n".write(toFile: config, atomically: false, encoding: .utf8)
        chmod(config, 0o644)
        let host = ["QANAT_DB": "", "QANAT_JOURNAL": "", "QANAT_SYSTEM_CONFIG": config]
        XCTAssertEqual(try q.run(["init"], extraEnvironment: host).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: store), "init made the host's store")
        let posted = try q.run(
            ["post", "--from", "MOI", "--to", "*", "--priority", "routine", "--channel", "radio", "on the host"],
            extraEnvironment: host)
        XCTAssertEqual(posted.status, 0, posted.stderr)
        XCTAssertTrue(try q.run(["list", "messages", "--db", store]).stdout.contains("on the host"))
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: monthlyJournal(q.directory + "/host/journals", "root")),
            "the journal beside the host's store")
        // --db and QANAT_DB still choose another store.
        XCTAssertEqual(try q.run(["list", "messages"], extraEnvironment: ["QANAT_SYSTEM_CONFIG": config]).status, 5)

        chmod(config, 0o666)
        let open = try q.run(["list", "messages"], extraEnvironment: host)
        XCTAssertEqual(open.status, 2)
        XCTAssertTrue(open.stderr.contains("\(config): others than root may change it (666"), open.stderr)
        chmod(config, 0o644)
        try "stor = \"\(store)\"\n".write(toFile: config, atomically: false, encoding: .utf8)
        let misspelt = try q.run(["list", "messages"], extraEnvironment: host)
        XCTAssertEqual(misspelt.status, 2)
        XCTAssertTrue(misspelt.stderr.contains("unknown setting 'stor'; settings: store"), misspelt.stderr)
        try "store = \"relative/qanat.sqlite\"\n".write(toFile: config, atomically: false, encoding: .utf8)
        XCTAssertTrue(
            try q.run(["list", "messages"], extraEnvironment: host).stderr.contains(
                "give the shared store's absolute path"))
    }
}
