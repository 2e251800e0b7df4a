import Foundation
import QanatTestSupport
import QanatText
import XCTest

/// A joint exercise played at high speed on its own store: desks join it in English and Arabic,
/// the injects arrive, a desk acknowledges one, the controller pauses from a desk, the stop phrase
/// posted by another process ends play on every desk with a banner, and the report judges each
/// inject. A wrong scenario makes no store.
final class ExerciseTerminalTests: XCTestCase {
    /// Ten seconds of scenario per second of play: the injects at 1 s, 2 s and 60 s of play.
    static let scenario = """
        [exercise]
        name = "Port fire drill"
        name_ar = "تمرين حريق الميناء"
        stop_phrase = "NO DUFF"
        controller = "NCEMC"

        [[incidents]]
        key = "fire"
        type = "fire"
        severity = "severe"
        area = "Benghazi"
        title = "Warehouse fire at the port"
        agency = "NCEMC"

        [[units]]
        call_sign = "CD-BGZ-01"
        agency = "CD"
        kind = "fireEngine"

        [[injects]]
        at = "10s"
        from = "NCEMC"
        to = ["CD", "LRC"]
        priority = "flash"
        text = "Smoke over the port: evacuate berth 4"
        incident = "fire"
        expect = "acknowledge"
        by = "CD"
        within = "5m"

        [[injects]]
        at = 20
        from = "MOI"
        to = "CD"
        text = "Send a second engine to berth 4"
        incident = "fire"
        expect = "assign"
        by = "CD"
        within = "2m"

        [[injects]]
        at = "10m"
        from = "LRC"
        to = "*"
        text = "Casualty station open at the port gate"
        """

