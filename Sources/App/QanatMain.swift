import ArgumentParser
import Foundation
import QanatText

/// Text for the terminal from a command: what a user or a file gave may hold escape sequences,
/// so each line is neutralised as the desk neutralises it (an error message quotes the value).
func terminalSafe(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { UntrustedText.sanitized(String($0)) }.joined(
        separator: "\n")
}

/// The entry point. Exit codes are part of the interface (`CLIError.exitCode`): 0 done, 1 usage,
/// 2 bad data, 3 store unavailable (an event, if any, is kept in the journal), 4 refused by the
/// member's role, 5 no store at the path.
@main
enum QanatMain {
    static func main() async {
        // Past a file-size limit a write fails with EFBIG and the journal is cut back, instead of
        // the process dying with a line half written.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try Qanat.parseAsRoot(negativeNumbersAsValues(Array(CommandLine.arguments.dropFirst())))
            AppLog.start(command: command)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit(0)
        } catch let error as CLIError {
            AppLog.failure(error)
            FileHandle.standardError.write(Data(("qanat: " + terminalSafe(error.description) + "\n").utf8))
            exit(error.exitCode)
        } catch {
            if let hint = Qanat.suggestion(for: Array(CommandLine.arguments.dropFirst())) {
                FileHandle.standardError.write(Data(("qanat: " + hint + "\n").utf8))
                exit(1)
            }
            let code = Qanat.exitCode(for: error)
            let message = Qanat.fullMessage(for: error)
            if code == .success {
                print(message)
                exit(0)
            }
            FileHandle.standardError.write(Data((terminalSafe(message) + "\n").utf8))
            exit(code == .validationFailure ? 1 : code.rawValue)
        }
    }
}
