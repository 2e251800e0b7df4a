import ArgumentParser
import QanatStore

struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Print the store's digest: a SHA-256 over every event and every projection (read only).",
        discussion: """
            Two stores with the same digest hold the same record: a backup and its restore, or two copies \
            that took in the same events in any order. The store's own sequence numbers, receipt stamps, \
            settings and journal cursors are not in it.
            """)

    @OptionGroup var store: StoreOptions
    @Flag(help: "Print the digest and the number of events as JSON.") var json = false

    func run() throws {
        do {
            let reader = try SQLiteStore(path: store.databasePath, options: .init(readOnly: true))
            let digest = try reader.recordDigest()
            if json {
                print(jsonLine([.string("digest", digest), .integer("events", try reader.eventCount())]))
            } else {
                print(digest)
            }
        } catch { throw CLIError.from(error) }
    }
}