    func testAnExercisePlayedAtHighSpeedInBothLanguagesStoppedByItsStopPhrase() throws {
        let q = try QanatProcess()
        let file = q.directory + "/drill.toml"
        try Self.scenario.write(toFile: file, atomically: true, encoding: .utf8)
        let directory = q.directory + "/drill"
        let player = q.process(["exercise", "start", file, "--speed", "10", "--directory", directory])
        let out = Pipe()
        player.standardOutput = out
        try player.run()
        defer { if player.isRunning { player.terminate() } }
        // Desks join once the exercise store is made (the scenario is copied beside it next).
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: directory + "/scenario.toml"), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }

        let english = try DeskHarness.startDesk(
            q, width: 80, height: 24, arguments: "desk --exercise \(directory) --agency CD")
        let arabic = try DeskHarness.startDesk(
            q, width: 160, height: 48, arguments: "desk --exercise \(directory) --agency CD --lang ar --bidi app")
        // The injects arrive on the desk, marked EXERCISE; the flash rings in the banner.
        var screen = try english.waitFor { $0.contains("EXERCISE") && $0.contains("Smoke over the port") }
        XCTAssertTrue(screen.contains("FLASH"), screen)
        try arabic.waitFor { $0.contains(Bidi.visual("تمرين")) }
        try english.send("!")
        try english.waitFor { $0.contains("Smoke over the port: evacuate berth 4") && $0.contains("Acknowledgements") }
        try english.send("a")
        try english.waitFor { $0.contains("Acknowledged") || $0.contains("acknowledged") }
        // The controller pauses from a desk, and resumes.
        try english.send("Escape", "P")
        screen = try english.waitFor { $0.contains("EXERCISE · paused") }
        try english.send("P")
        try english.waitFor { !$0.contains("paused") }
        try english.send("3")
        try english.waitFor { $0.contains("Send a second engine") }

        // A real emergency: another process posts the stop phrase; play ends on every desk.
        let exerciseStore = ["--db", directory + "/qanat.sqlite", "--journal", directory + "/journals/radio.jsonl"]
        let posted = try q.run(
            ["post"] + exerciseStore + [
                "--from", "LRC", "--to", "*", "--priority", "flash", "--channel", "radio",
                "REAL FIRE at the refinery, no duff",
            ])
        XCTAssertEqual(posted.status, 0, posted.stderr)
        screen = try english.waitFor { $0.contains("EXERCISE STOPPED") && $0.contains("REAL FIRE at the refinery") }
        XCTAssertTrue(
            screen.contains("REAL EMERGENCY") && screen.contains("LRC (Test Officer): REAL")
                && screen.contains("qanat without"),
            "the message that carried the phrase, and the way to the real desk:\n\(screen)")
        screen = try arabic.waitFor { $0.contains(Bidi.visual("توقف التمرين")) }
        XCTAssertTrue(screen.contains(Bidi.visual("طوارئ حقيقية")), screen)
        player.waitUntilExit()
        let played = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(player.terminationStatus, 0)
        XCTAssertTrue(played.contains("inject 1 NCEMC → CD, LRC (flash, expects CD to acknowledge within 5m)"), played)
        XCTAssertTrue(
            played.contains("STOP PHRASE 'NO DUFF'") && played.contains("exercise ended (REAL EMERGENCY: stop phrase)"),
            played)
        XCTAssertFalse(played.contains("inject 3"), "play stopped before it:\n\(played)")
        try english.send("q")
        try arabic.send("q")

        let report = try q.run("exercise", "report", "--directory", directory)
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertTrue(report.stdout.contains("EXERCISE — Port fire drill — report"), report.stdout)
        XCTAssertTrue(report.stdout.contains("REAL EMERGENCY: stop phrase"), report.stdout)
        let rows = report.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(
            rows.contains { $0.contains("+00:00:1") && $0.contains("CD: acknowledge ≤ 5m00s") && $0.contains(" met ") },
            report.stdout)
        // Stopped before its two minutes were up, and not yet answered: not judged.
        XCTAssertTrue(
            rows.contains {
                $0.contains("+00:00:2") && $0.contains("CD: assign a unit ≤ 2m00s")
                    && $0.contains("stopped before its time")
            },
            report.stdout)
        XCTAssertTrue(rows.contains { $0.contains("+00:10:00") && $0.contains("not played") }, report.stdout)
        let arabicReport = try q.run("exercise", "report", "--directory", directory, "--lang", "ar", "--markdown")
            .stdout
        XCTAssertTrue(
            arabicReport.contains("# تمرين — تمرين حريق الميناء — التقرير")
                && arabicReport.contains("توقف قبل انقضاء مهلته"), arabicReport)
        XCTAssertFalse(
            try q.run("list", "messages").stdout.contains("Smoke over the port"), "nothing reached the real store")
        let risks = try q.run("report", "risks", "--db", directory + "/qanat.sqlite")
        XCTAssertEqual(
            risks.lines.first, "EXERCISE — تمرين", "every report from an exercise store says so:\n\(risks.stdout)")
    }

    /// The controller's commands refuse what would break play: an inject carrying the stop phrase
    /// (any spelling), an incident that does not exist, an agency named without an action, an
    /// inject skipped twice, and a write whose journal is not the exercise's own.
    func testTheControllersCommandsRefuseWhatWouldBreakPlay() throws {
        let q = try QanatProcess()
        let file = q.directory + "/drill.toml"
        try Self.scenario.replacingOccurrences(of: "speed", with: "speed").write(
            toFile: file, atomically: true, encoding: .utf8)
        let directory = q.directory + "/slow"
        let player = q.process(["exercise", "start", file, "--directory", directory])
        player.standardOutput = FileHandle.nullDevice
        try player.run()
        defer { if player.isRunning { player.terminate() } }
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: directory + "/scenario.toml"), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        Thread.sleep(forTimeInterval: 0.5)
        let place = ["--directory", directory]
        for (arguments, expected) in [
            (
                ["--from", "NCEMC", "--to", "CD", "then say No Duff"],
                "text: the message must not contain the stop phrase 'NO DUFF'"
            ),
            (
                ["--from", "NCEMC", "--to", "CD", "--incident", "INC-2026-0099", "x"],
                "incident: no incident 'INC-2026-0099'"
            ),
            (["--from", "NCEMC", "--to", "CD", "--by", "CD", "x"], "expect: missing"),
        ] {
            let refused = try q.run(["exercise", "add"] + place + arguments)
            XCTAssertEqual(refused.status, 2, refused.stderr)
            XCTAssertTrue(refused.stderr.contains(expected), "\(expected):\n\(refused.stderr)")
        }
        XCTAssertEqual(
            try q.run(
                ["exercise", "add"] + place + ["--from", "NCEMC", "--to", "CD", "--at", "1h", "a controller's inject"]
            ).stdout, "inject 4\n")
        XCTAssertEqual(try q.run(["exercise", "skip"] + place).stdout, "skipped 1\n", "the next one")
        let twice = try q.run(["exercise", "skip", "1"] + place)
        XCTAssertEqual(twice.status, 2)
        XCTAssertTrue(twice.stderr.contains("inject: 1 was skipped already"), twice.stderr)
        // QANAT_JOURNAL left on the real journal: the write is refused, nothing reaches it.
        let leaked = try q.run([
            "post", "--db", directory + "/qanat.sqlite", "--from", "CD", "--to", "MOI", "--priority", "routine",
            "--channel",
            "radio", "to the real journal?",
        ])
        XCTAssertEqual(leaked.status, 1, leaked.stderr)
        XCTAssertTrue(
            leaked.stderr.contains("an exercise store's events are journalled in its own directory"), leaked.stderr)
        XCTAssertFalse(
            ((try? String(contentsOfFile: q.journal, encoding: .utf8)) ?? "").contains("to the real journal?"))
        XCTAssertEqual(try q.run(["exercise", "stop"] + place).stdout, "stopped\n")
        player.waitUntilExit()
        XCTAssertEqual(player.terminationStatus, 0)
    }

    func testCtrlCEndsPlayAndSaysSoInTheReport() throws {
        let q = try QanatProcess()
        let file = q.directory + "/drill.toml"
        try Self.scenario.write(toFile: file, atomically: true, encoding: .utf8)
        let directory = q.directory + "/interrupted"
        let player = q.process(["exercise", "start", file, "--directory", directory])
        let out = Pipe()
        player.standardOutput = out
        try player.run()
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: directory + "/scenario.toml"), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        Thread.sleep(forTimeInterval: 0.5)
        player.interrupt()
        player.waitUntilExit()
        XCTAssertEqual(player.terminationStatus, 0)
        XCTAssertTrue(
            String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains(
                "exercise ended (interrupted)"))
        let report = try q.run("exercise", "report", "--directory", directory).stdout
        XCTAssertTrue(report.contains("(interrupted)") && report.contains("not played 3"), report)
    }

    func testAWrongScenarioIsRefusedNamingWhereAndMakesNoStore() throws {
        let q = try QanatProcess()
        let wrongs: [(from: String, to: String, error: String)] = [
            ("within = \"2m\"\n", "within = \"2x\"\n", "injects[2].within: '2x' is not a duration"),
            ("expect = \"assign\"", "expct = \"assign\"", "injects[2].expct: unknown key"),
            ("from = \"MOI\"", "from = \"NOPE\"", "injects[2].from: 'NOPE'"),
            (
                "incident = \"fire\"\nexpect = \"assign\"", "incident = \"flood\"\nexpect = \"assign\"",
                "injects[2].incident: 'flood'"
            ),
            ("controller = \"NCEMC\"", "controller = \"NOPE\"", "exercise.controller: 'NOPE'"),
            (
                "kind = \"fireEngine\"",
                "kind = \"fireEngine\"\n[[units]]\ncall_sign = \"CD-BGZ-01\"\nagency = \"LRC\"\nkind = \"ambulance\"",
                "units[2].call_sign"
            ),
            ("stop_phrase = \"NO DUFF\"", "stop_phrase = \"\"", "exercise.stop_phrase: empty"),
        ]
        for (from, to, expected) in wrongs {
            let file = q.directory + "/wrong.toml"
            XCTAssertTrue(Self.scenario.contains(from), from)
            try Self.scenario.replacingOccurrences(of: from, with: to).write(
                toFile: file, atomically: true, encoding: .utf8)
            let directory = q.directory + "/wrong"
            let refused = try q.run("exercise", "start", file, "--speed", "10", "--directory", directory)
            XCTAssertEqual(refused.status, 2, refused.stderr)
            XCTAssertTrue(refused.stderr.contains(expected), "\(expected):\n\(refused.stderr)")
            XCTAssertFalse(
                FileManager.default.fileExists(atPath: directory + "/qanat.sqlite"), "no store for a wrong file")
        }
    }

    /// An exercise is made aside and moved into place whole: killed while it is set up, it leaves no
    /// store where desks would join it, and none that `--directory`-less commands would take.
    func testAnExerciseKilledWhileSetUpLeavesNoHalfMadeStore() throws {
        let q = try QanatProcess()
        var scenario = "[exercise]\nname = \"Big drill\"\ncontroller = \"NCEMC\"\n"
        for n in 0..<10_000 {
            scenario +=
                "\n[[injects]]\nat = \"\(1 + n % 100)h\"\nfrom = \"NCEMC\"\nto = [\"CD\"]\ntext = \"Inject \(n)\"\n"
        }
        let file = q.directory + "/big.toml"
        try scenario.write(toFile: file, atomically: true, encoding: .utf8)
        let directory = q.directory + "/killed"
        let player = q.process(["exercise", "start", file, "--directory", directory])
        player.standardOutput = FileHandle.nullDevice
        try player.run()
        // Killed once it is making the store aside, before it could have finished.
        let deadline = Date().addingTimeInterval(20)
        func making() -> Bool {
            ((try? FileManager.default.contentsOfDirectory(atPath: q.directory)) ?? []).contains {
                $0.hasPrefix(".killed.making-")
            }
        }
        while !making(), player.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertTrue(making(), "the exercise is made aside")
        kill(player.processIdentifier, SIGKILL)
        player.waitUntilExit()
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: directory + "/qanat.sqlite"), "no half-made store where desks join")
        let joined = try q.run("exercise", "report", "--directory", directory)
        XCTAssertNotEqual(joined.status, 0)
    }
}
