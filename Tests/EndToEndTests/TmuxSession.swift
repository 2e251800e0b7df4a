import Foundation
import QanatFixtures
import XCTest

/// A real terminal for the desk: tmux on a private socket, driven by send-keys and read by
/// capture-pane, as a person at a keyboard would.
final class TmuxSession {
    let socket = "qanat-test-" + UUID().uuidString.prefix(8)
    let name = "desk"

    init(command: String, width: Int, height: Int, environment: [String: String]) throws {
        let exports = environment.map { "\($0)='\($1)'" }.joined(separator: " ")
        // The server forks from this call and would hold a captured stdout open: discard it.
        try tmux(
            ["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), "env \(exports) \(command)"],
            capture: false)
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    /// Ends the terminal and waits (up to 3 s) for the desk in it to be gone: hung up, it keeps its
    /// drafts, and it would write them into the directory of a test that had already ended.
    deinit {
        let pane = try? tmux(["display-message", "-t", name, "-p", "#{pane_pid}"])
        _ = try? tmux(["kill-server"], capture: false)
        guard let pid = pane.flatMap({ Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) else { return }
        let deadline = Date().addingTimeInterval(3)
        while Self.isRunning(pid), Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    }

    /// Whether `pid` is alive: a zombie no longer writes (nobody may reap it once tmux is gone).
    private static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let state = stat.split(separator: ")").last?.split(separator: " ").first
        else { return false }
        return state != "Z"
    }

    @discardableResult
    func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        guard capture else {
            Tmux.run(socket: socket, arguments)
            return ""
        }
        let output = NSTemporaryDirectory() + "tmux-out-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        Tmux.run(socket: socket, arguments, output: output)
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }
    /// Types text literally (Arabic too), as a person at the keyboard would.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }

    /// A left click at a cell (0-based), as a terminal reports it in xterm's X10 mouse encoding
    /// (what curses asks for under TERM=screen-256color): press, then release.
    func click(x: Int, y: Int) throws {
        let cell = String(UnicodeScalar(UInt8(33 + x))) + String(UnicodeScalar(UInt8(33 + y)))
        try type("\u{1B}[M " + cell)
        try type("\u{1B}[M#" + cell)
    }

    /// The visible screen, one line per row (capture-pane's final newline dropped).
    func screen() throws -> String {
        var text = try tmux(["capture-pane", "-t", name, "-p"])
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    var lines: [String] {
        (try? screen())?.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) ?? []
    }

    func paneTitle() throws -> String { try tmux(["display-message", "-t", name, "-p", "#{pane_title}"]) }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    var isDead: Bool { (try? tmux(["display-message", "-t", name, "-p", "#{pane_dead}"]))?.hasPrefix("1") ?? true }

    /// Waits up to `seconds` for the screen to satisfy `condition`; returns the last screen.
    @discardableResult
    func waitFor(_ seconds: Double = 5, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var text = try screen()
        while !condition(text), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            text = try screen()
        }
        return text
    }
}
