import Foundation
import QanatCore

/// The floor for a search: the sqlite3 shell on the same store and index, asked the same words
/// as plain FTS5 prefix terms (`"word"*`, all of them) for the newest 2,000 matches, unranked,
/// timed by the shell itself (`.timer on`), twenty times.
struct ShellSearch {
    let database: String

    func time(_ text: String) throws -> Percentiles {
        let terms = SearchQuery(text).words.map { "\"\($0)\"*" }.joined(separator: " AND ")
        let query =
            "SELECT count(*) FROM (SELECT rowid FROM search_index WHERE search_index MATCH '\(terms)' ORDER BY rowid DESC LIMIT 2000);\n"
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = ["-readonly", database]
        let input = Pipe()
        let output = Pipe()
        shell.standardInput = input
        shell.standardOutput = output
        try shell.run()
        input.fileHandleForWriting.write(Data((".timer on\n" + String(repeating: query, count: 20)).utf8))
        input.fileHandleForWriting.closeFile()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        // "Run Time: real 0.062 user 0.018528 sys 0.034820"
        let samples = printed.split(separator: "\n").compactMap { line -> Double? in
            guard line.hasPrefix("Run Time: real ") else { return nil }
            return line.split(separator: " ").dropFirst(3).first.flatMap { Double($0) }.map { $0 * 1000 }
        }
        guard samples.count == 20 else { throw CocoaError(.executableLoad) }
        return Percentiles(samples)
    }
}
