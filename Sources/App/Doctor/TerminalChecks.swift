import Foundation
import QanatUI

/// What the desk will find in this terminal: a UTF-8 locale, the size, colours, who orders
/// Arabic text and why.
enum TerminalChecks {
    static func findings(display: DisplayOptions, environment env: [String: String]) -> [Finding] {
        var findings: [Finding] = []
        let locale = [env["LC_ALL"], env["LC_CTYPE"], env["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? "C"
        if locale.lowercased().contains("utf-8") || locale.lowercased().contains("utf8") {
            findings.append(.ok("locale", locale))
        } else {
            findings.append(
                Finding(
                    level: .warn, subject: "locale", detail: "\(locale) is not UTF-8: Arabic would come out blank",
                    fix: "export LANG=C.UTF-8 (or ar_LY.UTF-8), and SendEnv LANG over SSH"))
        }
        guard isatty(STDOUT_FILENO) == 1 else {
            findings.append(
                Finding(
                    level: .warn, subject: "terminal",
                    detail: "standard output is not a terminal: size and colours not checked",
                    fix: "run `qanat doctor` in the terminal the desk will use"))
            return findings
        }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 {
            let detail = "\(size.ws_col)×\(size.ws_row), TERM=\(env["TERM"] ?? "(unset)")"
            findings.append(
                size.ws_col >= 80 && size.ws_row >= 24
                    ? .ok("terminal", detail)
                    : Finding(
                        level: .warn, subject: "terminal", detail: detail + ": smaller than 80×24",
                        fix: "enlarge the window"))
        }
        let colours = Int(run("/usr/bin/tput", ["colors"]) ?? "") ?? 0
        if env["NO_COLOR"].map({ !$0.isEmpty }) ?? false {
            findings.append(.ok("colours", "NO_COLOR is set: monochrome"))
        } else if colours >= 8 {
            findings.append(.ok("colours", "\(colours)"))
        } else {
            findings.append(
                Finding(
                    level: .warn, subject: "colours",
                    detail: "\(colours): severities and priorities show by attribute only",
                    fix: "use a TERM with colours (xterm-256color, screen-256color) or --theme monochrome"))
        }
        if let resolved = try? display.resolve(environment: env) {
            findings.append(
                .ok(
                    "bidi", "\(resolved.bidi.rawValue) (\(resolved.bidiReason)); language \(resolved.language.rawValue)"
                ))
        }
        return findings
    }

    /// The themes the desk and the wall will start with: each must load, from a file or built in.
    static func themeFindings(display: DisplayOptions, environment env: [String: String]) -> [Finding] {
        var findings: [Finding] = []
        for (screen, fallback) in [("desk", nil), ("wall", "high-contrast")] as [(String, String?)] {
            guard let name = try? display.resolve(environment: env, defaultTheme: fallback).theme else { continue }
            do {
                _ = try ThemeLoader.load(name)
                findings.append(.ok("theme", "\(screen): \(name) (\(ThemeLoader.source(of: name) ?? "built in"))"))
            } catch {
                findings.append(
                    Finding(
                        level: .fail, subject: "theme", detail: "\(screen): \(error)",
                        fix: "--theme with one of: \(Theme.builtInNames.joined(separator: ", ")), or fix the file"))
            }
        }
        return findings
    }

    /// A short command's standard output, trimmed; nil when it cannot run.
    private static func run(_ tool: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
