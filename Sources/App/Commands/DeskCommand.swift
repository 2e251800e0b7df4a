import ArgumentParser
import Foundation
import QanatChannel
import QanatCore
import QanatStore
import QanatTerminal
import QanatUI

struct DeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "desk", abstract: "The full-screen desk: live incident, unit and log boards (what a bare `qanat` runs).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var officer: OfficerOptions
    @Option(help: "This desk's agency (env QANAT_AGENCY; default MOI).") var agency: String?
    @OptionGroup var display: DisplayOptions
    @Option(help: "Join the exercise in DIR (its qanat.sqlite and this user's journal there), whatever QANAT_DB says.") var exercise: String?

    func run() throws {
        try Self.runDesk(store: try exercise.map(StoreOptions.exercise) ?? store, officer: officer.officerName, agency: agency, display: display)
    }

    /// Starts curses and runs the desk until the officer quits.
    static func runDesk(store: StoreOptions, officer: String, agency: String?, display: DisplayOptions) throws {
        let code: AgencyCode
        do { code = try AgencyCode(actingAgency(agency), field: "agency") } catch { throw CLIError.from(error) }
        try store.requireStore()
        if let opened = try? SQLiteStore(path: store.databasePath, options: .init(readOnly: true)) { try store.checkExerciseJournal(opened) }
        let settings = try display.resolve()
        // A dropped SSH link or a closed window hangs up the terminal: instead of dying at once,
        // the desk sees the hang-up as a key and ends itself, keeping unsent text as a draft.
        signal(SIGHUP, SIG_IGN)
        Interrupt.install()
        let screen: TerminalScreen
        let chosen = try ThemeLoader.load(settings.theme)
        // Without a terminal curses reads end-of-file forever (it spun at 98 % of a core).
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CLIError.usage("the desk needs a terminal on standard input and output (over SSH: `ssh -t`); for scripts use `qanat list` or `qanat post`")
        }
        do { screen = try TerminalScreen(theme: chosen, explicitBidi: settings.bidi == .app) } catch {
            throw CLIError.usage("\(error)")
        }
        defer { screen.close() }
        var state = DeskState(width: screen.size.width, height: screen.size.height, language: settings.language,
                              officer: officer, agency: code, now: Clock.now())
        state.bidi = settings.bidi
        state.digits = settings.digits
        var loop = DeskLoop(options: store, screen: screen, state: state)
        loop.ringsBell = settings.bell
        loop.run()
    }
}
