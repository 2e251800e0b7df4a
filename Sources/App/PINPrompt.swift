import Foundation
import QanatChannel
import QanatCore
import QanatJournal
import QanatStore

/// A PIN typed without echo on a terminal, or one line from a pipe.
enum PINPrompt {
    static func read() throws(CLIError) -> String {
        let text: String?
        if isatty(STDIN_FILENO) == 1 {
            text = getpass("PIN: ").map { String(cString: $0) }
        } else {
            text = readLine(strippingNewline: true)
        }
        guard let text else { throw .usage("--pin: no PIN given") }
        do { return try PIN.check(text) } catch { throw .from(error) }
    }
}
