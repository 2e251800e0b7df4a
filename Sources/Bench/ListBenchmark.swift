import Foundation

/// `qanat list messages --limit 50` on the big store, as a separate process: wall time and
/// peak resident memory, beside `qanat --help` (start-up alone). The memory is what
/// `/usr/bin/time` reports of its own child: a child spawned straight from this (large) process
/// would inherit its peak, because Linux carries the old address space's peak across exec.
struct ListBenchmark {
    let database: String
    let runs = 7

    func run() throws -> [BenchResult] {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "qanat"
        ).path
        let list = try median(binary, ["list", "messages", "--limit", "50"])
        let startOnly = try median(binary, ["--help"])
        return [
            BenchResult(
                what: "qanat list messages --limit 50 (big store)",
                figure: String(format: "%.1f ms, %.1f MB peak", list.milliseconds, list.megabytes),
                baseline: String(format: "qanat --help %.1f ms, %.1f MB", startOnly.milliseconds, startOnly.megabytes),
                goal: "≤ 50 ms, ≤ 40 MB",
                verdict: list.milliseconds <= 50 && list.megabytes <= 40 ? "met" : "MISSED")
        ]
    }

    struct Sample {
        var milliseconds: Double
        var megabytes: Double
    }

    private func median(_ binary: String, _ arguments: [String]) throws -> Sample {
        var samples: [Sample] = []
        for _ in 0..<runs {
            let start = monotonicNanoseconds()
            var pid: pid_t = 0
            let peakFile = NSTemporaryDirectory() + "qanat-bench-peak-\(getpid())"
            let argv = (["/usr/bin/time", "-f", "%M", "-o", peakFile, binary] + arguments).map { strdup($0) } + [nil]
            defer { for pointer in argv { free(pointer) } }
            var environment = ProcessInfo.processInfo.environment
            environment["QANAT_DB"] = database
            environment["QANAT_LOG"] = ""
            let envp = environment.map { strdup("\($0)=\($1)") } + [nil]
            defer { for pointer in envp { free(pointer) } }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            defer { posix_spawn_file_actions_destroy(&actions) }
            guard posix_spawn(&pid, "/usr/bin/time", &actions, nil, argv, envp) == 0 else {
                throw CocoaError(.executableLoad)
            }
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            let elapsed = Double(monotonicNanoseconds() - start) / 1e6
            let kilobytes = (try? String(contentsOfFile: peakFile, encoding: .utf8)).flatMap {
                Double($0.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            guard let kilobytes else { throw CocoaError(.fileReadCorruptFile) }
            samples.append(Sample(milliseconds: elapsed, megabytes: kilobytes / 1024))
        }
        let byTime = samples.sorted { $0.milliseconds < $1.milliseconds }
        return byTime[byTime.count / 2]
    }
}
