/// A key as the desk understands it, whatever terminal sent it.
public enum KeyPress: Equatable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace
    case function(Int)
    case resize(width: Int, height: Int)
    /// A mouse click at a cell, where the terminal reports them.
    case click(x: Int, y: Int)
    /// The terminal is gone (the SSH link dropped, the window closed): nothing can be shown.
    case hangup
    /// Ctrl-C: quit as `q` does — asking first when a form holds typed text, which is kept.
    case interrupt
}
