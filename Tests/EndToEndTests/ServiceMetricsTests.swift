import Foundation
import QanatChannel
import QanatCore
import QanatJournal
import XCTest

/// What the service tells systemd (`Type=notify`) and a monitoring system (a Prometheus textfile).
extension ServiceStoreTests {
    /// A datagram socket where systemd would listen, that the service's user may send to.
    func notifySocket() throws -> (path: String, descriptor: Int32) {
        let path = q.directory + "/notify.sock"
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        XCTAssertEqual(bound, 0)
        chmod(path, 0o777)
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return (path, descriptor)
    }

    func received(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
    }

    func testTheServiceTellsSystemdAndWritesItsMetrics() throws {
        let group = try UnixTestAccounts.group("qanatsvcdesk")
        let serviceUser = try UnixTestAccounts.user("qanatsvc", groups: [group])
        let operatorUser = try UnixTestAccounts.user("qanatsop", groups: [group])
        XCTAssertEqual(try qanat("init", "--service", serviceUser, "--group", group).status, 0)
        let textfiles = q.directory + "/node-exporter"
        try FileManager.default.createDirectory(atPath: textfiles, withIntermediateDirectories: true)
        chown(textfiles, getpwnam(serviceUser).pointee.pw_uid, gid_t.max)
        let metrics = textfiles + "/qanat.prom"
        // A directory others may write (here /tmp, sticky) would let them replace the figures.
        let shared = try q.run(
            [
                "--reuid", serviceUser, "--regid", serviceUser, "--init-groups", "--", try q.binaryForOtherUsers(),
                "serve",
                "--metrics", "/tmp/qanat.prom",
            ], extraEnvironment: environment, executable: "/usr/bin/setpriv")
        XCTAssertEqual(shared.status, 1, shared.stderr)
        XCTAssertTrue(shared.stderr.contains("--metrics: others may write /tmp (1777)"), shared.stderr)
        let notify = try notifySocket()
        defer { close(notify.descriptor) }
        // init recorded the first admin itself: the service applies the member added and the post.
        try startService(as: serviceUser, ["--metrics", metrics], extraEnvironment: ["NOTIFY_SOCKET": notify.path])
        XCTAssertTrue(received(notify.descriptor).hasPrefix("READY=1\nSTATUS=serving \(store)"))

        XCTAssertEqual(try qanat("member", "add", operatorUser, "--agency", "LRC", "--role", "operator").status, 0)
        XCTAssertEqual(try post("counted", as: operatorUser).status, 0)
        // A line the operator's role does not allow (it speaks for NCEMC): refused for authority.
        let at = QanatChannel.Clock.now()
        var random = SystemRandomNumberGenerator()
        let forged = Event(
            id: .make(at: at, using: &random), at: at, agency: try AgencyCode("NCEMC"), officer: operatorUser,
            user: operatorUser,
            payload: .messagePosted(
                MessagePosting(
                    recipients: .everyone, priority: .routine, channel: .radio, subject: nil, body: "not theirs",
                    incident: nil, acknowledgementRequired: false)))
        try append(
            String(decoding: EventCodec.encode(forged, previousLineHash: nil), as: UTF8.self),
            to: monthlyJournal((store as NSString).deletingLastPathComponent + "/journals", operatorUser),
            as: operatorUser, thenAwait: "refused for authority")

        let deadline = Date().addingTimeInterval(5)
        var text = ""
        while Date() < deadline, !text.contains("qanat_lines_refused_for_authority_total 1") {
            Thread.sleep(forTimeInterval: 0.2)
            text = (try? String(contentsOfFile: metrics, encoding: .utf8)) ?? ""
        }
        for expected in [
            "# TYPE qanat_events_applied_total counter", "qanat_events_applied_total 2",
            "qanat_lines_rejected_total 1", "qanat_lines_refused_for_authority_total 1",
            "qanat_journals_watched 2", "# TYPE qanat_ingest_lag_seconds gauge",
        ] {
            XCTAssertTrue(text.contains(expected), "\(expected):\n\(text)")
        }
        let last = text.split(separator: "\n").first { $0.hasPrefix("qanat_last_ingest_timestamp_seconds ") }
        let stamp = Double(last?.split(separator: " ").last ?? "") ?? 0
        XCTAssertEqual(stamp, Date().timeIntervalSince1970, accuracy: 30, text)
        XCTAssertEqual(mode(metrics).mode, 0o644, "node-exporter reads it")

        service?.terminate()
        service?.waitUntilExit()
        XCTAssertEqual(received(notify.descriptor), "STOPPING=1")
    }
}
