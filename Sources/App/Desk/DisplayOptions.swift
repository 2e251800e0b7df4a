import ArgumentParser
import Foundation
import QanatUI

/// How the desk speaks and draws: from the command line, else the user's config file, else the
/// environment (LANG for the language, the terminal's variables for bidi).
struct DisplayOptions: ParsableArguments {
    @Option(help: "The interface's language (default: the config file, else LANG).") var lang: Language?
    @Option(
        help: ArgumentHelp(
            "Who orders Arabic text (default: the config file, else auto).",
            discussion:
                "app: Qanat reorders and shapes it and mirrors the layout; terminal: for terminals that do bidi themselves."
        ))
    var bidi: BidiChoice?
    @Option(help: "Digits in the Arabic interface (default: the config file, else western).")
    var digits: DigitStyle?
    @Option(
        help:
            "\(Theme.builtInNames.joined(separator: ", ")), or a theme file's path (Themes/; NO_COLOR gives monochrome)."
    )
    var theme: String?

    /// What the settings come to, with why bidi is what it is.
    struct Resolved {
        var language: Language
        var bidi: BidiMode
        var bidiReason: String
        var digits: DigitStyle
        var theme: String
        var bell = true
    }

    /// `defaultTheme`: the wall's is high-contrast whatever the desk's config file says.
    func resolve(
        environment env: [String: String] = ProcessInfo.processInfo.environment,
        defaultTheme: String? = nil
    ) throws(CLIError) -> Resolved {
        let file = try Self.preferences(environment: env)
        let language = lang ?? file.language ?? Self.languageFromLocale(env)
        let chosenBidi: BidiMode?? = bidi.map(\.mode)
        let detected = BidiMode.detect(environment: env)
        let (mode, reason): (BidiMode, String) =
            switch (chosenBidi, file.bidi) {
            case (.some(.some(let mode)), _): (mode, "--bidi \(mode.rawValue)")
            case (.some(.none), _): detected
            case (.none, .some(let mode)): (mode, "config file")
            case (.none, .none): detected
            }
        let digits = digits ?? file.digits ?? .western
        return Resolved(
            language: language, bidi: mode, bidiReason: reason, digits: digits,
            theme: theme ?? defaultTheme ?? file.theme ?? "default", bell: file.bell ?? true)
    }

    static func languageFromLocale(_ env: [String: String]) -> Language {
        let locale = [env["LC_ALL"], env["LC_MESSAGES"], env["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        return locale.hasPrefix("ar") ? .ar : .en
    }

    /// `$QANAT_CONFIG`, else `$XDG_CONFIG_HOME/qanat/config.toml`, else `~/.config/qanat/config.toml`.
    static func configPath(_ env: [String: String]) -> String? {
        if let explicit = env["QANAT_CONFIG"], !explicit.isEmpty { return explicit }
        if let xdg = env["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/qanat/config.toml" }
        return env["HOME"].map { $0 + "/.config/qanat/config.toml" }
    }

    /// The config file's settings; none when there is no file. A file that is there but wrong
    /// stops the desk with what is wrong, rather than starting it in a language nobody chose.
    static func preferences(environment env: [String: String]) throws(CLIError) -> Preferences {
        guard let path = configPath(env), FileManager.default.fileExists(atPath: path) else { return Preferences() }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CLIError.badData("settings \(path): cannot be read as UTF-8 text")
        }
        do { return try Preferences.parse(toml: text, file: path) } catch { throw CLIError.badData(error.description) }
    }
}
