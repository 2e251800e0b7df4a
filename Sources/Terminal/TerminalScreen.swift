import CNcursesw
import Glibc
import QanatUI

public struct TerminalError: Error, CustomStringConvertible {
    public var description: String
}

/// The only code that calls ncursesw. It draws frames (only the cells that changed since the
/// last one, and curses sends only those), reads keys with a timeout or until another file
/// descriptor wakes it, reports resizes, and maps style roles to colour pairs. Use it from one thread.
public final class TerminalScreen: Screen {
    private var pairs: [StyleRole: (attrs: attr_t, pair: Int16)] = [:]
    private var open = true
    /// What the terminal shows now: the next frame is compared with it cell by cell.
    private var shown: Frame?
    private let explicitBidi: Bool

    /// Starts curses. `theme` falls back to monochrome where colour is unavailable or
    /// NO_COLOR is set. With `explicitBidi` Qanat orders right-to-left text itself, so the
    /// terminal is asked not to (ECMA-48 BDSM, `CSI 8 l`; terminals without bidi ignore it) and
    /// is given back its implicit mode (`CSI 8 h`) at exit.
    public init(theme: Theme, explicitBidi: Bool) throws {
        self.explicitBidi = explicitBidi
        guard setlocale(LC_ALL, "") != nil || setlocale(LC_ALL, "C.UTF-8") != nil else {
            throw TerminalError(description: "no usable locale")
        }
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8", setlocale(LC_ALL, "C.UTF-8") == nil {
            throw TerminalError(description: "the locale is not UTF-8 and C.UTF-8 is missing: Arabic cannot be shown")
        }
        guard initscr() != nil else { throw TerminalError(description: "cannot start the terminal (is TERM set?)") }
        if explicitBidi { Self.writeControl("\u{1B}[8l") }
        cbreak()
        noecho()
        nonl()
        keypad(qanat_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        mousemask(qanat_button1_clicked(), nil)
        let noColour = getenv("NO_COLOR").map { String(cString: $0).isEmpty == false } ?? false
        var chosen = theme
        if noColour || !has_colors() {
            chosen = .monochrome
        } else {
            start_color()
            use_default_colors()
        }
        definePairs(chosen, colour: !noColour && has_colors())
    }

    deinit { close() }

    public func close() {
        guard open else { return }
        open = false
        endwin()
        if explicitBidi { Self.writeControl("\u{1B}[8h") }
    }

    /// A control sequence straight to the terminal, outside curses (which does not know it).
    private static func writeControl(_ sequence: String) {
        var bytes = Array(sequence.utf8)
        _ = write(STDOUT_FILENO, &bytes, bytes.count)
    }

    public var size: (width: Int, height: Int) { (Int(qanat_cols()), Int(qanat_lines())) }

    private func definePairs(_ theme: Theme, colour: Bool) {
        var next: Int16 = 1
        var byColours: [String: Int16] = [:]
        for role in StyleRole.allCases {
            let style = theme.style(role)
            var attrs = qanat_a_normal()
            if style.bold { attrs |= qanat_a_bold() }
            if style.dim { attrs |= qanat_a_dim() }
            if style.reverse { attrs |= qanat_a_reverse() }
            if style.underline { attrs |= qanat_a_underline() }
            var pair: Int16 = 0
            if colour, style.foreground != nil || style.background != nil {
                let colours = Int(qanat_colors())
                let fg = Self.curses(style.foreground, colours)
                let bg = Self.curses(style.background, colours)
                let key = "\(fg)/\(bg)"
                if let existing = byColours[key] {
                    pair = existing
                } else if Int32(next) < qanat_color_pairs() {
                    init_pair(next, fg, bg)
                    byColours[key] = next
                    pair = next
                    next += 1
                }
            }
            pairs[role] = (attrs, pair)
        }
    }

    /// The terminal's colour for a theme colour: its own index where the terminal has it
    /// (256-colour terminals), else its 8-colour fallback; -1 is the terminal's default.
    private static func curses(_ color: ThemeColor?, _ colours: Int) -> Int16 {
        guard let color else { return -1 }
        return Int16(color.index(forColours: colours))
    }

    /// The terminal's bell (or its visible flash, where the terminal is set so).
    public func bell() { beep() }

    /// Puts the frame on the screen: in each row, the span from the first to the last cell that
    /// differs from the frame shown, in runs of one style per call. An idle desk whose clock
    /// moved touches a few cells, not the screen.
    public func draw(_ frame: Frame) {
        let (width, height) = size
        let previous = shown.flatMap {
            $0.width == frame.width && $0.height == frame.height && $0.layout == frame.layout ? $0 : nil
        }
        let columns = min(width, frame.width)
        for y in 0..<min(height, frame.height) {
            var first = 0
            var last = columns - 1
            if let previous {
                while first < columns, frame[first, y] == previous[first, y] { first += 1 }
                if first == columns { continue }
                while last > first, frame[last, y] == previous[last, y] { last -= 1 }
                // A wide cluster spans its continuation: start the span on the cluster itself.
                while first > 0, frame[first, y].text.isEmpty { first -= 1 }
            }
            var x = first
            while x <= last {
                let role = frame[x, y].role
                let start = x
                var text: [wchar_t] = []
                while x <= last, frame[x, y].role == role {
                    for scalar in frame[x, y].text.unicodeScalars { text.append(wchar_t(bitPattern: scalar.value)) }
                    x += 1
                }
                let style = pairs[role] ?? (qanat_a_normal(), 0)
                qanat_set_style(style.attrs, style.pair)
                _ = qanat_put(Int32(y), Int32(start), text, Int32(text.count))
            }
        }
        qanat_set_style(qanat_a_normal(), 0)
        refresh()
        shown = frame
    }

    /// The next key; nil when none came within `timeoutMilliseconds` or when one of `descriptors`
    /// became readable first. The process sleeps in poll(2) meanwhile: an idle desk wakes only
    /// for its clock, a key or a change to the store.
    public func readKey(timeoutMilliseconds: Int32, wakingOn descriptors: [Int32]) -> KeyPress? {
        // Keys curses already holds (the rest of a paste, a resize it was told of) come first.
        if let key = readKey(timeoutMilliseconds: 0) { return key }
        var watched =
            [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
            + descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        // A signal (a resize, Ctrl-C) ends the wait early: the caller looks again.
        guard poll(&watched, nfds_t(watched.count), timeoutMilliseconds) > 0, watched[0].revents != 0 else {
            return nil
        }
        return readKey(timeoutMilliseconds: 25)
    }

    /// The next key, or nil when none came within `timeoutMilliseconds`.
    public func readKey(timeoutMilliseconds: Int32) -> KeyPress? {
        wtimeout(qanat_stdscr(), timeoutMilliseconds)
        var code: wint_t = 0
        let result = wget_wch(qanat_stdscr(), &code)
        if result == ERR { return terminalGone ? .hangup : nil }
        if result == KEY_CODE_YES { return special(Int32(code)) }
        switch code {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        default:
            guard let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// After a hang-up every read fails at once: without this check a loop waiting for keys
    /// would spin on a terminal that no longer exists.
    private var terminalGone: Bool {
        var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&input, 1, 0) >= 0 else { return true }
        return input.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    private func special(_ code: Int32) -> KeyPress? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_RESIZE:
            shown = nil
            let (w, h) = size
            return .resize(width: w, height: h)
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            return .click(x: Int(event.x), y: Int(event.y))
        default:
            for n in 1...12 where code == qanat_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }
}
