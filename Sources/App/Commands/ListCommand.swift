import ArgumentParser
import QanatCore
import QanatStore
import QanatUI

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract:
            "List incidents, units or messages, or the values a field takes (agencies, areas, types, kinds), as a table or JSON lines."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case incidents, units, messages
        /// What the fields take: the agencies on the channel, the gazetteer, incident types, unit kinds.
        case agencies, areas, types, kinds
    }

    @OptionGroup var store: StoreOptions
    @Argument(help: "incidents, units, messages; or agencies, areas, types, kinds (the values those fields take).")
    var kind: Kind
    @Flag(help: "Every row (read in pages: memory stays flat).") var all = false
    @Option(help: "How many rows (the newest, for incidents and messages).", transform: wholeNumber) var limit: Int = 50
    @Flag(help: "Only incidents that are not closed.") var open = false
    @Flag(help: "One JSON object per line.") var json = false

    func validate() throws {
        guard limit > 0 else { throw ArgumentParser.ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let opened: any StoreReader
        do { opened = try SQLiteStore.reader(at: store.databasePath) } catch { throw CLIError.from(error) }
        do {
            switch kind {
            case .incidents:
                try printPages(IncidentRecord.self) { (key: PageKey?, size) throws(StoreError) in
                    // Without --all: the newest, shown oldest first; with --all: everything, oldest first.
                    let page = try opened.incidents(
                        openOnly: open, limit: size, after: key,
                        direction: all ? .oldestFirst : .newestFirst)
                    return (
                        all ? page : page.reversed(),
                        page.last.map {
                            PageKey(
                                time: $0.incident.openedAt.millisecondsSinceEpoch, id: $0.incident.reference.rawValue)
                        }
                    )
                }
            case .units:
                try printPages(UnitRecord.self) { (key: String?, size) throws(StoreError) in
                    let page = try opened.units(limit: size, after: key)
                    return (page, page.last?.unit.callSign.rawValue)
                }
            case .agencies:
                try printAll(try opened.agencies().map(ListedValue.agency))
            case .areas:
                try printAll(Gazetteer.libya.areas.map(ListedValue.area))
            case .types:
                try printAll(IncidentType.allCases.map { ListedValue.named($0.rawValue, $0.translations) })
            case .kinds:
                try printAll(UnitKind.allCases.map { ListedValue.named($0.rawValue, $0.translations) })
            case .messages:
                let agencies = try opened.agencies().map(\.code)
                try printPages(ListedMessage.self) { (key: PageKey?, size) throws(StoreError) in
                    let page = try opened.messages(
                        limit: size, after: key, direction: all ? .oldestFirst : .newestFirst)
                    let listed = page.map { ListedMessage(record: $0, agencies: agencies) }
                    return (
                        all ? listed : listed.reversed(),
                        page.last.map {
                            PageKey(time: $0.message.postedAt.millisecondsSinceEpoch, id: $0.message.id.rawValue)
                        }
                    )
                }
            }
        } catch { throw CLIError.from(error) }
    }

    private func printAll(_ values: [ListedValue]) throws(StoreError) {
        try printPages(ListedValue.self) { (_: Int?, _) throws(StoreError) in (values, nil) }
    }

    /// Prints one page (without --all) or every page until one comes back short.
    private func printPages<Record: RecordOutput, Key>(
        _: Record.Type, fetch: (Key?, Int) throws(StoreError) -> ([Record], Key?)
    ) throws(StoreError) {
        if !json { print(Record.table.header()) }
        let size = all ? 1000 : limit
        var key: Key?
        repeat {
            let (records, last) = try fetch(key, size)
            for record in records { print(json ? jsonLine(record.json) : Record.table.line(record.cells)) }
            guard all, records.count == size, let last else { break }
            key = last
        } while true
    }
}
