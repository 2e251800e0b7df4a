import ArgumentParser
import QanatChannel
import QanatCore
import QanatStore
import QanatUI

extension ExerciseCommand {
    struct ExerciseReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract:
                "After an exercise: per inject, who acted, how long it took against the time allowed, and what was missed."
        )

        @OptionGroup var place: Place
        @OptionGroup var officer: OfficerOptions
        @Flag(help: "Markdown, for the exercise's papers.") var markdown = false
        @Option(help: "The report's language (default: LANG).") var lang: Language?
        @OptionGroup var destination: ReportDestination

        static let eventLimit = 200_000

        func run() throws {
            let localizer = Localizer(ReportCommand.language(lang))
            let options = try place.store()
            let run = try place.run()
            let opened = try options.readingStore()
            let events: [Event]
            do { events = try opened.events(since: run.startedAt, limit: Self.eventLimit) } catch {
                throw CLIError.from(error)
            }
            let lines = ExerciseText.lines(
                run, outcomes: ExerciseEvaluation.outcomes(run, events: events), localizer,
                format: markdown ? .markdown : .text)
            try destination.deliver(
                lines, kind: .exercise,
                parameters: ReportParameters.option("--directory", place.directory)
                    + ReportParameters.flag("--markdown", markdown)
                    + ReportParameters.option("--lang", lang?.rawValue),
                store: options, officer: officer.officerName)
        }
    }
}
