import Foundation
import QanatCore
import QanatFixtures
import QanatStore

/// Bytes on the wire when the desk runs over SSH and one message arrives: a real sshd on
/// 127.0.0.1, `ssh -tt` in a tmux pane, the server's sent bytes counted by the kernel (`ss`),
/// beside the terminal bytes the same update costs inside the connection.
struct SshBytesBenchmark {
    let directory: String

    func run() throws -> [BenchResult] {
        let what = "desk over SSH: bytes on the wire when one message arrives (160×48, log)"
        let server: SshServer
        do { server = try SshServer(directory: directory + "/ssh") } catch let error as SshServer.Unavailable {
            return [
                BenchResult(
                    what: what, figure: "not measured", baseline: error.reason, goal: "(recorded)", verdict: "skipped")
            ]
        }
        let database = directory + "/terminal.sqlite"  // TerminalBytesBenchmark's store: 200 messages
        let store = try SQLiteStore.create(path: database)
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "qanat"
        ).path
        let pane = TmuxDesk(directory: directory, database: database, width: 160, height: 48, name: "ssh")
        pane.run(
            server.ssh(
                "env QANAT_DB=\(database) QANAT_JOURNAL=\(directory)/ssh-journal.jsonl QANAT_LOG= QANAT_CONFIG=/nonexistent "
                    + "LANG=C.UTF-8 \(binary) desk --agency CD"))
        Thread.sleep(forTimeInterval: 3)
        pane.send("F4")
        Thread.sleep(forTimeInterval: 1.5)
        let wireBefore = server.bytesSent
        Thread.sleep(forTimeInterval: 2)
        let idleWire = (server.bytesSent - wireBefore) / 2
        let (wire, terminal) = (server.bytesSent, pane.size)
        try store.apply([probeMessage("ssh-arrival-probe")])
        _ = pane.waitFor("ssh-arrival-probe", from: terminal, since: monotonicNanoseconds())
        Thread.sleep(forTimeInterval: 0.3)
        let updateWire = server.bytesSent - wire
        let updateTerminal = pane.size - terminal
        return [
            BenchResult(
                what: what,
                figure: "\(updateWire) bytes (idle clock: \(idleWire) bytes/s)",
                baseline: "the terminal bytes inside: \(updateTerminal)",
                goal: "(recorded; terminal ≤ 300)", verdict: updateTerminal <= 300 ? "recorded" : "MISSED")
        ]
    }
}
