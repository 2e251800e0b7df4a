import QanatJournal

/// One thing `qanat doctor` looked at: how it stands, and what to do when it is not right.
struct Finding {
    enum Level: String { case ok, warn, fail }

    var level: Level
    var subject: String
    var detail: String
    var fix: String?

    static func ok(_ subject: String, _ detail: String) -> Finding {
        Finding(level: .ok, subject: subject, detail: detail)
    }

    var json: [JSONWriter.Member] {
        [
            .string("severity", level.rawValue), .string("subject", subject), .string("detail", detail),
            .optionalString("fix", fix),
        ]
    }

    var lines: [String] {
        let head =
            "\(level.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0)) \(subject.padding(toLength: 10, withPad: " ", startingAt: 0)) \(detail)"
        // Paths come from whoever named a file in journals/: shown, never obeyed by the terminal.
        return ([head] + (fix.map { ["                 fix: \($0)"] } ?? [])).map(terminalSafe)
    }
}
