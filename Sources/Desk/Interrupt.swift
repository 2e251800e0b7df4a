import Foundation

/// Ctrl-C reaches the desk as a key, not as the end of the process: a form being typed is
/// asked about and kept (the default would kill the desk with the text in it).
public enum Interrupt {
    nonisolated(unsafe) private static var requested: sig_atomic_t = 0

    public static func install() {
        signal(SIGINT) { _ in Interrupt.requested = 1 }
        // Ctrl-\ would dump core over the screen: the desk has no use for it.
        signal(SIGQUIT, SIG_IGN)
    }

    public static func take() -> Bool {
        guard requested != 0 else { return false }
        requested = 0
        return true
    }
}
