import TOMLKit

/// A user's settings file that cannot be used, with where and why.
public struct PreferencesError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var reason: String

    public var description: String { "settings \(file): \(reason)" }
}

/// What a user's config file (`~/.config/qanat/config.toml`) sets; the command line overrides
/// it, and it overrides what the environment suggests, because environment variables rarely
/// cross SSH:
///
///     language = "ar"          # ar or en
///     bidi = "terminal"        # app, terminal or auto
///     digits = "arabic-indic"  # western or arabic-indic
///     theme = "high-contrast"
///     bell = false             # no terminal bell for flash messages and new extreme incidents
public struct Preferences: Equatable, Sendable {
    public var language: Language?
    /// nil: auto.
    public var bidi: BidiMode?
    public var digits: DigitStyle?
    public var theme: String?
    /// nil: the bell rings.
    public var bell: Bool?

    public init(language: Language? = nil, bidi: BidiMode? = nil, digits: DigitStyle? = nil, theme: String? = nil) {
        self.language = language
        self.bidi = bidi
        self.digits = digits
        self.theme = theme
    }

    /// Reads the file's text; unknown keys and values are refused, naming them and what is allowed.
    public static func parse(toml text: String, file: String) throws(PreferencesError) -> Preferences {
        let table: TOMLTable
        do {
            table = try TOMLFile.table(text)
            try TOMLFile.refuseUnknownKeys(
                table, allowed: ["language", "bidi", "digits", "theme", "bell"], noun: "setting")
        } catch { throw PreferencesError(file: file, reason: error.reason) }
        func value<T>(_ key: String, _ parse: (String) -> T?, allowed: [String]) throws(PreferencesError) -> T? {
            guard let entry = table[key] else { return nil }
            guard let text = entry.string, let parsed = parse(text) else {
                throw PreferencesError(
                    file: file, reason: "\(key): \(entry) is not one of: \(allowed.joined(separator: ", "))")
            }
            return parsed
        }
        var preferences = Preferences()
        preferences.language = try value(
            "language", Language.init(rawValue:), allowed: Language.allCases.map(\.rawValue))
        let bidi: BidiMode?? = try value(
            "bidi", { $0 == "auto" ? .some(nil) : BidiMode(rawValue: $0).map { .some($0) } },
            allowed: BidiMode.allCases.map(\.rawValue) + ["auto"])
        preferences.bidi = bidi ?? nil
        preferences.digits = try value(
            "digits", DigitStyle.init(rawValue:), allowed: DigitStyle.allCases.map(\.rawValue))
        preferences.theme = try value("theme", { $0 }, allowed: ["a theme's name"])
        if let entry = table["bell"] {
            guard let on = entry.bool else {
                throw PreferencesError(file: file, reason: "bell: \(entry) is not one of: true, false")
            }
            preferences.bell = on
        }
        return preferences
    }
}

extension BidiMode {
    /// `--bidi auto`: who orders right-to-left text in the terminal the environment names, and why.
    /// Terminals that obey ECMA-48's explicit mode (`CSI 8 l`) — VTE 0.58 and later (GNOME
    /// Terminal, Tilix), mintty — and terminals that do no bidi at all (xterm, tmux, Windows
    /// Terminal, kitty, alacritty) get `app`; terminals that reorder lines themselves — Konsole,
    /// mlterm, PuTTY, macOS Terminal — get `terminal`. tmux comes first: it draws its own grid, so
    /// the terminal around it sees no text to reorder.
    public static func detect(environment env: [String: String]) -> (mode: BidiMode, reason: String) {
        let term = env["TERM"] ?? ""
        let program = env["TERM_PROGRAM"] ?? ""
        if env["TMUX"] != nil || term.hasPrefix("tmux") { return (.app, "tmux does no bidi") }
        if let vte = env["VTE_VERSION"].flatMap(Int.init) {
            return (.app, vte >= 5800 ? "VTE \(vte) obeys explicit mode" : "VTE \(vte) does no bidi")
        }
        if program == "mintty" || term.hasPrefix("mintty") { return (.app, "mintty obeys explicit mode") }
        if env["KONSOLE_VERSION"] != nil { return (.terminal, "Konsole reorders lines itself") }
        if term.hasPrefix("mlterm") || env["MLTERM"] != nil { return (.terminal, "mlterm reorders lines itself") }
        if term.hasPrefix("putty") { return (.terminal, "PuTTY reorders lines itself") }
        if program == "Apple_Terminal" { return (.terminal, "macOS Terminal reorders lines itself") }
        return (.app, term.isEmpty ? "no terminal named: Qanat orders the text" : "\(term) does no bidi")
    }
}
