import Foundation
import QanatChannel
import QanatCore
import QanatJournal
import QanatStore
import QanatTestSupport
import XCTest

/// Reports on a service store: the service renders what `--out` writes and records it, so
/// `report verify` proves bytes Qanat made from the store and names who asked; a member's own
/// `report.written` line proves nothing.
extension ServiceStoreTests {
    func testTheServiceRendersAndAttestsEveryReportWritten() throws {
        let (serviceUser, operatorUser) = try runningStoreWithOperator()
        let own = q.directory + "/operator-files"
        try FileManager.default.createDirectory(atPath: own, withIntermediateDirectories: true)
        chown(own, getpwnam(operatorUser).pointee.pw_uid, uid_t.max)
        XCTAssertEqual(try post("for the report", as: operatorUser).status, 0)

        // Without --agency, the member's own agency (not MOI), as every write chooses it.
        let ownAgency = try qanat("report", "shift", as: operatorUser)
        XCTAssertEqual(ownAgency.status, 0, ownAgency.stderr)
        XCTAssertTrue(ownAgency.stdout.contains("(LRC)") && !ownAgency.stdout.contains("(MOI)"), ownAgency.stdout)

        let file = own + "/shift.md"
        let written = try qanat(
            "report", "shift", "--agency", "LRC", "--markdown", "--out", file, as: operatorUser)
        XCTAssertEqual(written.status, 0, written.stderr + log())
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        XCTAssertTrue(written.stdout.contains("sha256 \(ReportContent(of: bytes).sha256)"), written.stdout)
        XCTAssertTrue(
            String(decoding: bytes, as: UTF8.self).hasPrefix("# Shift handover — \(operatorUser) (LRC)"),
            "the shift report in Markdown, prepared by who asked, not the service: \(String(decoding: bytes, as: UTF8.self))"
        )
        XCTAssertEqual(mode(file).owner, operatorUser, "the member's process writes the file")
        XCTAssertTrue(log().contains("report shift rendered for \(operatorUser)"), log())
        let record = try String(
            contentsOfFile: (store as NSString).deletingLastPathComponent + "/service.jsonl", encoding: .utf8)
        XCTAssertTrue(record.contains(#""attestedBy":"\#(serviceUser)""#), "the service's own journal: \(record)")

        let proved = try qanat("report", "verify", file, as: operatorUser)
        XCTAssertEqual(proved.status, 0, proved.stderr)
        XCTAssertTrue(
            proved.stdout.contains("rendered by the service (\(serviceUser)) for Unix user \(operatorUser)"),
            proved.stdout)

        // A member's self-made record of other bytes: refused at ingest, and it proves nothing.
        let forgedFile = own + "/forged.md"
        let forgedBytes = Array("# Shift report\nall quiet\n".utf8)
        try Data(forgedBytes).write(to: URL(fileURLWithPath: forgedFile))
        let now = Timestamp(millisecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1000))
        let forged = Event(
            id: .make(at: now), at: now, agency: try AgencyCode("LRC"), officer: "Director General",
            user: operatorUser,
            payload: .reportWritten(
                ReportRecord(
                    kind: .shift, parameters: ["--markdown"], file: forgedFile,
                    sha256: ReportContent(of: forgedBytes).sha256,
                    bytes: forgedBytes.count, attestedBy: serviceUser)))
        let journal = monthlyJournal((store as NSString).deletingLastPathComponent + "/journals", operatorUser)
        let line = String(decoding: EventCodec.encode(forged, previousLineHash: nil), as: UTF8.self)
        try append(line, to: journal, as: operatorUser, thenAwait: "refused for authority")
        let rejects =
            monthlyJournal((store as NSString).deletingLastPathComponent + "/rejects", operatorUser) + ".rejects"
        XCTAssertTrue(
            (try? String(contentsOfFile: rejects, encoding: .utf8))?.contains("the service records reports") ?? false,
            log())
        let refused = try qanat("report", "verify", forgedFile, as: operatorUser)
        XCTAssertEqual(refused.status, 2, refused.stdout)
        XCTAssertTrue(refused.stderr.contains("matches no report recorded as written"), refused.stderr)

        // Only the options a report takes: nothing that names another store or file.
        let client = ServiceClient(store: store, owner: try serviceOwner())
        XCTAssertThrowsError(
            try client.report(
                ReportRequest(
                    kind: .shift, parameters: ["--db", "/etc/shadow"], officer: "x", agency: "LRC", file: "/tmp/x"),
                into: { _ in })
        ) { XCTAssertTrue("\($0)".contains("'--db' is not an option a report takes"), "\($0)") }
    }

    /// Any member may make any name in journals/: one planted at a new member's name before their
    /// first write stays its maker's, and the new member writes beside it under a name of their own.
    /// A report's bytes follow the reply; a member who hangs up after the reply (Ctrl-C, a full
    /// disk, or on purpose) costs the service that connection, not its life (SIGPIPE).
    func testAMemberWhoHangsUpDuringAReportDoesNotStopTheService() throws {
        let (_, operatorUser) = try runningStoreWithOperator()
        for n in 1...40 { XCTAssertEqual(try post("to make the shift report longer \(n)", as: operatorUser).status, 0) }
        let request = try JSONEncoder().encode(
            ServiceRequest.report(
                ReportRequest(kind: .shift, parameters: [], officer: "root", agency: "MOI", file: q.directory + "/x")))
        for _ in 1...20 {
            let fd = try UnixSocket.connect(to: ServiceOwner.socketPath(beside: store), timeout: 10)
            try UnixSocket.writeLine(fd, request)
            XCTAssertTrue(String(decoding: try UnixSocket.readLine(fd), as: UTF8.self).contains("reportBytes"))
            close(fd)
        }
        Thread.sleep(forTimeInterval: 0.2)
        XCTAssertEqual(service?.isRunning, true, log())
        XCTAssertEqual(try post("after twenty hang-ups", as: operatorUser).status, 0, log())

        // A kind with a newline in it: one entry in the service's log, not a line of the asker's making.
        let forged = Data(
            #"{"report":{"_0":{"kind":"x\nFORGED rendered for root","parameters":[],"officer":"root","agency":"MOI","file":"/tmp/x"}}}"#
                .utf8)
        let fd = try UnixSocket.connect(to: ServiceOwner.socketPath(beside: store), timeout: 10)
        try UnixSocket.writeLine(fd, forged)
        _ = try UnixSocket.readLine(fd)
        close(fd)
        Thread.sleep(forTimeInterval: 0.2)
        XCTAssertTrue(log().contains("FORGED rendered for root"), log())
        XCTAssertFalse(log().split(separator: "\n").contains { $0.hasPrefix("FORGED") }, log())
    }

    func testAJournalPlantedAtANewMembersNameDoesNotStopThem() throws {
        let (_, operatorUser) = try runningStoreWithOperator()
        let newcomer = try UnixTestAccounts.user("qanatsnew", groups: [try UnixTestAccounts.group("qanatsvcdesk")])
        let journals = (store as NSString).deletingLastPathComponent + "/journals"
        let planted = monthlyJournal(journals, newcomer)
        let plant = try q.run(
            ["-u", operatorUser, "--", "sh", "-c", "umask 077; : > \"$0\"", planted], executable: "/usr/sbin/runuser")
        XCTAssertEqual(plant.status, 0, plant.stderr)
        XCTAssertEqual(try qanat("member", "add", newcomer, "--agency", "LRC", "--role", "operator").status, 0)
        let first = try post("first words of a new member", as: newcomer)
        XCTAssertEqual(first.status, 0, first.stderr + log())
        XCTAssertEqual(try post("and the second", as: newcomer).status, 0)
        let own = try FileManager.default.contentsOfDirectory(atPath: journals).filter {
            $0.hasPrefix(newcomer + ".") && journals + "/" + $0 != planted
        }
        XCTAssertEqual(own.count, 1, "one journal of their own beside the planted one: \(own)")
        XCTAssertEqual(mode(journals + "/" + own[0]).owner, newcomer)
        let messages = try qanat("list", "messages").stdout
        XCTAssertTrue(messages.contains("first words of a new member") && messages.contains("and the second"), messages)
        XCTAssertEqual(mode(planted).owner, operatorUser, "the planted file is left to its maker")
    }
}
