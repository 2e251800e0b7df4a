import Foundation
import QanatUI

/// Finds a theme by name: a file on the search path (Themes/README.md lists where), else the
/// copy built into the binary, so that a binary copied anywhere has every theme.
enum ThemeLoader {
    static var searchPath: [String] {
        let env = ProcessInfo.processInfo.environment
        var directories: [String] = []
        if let themes = env["QANAT_THEMES"], !themes.isEmpty { directories.append(themes) }
        directories.append(FileManager.default.currentDirectoryPath + "/Themes")
        // A build's binary sits at <checkout>/.build/<triple>/<configuration>/qanat.
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        directories.append(
            binary.deletingLastPathComponent().appendingPathComponent("../../../Themes").standardizedFileURL.path)
        let config =
            env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (env["HOME"] ?? NSHomeDirectory()) + "/.config"
        directories += [config + "/qanat/themes", "/usr/local/share/qanat/themes", "/usr/share/qanat/themes"]
        return directories
    }

    /// Where `name` comes from: a file's path, or "built in".
    static func source(of name: String) -> String? {
        file(for: name) ?? (Theme.builtInNames.contains(name) ? "built in" : nil)
    }

    /// The first readable file for `name` on the search path.
    private static func file(for name: String) -> String? {
        searchPath.map { $0 + "/" + name + ".toml" }.first { FileManager.default.isReadableFile(atPath: $0) }
    }

    static func load(_ name: String) throws(CLIError) -> Theme {
        if let file = file(for: name), let text = try? String(contentsOfFile: file, encoding: .utf8) {
            do { return try Theme.parse(toml: text, name: name, file: file) } catch {
                throw CLIError.badData(error.description)
            }
        }
        do {
            if let builtIn = try Theme.builtIn(name) { return builtIn }
        } catch { throw CLIError.badData(error.description) }
        let available = Set(
            searchPath.flatMap { directory in
                ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                    .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }
            } + Theme.builtInNames
        ).sorted()
        throw CLIError.usage("--theme: no theme '\(name)'; themes: \(available.joined(separator: ", "))")
    }
}
