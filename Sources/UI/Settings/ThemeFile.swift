import TOMLKit

/// A theme file that cannot be used, with where and why.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var reason: String

    public var description: String { "theme \(file): \(reason)" }
}

extension Theme {
    /// Reads a theme from TOML:
    ///
    ///     [roles]
    ///     header = { fg = "cyan", bold = true, underline = true }
    ///     timerWarning = { fg = 214, fg8 = "yellow", bold = true }
    ///
    /// Colours are names (`red`, `bright-red`) or 0–255 with an 8-colour fallback (`fg8`, `bg8`).
    /// Roles not named look plain. Unknown roles and keys are refused, naming them.
    public static func parse(toml text: String, name: String, file: String) throws(ThemeError) -> Theme {
        let table: TOMLTable
        let roles: TOMLTable
        do {
            table = try TOMLFile.table(text)
            guard let found = table["roles"]?.table else { throw ThemeError(file: file, reason: "no [roles] table") }
            roles = found
            try TOMLFile.refuseUnknownKeys(roles, allowed: StyleRole.allCases.map(\.rawValue), noun: "role")
        } catch let problem as TOMLFile.Problem {
            throw ThemeError(file: file, reason: problem.reason)
        } catch let error as ThemeError { throw error } catch { throw ThemeError(file: file, reason: "\(error)") }
        var styles: [StyleRole: CellStyle] = [:]
        for key in roles.keys {
            guard let role = StyleRole(rawValue: key) else { continue }
            guard let entry = roles[key]?.table else {
                throw ThemeError(file: file, reason: "\(key): expected an inline table")
            }
            styles[role] = try style(entry, role: key, file: file)
        }
        return Theme(name: name, styles: styles)
    }

    private static let styleKeys = ["fg", "bg", "fg8", "bg8", "bold", "dim", "reverse", "underline"]

    private static func style(_ entry: TOMLTable, role: String, file: String) throws(ThemeError) -> CellStyle {
        do { try TOMLFile.refuseUnknownKeys(entry, allowed: styleKeys, at: role) } catch {
            throw ThemeError(file: file, reason: error.reason)
        }
        func flag(_ key: String) throws(ThemeError) -> Bool {
            guard let value = entry[key] else { return false }
            guard let bool = value.bool else {
                throw ThemeError(file: file, reason: "\(role).\(key): expected true or false")
            }
            return bool
        }
        func colour(_ key: String) throws(ThemeError) -> ThemeColor? {
            guard let value = entry[key] else { return nil }
            if let name = value.string {
                guard let colour = ThemeColor(name: name) else {
                    throw ThemeError(
                        file: file,
                        reason:
                            "\(role).\(key): '\(name)' is not one of \(ThemeColor.names.joined(separator: ", ")) (or bright-NAME, or 0-255)"
                    )
                }
                return colour
            }
            guard let index = value.int, (0...255).contains(index) else {
                throw ThemeError(file: file, reason: "\(role).\(key): expected a colour name or 0-255")
            }
            var fallback = index < 16 ? index % 8 : 7
            if let name = entry[key + "8"]?.string {
                guard let base = ThemeColor(name: name), base.index < 8 else {
                    throw ThemeError(
                        file: file,
                        reason: "\(role).\(key)8: '\(name)' is not one of \(ThemeColor.names.joined(separator: ", "))")
                }
                fallback = base.index
            }
            return ThemeColor(index: index, fallback: fallback)
        }
        return CellStyle(
            foreground: try colour("fg"), background: try colour("bg"), bold: try flag("bold"),
            dim: try flag("dim"), reverse: try flag("reverse"), underline: try flag("underline"))
    }
}

extension Theme {
    /// The names of the themes built into the binary.
    public static var builtInNames: [String] { BuiltInThemes.files.keys.sorted() }

    /// A theme built into the binary (every file of Themes/ as it was built), if there is one by that name.
    public static func builtIn(_ name: String) throws(ThemeError) -> Theme? {
        guard let text = BuiltInThemes.files[name] else { return nil }
        return try parse(toml: text, name: name, file: "(built in) \(name).toml")
    }
}
