import Foundation
import QanatFixtures

/// `qanat exercise start` setting up a scenario of ten thousand injects (the store made aside,
/// every event checked, journalled and applied) until it says where desks join, timed as a whole
/// process beside `qanat ingest` applying the same number of journal lines to a new store.
/// `qanat-bench --exercise-setup` runs it alone.
struct ExerciseSetupBenchmark {
    let directory: String
    var injects = 10_000

    func run() throws -> [BenchResult] {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "qanat"
        ).path
        let scenario = directory + "/scenario.toml"
        try scenarioText().write(toFile: scenario, atomically: false, encoding: .utf8)
        let setups = try (0..<3).map { run in
            try timeSetup(binary, scenario: scenario, into: directory + "/exercise-\(run)")
        }
        let events = injects + 2  // the start and one starting incident

        let journal = directory + "/lines.jsonl"
        try? FileManager.default.removeItem(atPath: journal)
        try SyntheticTraffic.writeMessageJournal(count: events, to: journal)
        let ingests = try (0..<3).map { run -> Double in
            let store = directory + "/ingest-\(run).sqlite"
            _ = try timeProcess(binary, ["init", "--db", store, "--journal", directory + "/ingest-\(run).jsonl"])
            return try timeProcess(binary, ["ingest", "--db", store, journal])
        }
        let setup = Percentiles(setups)
        let ingest = Percentiles(ingests)
        let rate = Double(events) / setup.p50
        return [
            BenchResult(
                what: "exercise start: \(injects.formatted()) injects set up (process, until it says where desks join)",
                figure: String(format: "p50 %.2f s: %@ events/s", setup.p50, Int(rate).formatted()),
                baseline: String(
                    format: "qanat ingest of %@ lines into a new store: p50 %.2f s", events.formatted(), ingest.p50),
                goal: "≥ 5,000 events/s", verdict: rate >= 5_000 ? "met" : "MISSED")
        ]
    }

    private func scenarioText() -> String {
        var text = """
            [exercise]
            name = "Benchmark drill"
            controller = "NCEMC"

            [[incidents]]
            key = "storm"
            type = "storm"
            severity = "severe"
            area = "Derna"
            title = "Medicane"
            agency = "NCEMC"

            """
        for n in 0..<injects {
            text += """

                [[injects]]
                at = "\(100 + n % 60)h"
                from = "NCEMC"
                to = ["CD", "LRC"]
                text = "Inject \(n): water rising at the Wadi Derna bridge"
                incident = "storm"

                """
        }
        return text
    }

    /// Seconds from start until the command prints the directory desks join, then stops it.
    private func timeSetup(_ binary: String, scenario: String, into target: String) throws -> Double {
        try? FileManager.default.removeItem(atPath: target)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["exercise", "start", scenario, "--directory", target]
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = directory + "/data"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        let t0 = monotonicNanoseconds()
        try process.run()
        var seen = ""
        while !seen.contains("desks join with") {
            let data = out.fileHandleForReading.availableData
            guard !data.isEmpty else { break }
            seen += String(decoding: data, as: UTF8.self)
        }
        let seconds = Double(monotonicNanoseconds() - t0) / 1e9
        precondition(seen.contains("desks join with"), "exercise start did not set up: \(seen)")
        process.interrupt()
        process.waitUntilExit()
        return seconds
    }
}
