import Foundation
import QanatUI

/// Finds a theme file by name (Themes/README.md lists where), falling back to the built-in
/// `default` and `monochrome` when no file is found for them.
enum ThemeLoader {
    static var searchPath: [String] {
        var directories: [String] = []
        if let env = ProcessInfo.processInfo.environment["QANAT_THEMES"], !env.isEmpty { directories.append(env) }
        directories.append(FileManager.default.currentDirectoryPath + "/Themes")
        // A build's binary sits at <checkout>/.build/<triple>/<configuration>/qanat.
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        directories.append(binary.deletingLastPathComponent().appendingPathComponent("../../../Themes").standardizedFileURL.path)
        directories += ["/usr/local/share/qanat/themes", "/usr/share/qanat/themes"]
        return directories
    }

    static func load(_ name: String) throws(CLIError) -> Theme {
        for directory in searchPath {
            let file = directory + "/" + name + ".toml"
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            do { return try Theme.parse(toml: text, name: name, file: file) } catch { throw CLIError.badData(error.description) }
        }
        switch name {
        case "default": return .dark
        case "monochrome": return .monochrome
        default:
            let available = Set(searchPath.flatMap { directory in
                ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                    .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }
            } + ["default", "monochrome"]).sorted()
            throw CLIError.usage("--theme: no theme '\(name)'; themes: \(available.joined(separator: ", "))")
        }
    }
}
