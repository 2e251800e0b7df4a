import ArgumentParser
import Foundation
import QanatChannel
import QanatCore
import QanatDesk
import QanatStore
import QanatUI

struct ExerciseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise",
        abstract: "Joint exercises: a scenario played on an exercise store of its own, controlled, then evaluated.",
        subcommands: [Start.self, Pause.self, Resume.self, Skip.self, Add.self, Stop.self, ExerciseReport.self])

    /// `--directory DIR`: an exercise's directory; by default the newest under the data directory's `exercises/`.
    struct Place: ParsableArguments {
        @Option(help: "The exercise's directory (default: the newest in the data directory's exercises/).")
        var directory: String?

        static var parent: String { StoreOptions.dataDirectory + "/exercises" }

        func resolved() throws(CLIError) -> String {
            if let directory { return directory }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: Self.parent)) ?? []
            // A hidden directory is an exercise still being made (or one whose making was killed).
            let made = names.filter { !$0.hasPrefix(".") }.map { Self.parent + "/" + $0 }.filter {
                SQLiteStore.exists(at: $0 + "/qanat.sqlite")
            }
            let newest = made.max { (modified($0) ?? .distantPast) < (modified($1) ?? .distantPast) }
            guard let newest else { throw .noStore("no exercise in \(Self.parent): --directory DIR") }
            return newest
        }

        private func modified(_ path: String) -> Date? {
            (try? FileManager.default.attributesOfItem(atPath: path + "/qanat.sqlite"))?[.modificationDate] as? Date
        }

        /// The exercise as its store holds it now.
        func run() throws(CLIError) -> ExerciseRun {
            let options = try store()
            let found: ExerciseRun?
            do { found = try options.readingStore().exerciseRun() } catch let error as StoreError {
                throw .from(error)
            } catch { throw .badData("\(error)") }
            guard let found else { throw .badData("\(options.databasePath): no exercise was started on this store") }
            return found
        }

        func store() throws(CLIError) -> StoreOptions {
            let directory = try resolved()
            let options = try StoreOptions.exercise(directory)
            try options.requireStore()
            return options
        }
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Make a new exercise store from a scenario and play its injects on time, in the foreground, until the end or Ctrl-C.",
            discussion: """
                The one command besides init and demo that makes a store: its journal and store are new, in --directory DIR or a \
                new directory under the data directory's exercises/ named by the scenario and the time. Other desks join with \
                `qanat desk --exercise DIR` (or QANAT_DB=DIR/qanat.sqlite). The scenario file: docs/exercise-format.md.
                """)

        @Argument(help: "The scenario (TOML).") var file: String
        @Option(help: "Scenario seconds per second of play (1–3600; default 1).") var speed = 1
        @Option(help: "Where to make the exercise (it must not hold a store yet).") var directory: String?
        @Option(help: "The controller's agency (default: the scenario's controller, else MOI).") var agency: String?
        @OptionGroup var officer: OfficerOptions

        func run() throws {
            let scenario: ExerciseScenario
            let bytes: [UInt8]
            do { (scenario, bytes) = try ScenarioFile.read(file) } catch { throw CLIError.badData(error.description) }
            guard ExerciseStart.speeds.contains(speed) else {
                throw CLIError.badData("--speed: '\(speed)' is outside \(ExerciseStart.speeds)")
            }
            let controller = agency ?? scenario.controller ?? "MOI"
            let setup = ExerciseSetup(
                scenario: scenario, digest: ReportContent(of: bytes).sha256, speed: speed, agency: controller)
            try setup.check(file: file)
            let target = directory ?? Place.parent + "/" + Self.directoryName(scenario.name, at: Clock.now())
            guard !SQLiteStore.exists(at: target + "/qanat.sqlite") else {
                throw CLIError.badData("--directory \(target): holds a store already; an exercise starts on a new one")
            }
            try Self.makeAside(target) { aside in
                let making = try StoreOptions.exercise(aside)
                let initialise = try InitCommand.parse([
                    "--db", making.databasePath, "--journal", making.journalPath, "--exercise", "--agency", controller,
                    "--quiet",
                ])
                try initialise.run()
                _ = FileManager.default.createFile(atPath: aside + "/scenario.toml", contents: Data(bytes))
                let recorder = try EventRecorder(options: making, officerName: officer.officerName)
                _ = try recorder.requireStore(making.databasePath)
                _ = try setup.write(recorder)
            }
            let options = try StoreOptions.exercise(target)
            let recorder = try EventRecorder(options: options, officerName: officer.officerName)
            let store = try recorder.requireStore(options.databasePath)
            print(terminalSafe("exercise: \(scenario.name) — \(scenario.injects.count) injects at \(speed)× speed"))
            print(terminalSafe("directory: \(target)"))
            print(terminalSafe("desks join with: qanat desk --exercise \(target)"))
            if let phrase = scenario.stopPhrase {
                print(terminalSafe("stop phrase (a real emergency ends play): \(phrase)"))
            }
            Interrupt.install()
            fflush(nil)
            // Each inject's line as it plays, even into a pipe or a file.
            let reason = try ExercisePlayer(recorder: recorder, store: store, agency: controller).run { line in
                print(line)
                fflush(nil)
            }
            print(
                terminalSafe(
                    "exercise ended (\(reason.translations.en)); the report: qanat exercise report --directory \(target)"
                ))
        }

        /// Makes the exercise in a hidden directory beside `target` and moves it into place whole:
        /// an exercise killed while it is set up leaves no half-made store where desks would join it.
        static func makeAside(_ target: String, _ make: (String) throws -> Void) throws {
            let url = URL(fileURLWithPath: target).standardizedFileURL
            let parent = url.deletingLastPathComponent().path
            do { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
                throw CLIError.storeUnavailable("cannot create \(parent): \(error.localizedDescription)")
            }
            // A name no one could have planted, made new (mkdir fails on anything already there, a link too).
            let aside = parent + "/.\(url.lastPathComponent).making-\(getpid())-\(UUID().uuidString.prefix(8))"
            guard mkdir(aside, 0o700) == 0 else {
                throw CLIError.storeUnavailable("cannot create \(aside): \(String(cString: strerror(errno)))")
            }
            // As init leaves a store's directory: the group's, set-group-ID, so other desks join.
            chmod(aside, 0o2770)
            do {
                try make(aside)
                // rename(2) takes the place of an empty directory, never of one that holds anything.
                guard rename(aside, url.path) == 0 else {
                    throw CLIError.storeUnavailable(
                        "cannot move the exercise into \(url.path): \(String(cString: strerror(errno)))")
                }
            } catch {
                try? FileManager.default.removeItem(atPath: aside)
                throw error
            }
        }

        /// `derna-flood-drill-20261202-1405`: the scenario's name in letters and digits, and Libya time.
        static func directoryName(_ name: String, at time: Timestamp) -> String {
            let slug = name.lowercased().unicodeScalars.map {
                $0.isASCII && CharacterSet.alphanumerics.contains($0) ? String($0) : "-"
            }.joined()
                .split(separator: "-").joined(separator: "-")
            let c = LibyaTime.civil(time)
            let stamp = String(format: "%04d%02d%02d-%02d%02d%02d", c.year, c.month, c.day, c.hour, c.minute, c.second)
            return (slug.isEmpty ? "exercise" : String(slug.prefix(40))) + "-" + stamp
        }
    }

    /// Who controls and where: the exercise's directory, the officer, the controller's agency.
    struct Controller: ParsableArguments {
        @OptionGroup var place: Place
        @OptionGroup var officer: OfficerOptions
        @Option(help: "The controller's agency.") var agency: String?

        /// A controller's write on the exercise store, while play has not stopped.
        func record(_ write: (Actions, String) throws -> Actions.Write) throws {
            let recorder = try EventRecorder(options: try place.store(), officer: officer)
            _ = try recorder.requireStore("the exercise store")
            try recorder.check { actions in try actions.checkPlayGoesOn() }
            try recorder.record { actions in try write(actions, recorder.agency(agency)) }
        }

        /// Pause, resume or stop, and say so.
        func control(_ action: ExerciseControl.Action, reason: ExerciseControl.Reason? = nil, done: String) throws {
            try record { actions, agency in try actions.controlExercise(action, reason: reason, actingAgency: agency) }
            print(done)
        }
    }

    struct Pause: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pause play (supervisor): no inject plays until resumed.")
        @OptionGroup var controller: Controller

        func run() throws { try controller.control(.paused, done: "paused") }
    }

    struct Resume: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Resume play (supervisor); the time paused does not count.")
        @OptionGroup var controller: Controller

        func run() throws { try controller.control(.resumed, done: "resumed") }
    }

    struct Skip: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Skip an inject (supervisor): by default the next one to play.")
        @OptionGroup var controller: Controller
        @Argument(help: "The inject's number.", transform: wholeNumber) var number: Int?

        func run() throws {
            let run = try controller.place.run()
            guard let chosen = number ?? run.next?.number else { throw CLIError.badData("no inject left to skip") }
            guard run.injects[chosen] != nil else { throw CLIError.badData("inject: no inject \(chosen)") }
            guard run.played[chosen] == nil, !run.skipped.contains(chosen) else {
                throw CLIError.badData(
                    "inject: \(chosen) was \(run.played[chosen] == nil ? "skipped" : "played") already")
            }
            try controller.record { actions, agency in
                try actions.controlExercise(.skipped, inject: chosen, actingAgency: agency)
            }
            print("skipped \(chosen)")
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an inject during play (supervisor); it plays at --at, or at once.")
        @OptionGroup var controller: Controller
        @Option(help: "Scenario time it plays at (90, 2m, 1h30m); default: now.") var at: String?
        @Option(help: "The agency it comes from.") var from: String
        @Option(help: "Its recipients (agency codes, or *).") var to: [String]
        @Option(help: "\(MessagePriority.spelledOut) (default immediate).") var priority: String?
        @Option(help: "radio, phone, sms, email, in-person (default radio).") var channel: String?
        @Option(help: "The incident it is about (a reference).") var incident: String?
        @Option(help: "\(ExpectedAction.spelledOut).") var expect: String?
        @Option(help: "The agency expected to act.") var by: String?
        @Option(help: "The time it has (90, 2m).") var within: String?
        @Argument(help: "The inject's text.") var text: String

        func run() throws {
            let current = try controller.place.run()
            let offset: Int
            let allowed: Int?
            do {
                offset =
                    try at.map { text throws(QanatCore.ValidationError) in
                        try ScenarioDuration.seconds(text, field: "at")
                    }
                    ?? Int(current.elapsed(at: Clock.now()).rounded(.up))
                allowed = try within.map { text throws(QanatCore.ValidationError) in
                    try ScenarioDuration.seconds(text, field: "within")
                }
            } catch { throw CLIError.from(error) }
            let number = (current.injects.keys.max() ?? 0) + 1
            let inject = ExerciseScenario.Inject(
                at: offset, from: from, to: to, channel: channel, priority: priority, text: text, incident: nil,
                expect: expect, by: by, within: allowed)
            let reference: IncidentReference?
            do {
                reference = try incident.map { text throws(QanatCore.ValidationError) in try IncidentReference(text) }
            } catch { throw CLIError.from(error) }
            try controller.record { actions, agency in
                try actions.exerciseInject(inject, number: number, incident: reference, actingAgency: agency)
            }
            print("inject \(number)")
        }
    }

    struct Stop: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End play now (supervisor), on every desk.")
        @OptionGroup var controller: Controller

        func run() throws { try controller.control(.stopped, reason: .controller, done: "stopped") }
    }
}
