import ArgumentParser
import Foundation
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
    @Option(help: "ar or en (default: from LANG).") var lang: String?
    @Option(help: "default, light, high-contrast, monochrome or colour-blind (Themes/; NO_COLOR gives monochrome).")
    var theme: String = "default"

    func run() throws {
        try Self.runDesk(store: store, officer: officer.officerName, agency: agency, lang: lang, theme: theme)
    }

    /// Starts curses and runs the desk until the officer quits; `alongside` runs meanwhile.
    static func runDesk(store: StoreOptions, officer: String, agency: String?, lang: String?, theme: String) throws {
        let code: AgencyCode
        do { code = try AgencyCode(actingAgency(agency), field: "agency") } catch { throw CLIError.from(error) }
        let language = try Self.language(lang)
        let screen: TerminalScreen
        let chosen = try ThemeLoader.load(theme)
        do { screen = try TerminalScreen(theme: chosen) } catch {
            throw CLIError.usage("\(error)")
        }
        defer { screen.close() }
        var loop = DeskLoop(options: store, screen: screen, state: DeskState(
            width: screen.size.width, height: screen.size.height, language: language,
            officer: officer, agency: code, now: Clock.now()))
        loop.run()
    }

    static func language(_ option: String?) throws -> Language {
        if let option {
            guard let language = Language(rawValue: option) else { throw CLIError.usage("--lang: '\(option)' is not one of: ar, en") }
            return language
        }
        let env = ProcessInfo.processInfo.environment
        let locale = env["LC_ALL"] ?? env["LC_MESSAGES"] ?? env["LANG"] ?? ""
        return locale.hasPrefix("ar") ? .ar : .en
    }
}
