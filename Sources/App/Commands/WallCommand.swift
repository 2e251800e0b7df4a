import ArgumentParser
import Foundation
import QanatChannel
import QanatCore
import QanatDesk
import QanatTerminal
import QanatUI

struct WallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wall",
        abstract:
            "The control room's wall display: read-only; large counters and clock, flash messages, rotating boards.",
        discussion: """
            It opens the store read-only and never writes, whatever is typed: `q` quits, and nothing does with --locked \
            (end it with a signal). A user who may only read the store's file and directory can run it (see the README).
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var display: DisplayOptions
    @Option(
        help: "Seconds each page (incidents, units, log, coverage, risks, performance, map) stays up (1-3600).",
        transform: wholeNumber) var rotate =
        15
    @Option(
        help: "Seconds without a change in the store before a stale-data banner (1-604800).", transform: wholeNumber)
    var staleAfter = 600
    @Flag(help: "No key quits.") var locked = false
    @Option(help: "Show the exercise in DIR (its qanat.sqlite), whatever QANAT_DB says.") var exercise: String?

    func validate() throws {
        // Bounded: a huge value would overflow the times the wall adds it to.
        guard (1...3600).contains(rotate), (1...604_800).contains(staleAfter) else {
            throw ArgumentParser.ValidationError("--rotate is 1 to 3600 seconds, --stale-after 1 to 604800")
        }
    }

    func run() throws {
        // Only `q` ends a wall (nothing, locked): not Ctrl-C, Ctrl-\ or Ctrl-Z from a keyboard left on it.
        for signal in [SIGINT, SIGQUIT, SIGTSTP] { Foundation.signal(signal, SIG_IGN) }
        let store = try exercise.map(StoreOptions.exercise) ?? store
        try store.requireStore()
        let settings = try display.resolve(defaultTheme: "high-contrast")
        let theme = try ThemeLoader.load(settings.theme)
        let screen: TerminalScreen
        do { screen = try TerminalScreen(theme: theme, explicitBidi: settings.bidi == .app) } catch {
            throw CLIError.usage("\(error)")
        }
        defer { screen.close() }
        var state = WallState(
            width: screen.size.width, height: screen.size.height, language: settings.language, now: Clock.now(),
            rotationSeconds: rotate, staleAfterSeconds: staleAfter)
        state.bidi = settings.bidi
        state.digits = settings.digits
        state.locked = locked
        var loop = WallLoop(path: store.databasePath, screen: screen, state: state)
        loop.run()
    }
}
