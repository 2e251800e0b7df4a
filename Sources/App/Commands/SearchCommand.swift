import ArgumentParser
import Foundation
import QanatCore
import QanatStore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find incidents and messages by words, best match first.",
        discussion: """
            Arabic is matched across spellings (harakat, tatweel, hamza forms, ة/ه, ى/ي, the article) and place \
            names across scripts (Benghazi, Bengasi, بنغازي). Every word must begin a word of the text.
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "The words to find.") var words: [String]
    @Option(help: "At most this many results.", transform: wholeNumber) var limit: Int = 20
    @Flag(help: "One JSON object per line: {\"kind\":\"incident\",...} or {\"kind\":\"message\",...}.") var json = false

    func validate() throws {
        guard limit > 0 else { throw ArgumentParser.ValidationError("--limit must be at least 1") }
        guard !SearchQuery(words.joined(separator: " ")).words.isEmpty else {
            throw ArgumentParser.ValidationError("nothing to search: give at least one word of letters or digits")
        }
    }

    func run() throws {
        let opened: any StoreReader
        do { opened = try SQLiteStore.reader(at: store.databasePath) } catch { throw CLIError.from(error) }
        let hits: [SearchHit]
        let agencies: [AgencyCode]
        do {
            hits = try opened.search(SearchQuery(words.joined(separator: " ")), limit: limit)
            agencies = try opened.agencies().map(\.code)
        } catch { throw CLIError.from(error) }
        if hits.isEmpty, !json {
            // Said on standard error, so a script reading the hits reads none.
            FileHandle.standardError.write(
                Data("no incident or message matches '\(terminalSafe(words.joined(separator: " ")))'\n".utf8))
        }
        for hit in hits {
            switch hit {
            case .incident(let record):
                print(
                    json
                        ? jsonLine([.string("kind", "incident")] + record.json)
                        : "incident " + IncidentRecord.table.line(record.cells))
            case .message(let record):
                let listed = ListedMessage(record: record, agencies: agencies)
                print(
                    json
                        ? jsonLine([.string("kind", "message")] + listed.json)
                        : "message  " + ListedMessage.table.line(listed.cells))
            }
        }
    }
}
