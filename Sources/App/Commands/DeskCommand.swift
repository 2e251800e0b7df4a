import ArgumentParser
import CLinux
import Foundation
import QanatChannel
import QanatCore
import QanatDesk
import QanatStore
import QanatTerminal
import QanatUI

struct DeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "desk",
        abstract: "The full-screen desk: live incident, unit and log boards (what a bare `qanat` runs).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var officer: OfficerOptions
    @Option(
        help: ArgumentHelp(
            "The agency this desk acts for (env QANAT_AGENCY; default: your member entry's agency, else MOI).",
            discussion:
                "On a shared duty account the agency is the one the officer signs on for. An unknown agency is refused (exit 2); one your role may not act for, too (exit 4): an operator acts for their own agency only."
        )) var agency: String?
    @OptionGroup var display: DisplayOptions
    @Option(help: "Join the exercise in DIR (its qanat.sqlite and this user's journal there), whatever QANAT_DB says.")
    var exercise: String?

    func run() throws {
        try Self.runDesk(
            store: try exercise.map(StoreOptions.exercise) ?? store, officer: officer.officerName, agency: agency,
            display: display)
    }

    /// Starts curses and runs the desk until the officer quits.
    static func runDesk(store: StoreOptions, officer: String, agency: String?, display: DisplayOptions) throws {
        try store.requireStore()
        let opened = try? SQLiteStore.reader(at: store.databasePath)
        if let opened {
            do { try WriteSession.checkJournal(store.journalPath, for: opened) } catch { throw CLIError.from(error) }
        }
        let code = try deskAgency(agency, officer: officer, store: opened)
        let settings = try display.resolve()
        // A dropped SSH link or a closed window hangs up the terminal: instead of dying at once,
        // the desk sees the hang-up as a key and ends itself, keeping unsent text as a draft.
        signal(SIGHUP, SIG_IGN)
        Interrupt.install()
        // On a shared account the desk holds the key that seals a signed-on officer's lines: no other
        // process of the account may read it from this one's memory.
        guard qanat_forbid_dumps() == 0 else {
            throw CLIError.storeUnavailable(
                "the desk could not keep its memory to itself: \(String(cString: strerror(errno)))")
        }
        let screen: TerminalScreen
        let chosen = try ThemeLoader.load(settings.theme)
        // Without a terminal curses reads end-of-file forever (it spun at 98 % of a core).
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CLIError.usage(
                "the desk needs a terminal on standard input and output (over SSH: `ssh -t`); for scripts use `qanat list` or `qanat post`"
            )
        }
        do { screen = try TerminalScreen(theme: chosen, explicitBidi: settings.bidi == .app) } catch {
            throw CLIError.usage("\(error)")
        }
        defer { screen.close() }
        let state = DeskState(
            width: screen.size.width, height: screen.size.height, language: settings.language,
            officer: officer, agency: code, now: Clock.now(), bidi: settings.bidi, digits: settings.digits)
        var loop = DeskLoop(
            storePath: store.databasePath, journal: store.journalTarget,
            draftsDirectory: StoreOptions.dataDirectory + "/drafts",
            screen: screen, state: state, ringsBell: settings.bell)
        loop.run()
    }

    /// The agency the desk acts for, chosen as the command line chooses it (the option, else
    /// `QANAT_AGENCY`, else the member's own agency), and refused at start rather than on every
    /// write: an unknown agency exits 2, one the member may not act for exits 4. A non-member or a
    /// viewer gets the read-only desk whatever it names. Without a readable store only the code's
    /// form can be checked; the desk says the store is offline.
    static func deskAgency(_ option: String?, officer: String, store: (any StoreReader)?) throws -> AgencyCode {
        let actor = try? store?.actor(user: UnixUser.current, officer: officer, pinProven: false)
        let chosen = actingAgency(option, member: actor?.member)
        do {
            guard let context = try? store?.writeContext() else { return try AgencyCode(chosen, field: "agency") }
            let code = try context.knownAgency(chosen, field: "agency")
            // A shared duty account's agency is chosen at sign-on, where the same rule is met.
            if let actor, let role = actor.role, role >= .operator, actor.member?.shared != true {
                try Authority.mayActFor(code, by: actor)
            }
            return code
        } catch {
            throw CLIError.fromDomain(error)
        }
    }
}
