import ArgumentParser
import QanatChannel
import QanatCore
import QanatUI

extension ReportCommand {
    struct CoverageReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "coverage",
            abstract:
                "Needs, coverage, duplications, gaps and delays by area and sector, for the coordination meeting.",
            discussion: "CSV columns, in English whatever --lang says: \(CoverageCSV.header.joined(separator: ",")).")

        @OptionGroup var store: StoreOptions
        @Option(help: "Only this district and its municipalities.") var district: String?
        @OptionGroup var format: TableFormat
        @OptionGroup var officer: OfficerOptions
        @OptionGroup var destination: ReportDestination

        func run() throws {
            let localizer = try format.localizer()
            let query = try CoordinationFilter.query(district: district)
            let opened = try store.readingStore()
            let now = Clock.now()
            let cells: [CoverageCell]
            do {
                let rules = try Actions(context: .seeded, reader: opened).coverageRules(at: now)
                cells = try opened.coverage(matching: query, rules: rules)
            } catch { throw CLIError.fromDomain(error) }
            let lines =
                format.csv
                ? CoverageCSV.lines(cells)
                : CoverageText.lines(cells, today: CalendarDate(libyaDayOf: now), localizer, format: format.layout)
            try destination.deliver(
                lines, kind: .coverage, parameters: ReportParameters.option("--district", district) + format.parameters,
                store: store, officer: officer.officerName)
        }
    }
}
