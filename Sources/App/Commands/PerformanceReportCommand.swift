import ArgumentParser
import QanatChannel
import QanatCore
import QanatUI

extension ReportCommand {
    struct PerformanceReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "performance",
            abstract:
                "Response times per agency: the 50th and 90th percentiles against the store's targets, and their trend by week.",
            discussion: """
                Acknowledge: flash and immediate messages asking for acknowledgement, to each agency's earliest. Assign and arrive: from an \
                incident's report to the agency's first unit tasked, on scene (across agencies, the incident's first). Close: to \
                its closure, counted for the lead agency. Responses that started in the period count; the period runs from \
                --since (default: twelve weeks ago) to now. CSV columns, in English whatever --lang says: \
                \(PerformanceCSV.header.joined(separator: ",")).
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Option(
            help:
                "From this time (RFC 3339, or a day: 2026-12-01 from its start, Libya time); default twelve weeks ago.")
        var since: String?
        @Option(help: "One agency's figures only.") var agency: String?
        @OptionGroup var format: TableFormat
        @OptionGroup var destination: ReportDestination

        func run() throws {
            let localizer = try format.localizer()
            let now = Clock.now()
            let period = PerformancePeriod(
                since: try ReportCommand.time(since, option: "since") ?? PerformancePeriod.lastWeeks(before: now).since,
                until: now)
            let only: AgencyCode?
            do {
                only = try agency.map { text throws(QanatCore.ValidationError) in try AgencyCode(text, field: "agency")
                }
            } catch { throw CLIError.from(error) }
            guard period.since < now else { throw CLIError.badData("since: '\(since ?? "")' is not in the past") }
            let opened = try store.readingStore()
            if let only {
                let known: [AgencyCode]
                do { known = try opened.agencies().map(\.code) } catch { throw CLIError.from(error) }
                guard known.contains(only) else {
                    throw CLIError.badData(
                        "agency: '\(only)' is not one of: \(known.map(\.rawValue).joined(separator: ", "))")
                }
            }
            let figures: [MetricFigures]
            do {
                figures = ResponsePerformance.figures(
                    try opened.responseSamples(period), targets: try opened.responseTargets(), period: period,
                    onlyAgency: only, now: now)
            } catch { throw CLIError.from(error) }
            let lines =
                format.csv
                ? PerformanceCSV.lines(figures)
                : PerformanceText.lines(figures, period: period, localizer, format: format.layout)
            try destination.deliver(
                lines, kind: .performance,
                parameters: ReportParameters.option("--since", since) + ReportParameters.option("--agency", agency)
                    + format.parameters,
                store: store, officer: officer.officerName)
        }
    }
}
