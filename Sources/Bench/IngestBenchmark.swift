import Foundation
import QanatCore
import QanatFixtures
import QanatJournal
import QanatStore

/// Ingest of N message events from a journal, each line held to its owner's authority, beside the
/// sqlite3 shell inserting the same rows (events, messages, their search-index rows and the
/// search vocabulary's counts, same schema and indexes) in one transaction.
struct IngestBenchmark {
    let directory: String
    let events: Int

    struct Outcome {
        var result: BenchResult
        var database: String
    }

    func run() throws -> Outcome {
        let journal = directory + "/gateway.jsonl"
        let sqlFile = directory + "/baseline.sql"
        try writeInputs(journal: journal, sql: sqlFile)

        // Baseline: the sqlite3 shell on an empty store with Qanat's schema.
        let baselineDB = directory + "/baseline.sqlite"
        _ = try SQLiteStore.create(path: baselineDB)
        let shellStart = monotonicNanoseconds()
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = [baselineDB]
        shell.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: sqlFile))
        try shell.run()
        shell.waitUntilExit()
        let shellSeconds = Double(monotonicNanoseconds() - shellStart) / 1e9
        guard shell.terminationStatus == 0 else { throw CocoaError(.executableLoad) }

        let database = directory + "/qanat.sqlite"
        let store = try SQLiteStore.create(path: database)
        // A store with members: every line is attributed to the journal's owner (this user, a
        // supervisor, so all pass) and meets the authority gate, as in a real set-up.
        let owner = UnixAccounts.userName(getuid())
        let at = Timestamp(millisecondsSinceEpoch: 0)
        try store.apply([
            Event(
                id: .make(at: at), at: at, agency: try AgencyCode("MOI"), officer: "bench", user: owner,
                payload: .memberAdded(
                    Member(key: MemberKey(user: owner), agency: try AgencyCode("MOI"), role: .supervisor)))
        ])
        let start = monotonicNanoseconds()
        let report = try JournalIngest(store: store, journalPath: journal).run(now: {
            Timestamp(millisecondsSinceEpoch: 0)
        })
        let seconds = Double(monotonicNanoseconds() - start) / 1e9
        guard report.ingested == events, report.authorityChecked else { throw CocoaError(.fileReadCorruptFile) }

        let ours = Double(events) / seconds
        let theirs = Double(events) / shellSeconds
        let ratio = ours / theirs
        return Outcome(
            result: BenchResult(
                what: "ingest \(events.formatted()) message events",
                figure: "\(formatRate(ours)) (\(String(format: "%.1f", seconds)) s)",
                baseline: "sqlite3 shell \(formatRate(theirs)) (\(String(format: "%.1f", shellSeconds)) s)",
                goal: "≥ 0.5 × baseline",
                verdict: String(format: "%.2f×", ratio) + (ratio >= 0.5 ? " met" : " MISSED")),
            database: database)
    }

    /// The journal, and the same rows as SQL for the shell.
    private func writeInputs(journal: String, sql: String) throws {
        guard FileManager.default.createFile(atPath: journal, contents: nil),
            FileManager.default.createFile(atPath: sql, contents: nil),
            let lines = FileHandle(forWritingAtPath: journal), let statements = FileHandle(forWritingAtPath: sql)
        else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer {
            lines.closeFile()
            statements.closeFile()
        }
        var lineBuffer: [UInt8] = []
        var sqlBuffer = "BEGIN;\n"
        try SyntheticTraffic.forEachMessage(count: events) { event in
            lineBuffer += EventCodec.encode(event, previousLineHash: nil)
            lineBuffer.append(0x0A)
            guard case .messagePosted(let m) = event.payload else { return }
            let subject = event.subjects[0].key
            sqlBuffer += """
                INSERT INTO events (id, at, type, agency, officer, user, subject, subject2, data) VALUES (\
                \(q(event.id.rawValue)), \(event.at.millisecondsSinceEpoch), \(q(event.type.rawValue)), \(q(event.agency.rawValue)), \
                \(q(event.officer)), NULL, \(q(subject)), NULL, \(q(EventCodec.encodeData(event.payload))));
                INSERT INTO messages (id, at, agency, officer, recipients, priority, channel, subject, body, incident, ack_required) VALUES (\
                \(q(event.id.rawValue)), \(event.at.millisecondsSinceEpoch), \(q(event.agency.rawValue)), \(q(event.officer)), \
                \(q(m.recipients.codes.joined(separator: ","))), \(q(m.priority.rawValue)), \(q(m.channel.rawValue)), NULL, \
                \(q(m.body)), NULL, 0);
                INSERT INTO search_index (kind, key, at, text) VALUES ('m', \(q(event.id.rawValue)), \(event.at.millisecondsSinceEpoch), \
                \(q(SearchText.indexed(m.body))));

                """

            if lineBuffer.count > 1 << 20 {
                try lines.write(contentsOf: lineBuffer)
                try statements.write(contentsOf: Data(sqlBuffer.utf8))
                lineBuffer.removeAll(keepingCapacity: true)
                sqlBuffer = ""
            }
        }
        // The vocabulary counted at the end, from FTS5's own: SQL's quickest way to the same rows.
        sqlBuffer += """
            CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, search_index, row);
            INSERT INTO search_words (word, rows) SELECT term, doc FROM temp.words;
            COMMIT;

            """
        try lines.write(contentsOf: lineBuffer)
        try statements.write(contentsOf: Data(sqlBuffer.utf8))
    }

    private func q(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
