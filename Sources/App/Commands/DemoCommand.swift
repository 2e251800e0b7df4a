import ArgumentParser
import Foundation
import QanatStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract:
            "The desk on a fresh demo store: a storm and flash floods in the east, and a feed that keeps it moving.",
        discussion:
            "With --print (or when output is not a terminal) the scenario is written and the boards printed instead.")

    @Option(help: "Where to make the demo store (default: a new temporary directory).") var directory: String?
    @Option(help: "This desk's agency (default CD).") var agency: String = "CD"
    @OptionGroup var display: DisplayOptions
    @Option(help: "Seconds between two lines of the background feed.") var feedSeconds: Double = 5
    @Flag(help: "Write the scenario and print the boards; do not start the desk.") var print = false

    func run() throws {
        let dir =
            directory ?? NSTemporaryDirectory() + "qanat-demo-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            throw CLIError.storeUnavailable("cannot create \(dir): \(error.localizedDescription)")
        }
        // A directory that holds a demo already gets a fresh one beside it: the scenario is written
        // from its start, and the first store (perhaps still open in another desk) is left alone.
        var suffix = ""
        var copy = 1
        while FileManager.default.fileExists(atPath: dir + "/qanat\(suffix).sqlite") {
            copy += 1
            suffix = "-\(copy)"
        }
        var options = try StoreOptions.parse([
            "--db", dir + "/qanat\(suffix).sqlite", "--journal", dir + "/journal\(suffix).jsonl",
        ])
        options.busyTimeout = 5
        let opened: SQLiteStore
        do { opened = try SQLiteStore.create(path: options.databasePath) } catch { throw CLIError.from(error) }
        let scenario = DemoScenario(store: opened, journalPath: dir + "/gateway\(suffix).jsonl")
        try scenario.seed()
        guard !print, isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            for kind in ["incidents", "units", "messages"] {
                Swift.print("== \(kind)")
                let list = try ListCommand.parse([kind, "--db", options.databasePath])
                try list.run()
                Swift.print()
            }
            Swift.print(
                "demo store: \(options.databasePath)\n  qanat desk --db \(options.databasePath) --journal \(options.journalPath)"
            )
            return
        }
        let interval = feedSeconds
        let feed = Thread {
            var step = 0
            while true {
                Thread.sleep(forTimeInterval: interval)
                try? scenario.feed(step: step)
                step += 1
            }
        }
        feed.start()
        try DeskCommand.runDesk(store: options, officer: "Demo Officer", agency: agency, display: display)
    }
}
