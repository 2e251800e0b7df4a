/// One key binding: what `?` lists and, when it can run from anywhere, what `:` offers.
struct DeskCommand {
    let keys: String
    let text: UIText
    /// The keys the palette replays to run it; nil for keys that act on a place (moving, Enter).
    let run: [KeyPress]?
}

/// Every binding, in one list, so that the help and the palette never disagree.
enum DeskCommands {
    static let all: [DeskCommand] = [
        DeskCommand(keys: "?", text: .keyHelp, run: [.character("?")]),
        DeskCommand(keys: "q", text: .keyQuit, run: [.character("q")]),
        DeskCommand(keys: "F2 F3 F4 / 1 2 3", text: .keyBoards, run: nil),
        DeskCommand(keys: "↑ ↓ j k PgUp PgDn", text: .keyMove, run: nil),
        DeskCommand(keys: "Home g / End G", text: .keyFirstLast, run: nil),
        DeskCommand(keys: "Enter", text: .keyDetails, run: nil),
        DeskCommand(keys: "Esc", text: .keyBack, run: nil),
        DeskCommand(keys: "Tab", text: .keyTabDetail, run: nil),
        DeskCommand(keys: "Tab j k Home End", text: .keyScroll, run: nil),
        DeskCommand(keys: "m", text: .keyPost, run: [.character("m")]),
        DeskCommand(keys: "o", text: .keyOpen, run: [.character("o")]),
        DeskCommand(keys: "s", text: .keyStatus, run: [.character("s")]),
        DeskCommand(keys: "a", text: .keyAssignOrAcknowledge, run: [.character("a")]),
        DeskCommand(keys: "r", text: .keyReply, run: nil),
        DeskCommand(keys: "!", text: .keyOpenAlert, run: [.character("!")]),
        DeskCommand(keys: "f", text: .keyFilter, run: [.function(2), .character("f")]),
        DeskCommand(keys: "S", text: .keySort, run: [.function(2), .character("S")]),
        DeskCommand(keys: "g", text: .keyGroup, run: [.function(3), .character("g")]),
        DeskCommand(keys: "f", text: .keyLogFilter, run: [.function(4), .character("f")]),
        DeskCommand(keys: "u", text: .keyFilterOpen, run: [.function(4), .character("u")]),
        DeskCommand(keys: "L", text: .keyLanguage, run: [.character("L")]),
        DeskCommand(keys: "/", text: .keySearch, run: [.character("/")]),
        DeskCommand(keys: ":", text: .keyPalette, run: nil),
        DeskCommand(keys: "H", text: .keyHandover, run: [.character("H")]),
    ]
}
