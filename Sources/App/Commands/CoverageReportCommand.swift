import ArgumentParser
import QanatChannel
import QanatCore
import QanatUI

extension ReportCommand {
    struct CoverageReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "coverage",
            abstract: "Needs, coverage, duplications, gaps and delays by area and sector, for the coordination meeting.",
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
            let lines = format.csv ? CoverageCSV.lines(cells) : CoverageText.lines(cells, today: CalendarDate(libyaDayOf: now), localizer, format: format.layout)
            try destination.deliver(lines, kind: .coverage, parameters: ReportParameters.option("--district", district) + format.parameters,
                                    store: store, officer: officer.officerName)
        }
    }
}

/// The coverage report as CSV: codes and English names, for other programs.
enum CoverageCSV {
    static func figure(_ cell: CoverageCell, _ value: KeyPath<CoverageCell.Total, Int>) -> String {
        cell.totals.count > 1 ? cell.totals.map { "\($0[keyPath: value]) \($0.unit)" }.joined(separator: ";") : String(cell.totals.first?[keyPath: value] ?? 0)
    }

    static let header = ["district", "district_code", "area", "area_code", "sector", "needed", "covered", "organisations", "flags"]

    static func lines(_ cells: [CoverageCell]) -> [String] {
        [CSVText.line(header)] + CoverageText.byDistrict(cells).flatMap(\.cells).map { cell in
            // A district's own row has no municipality: its area cells stay empty.
            let area = Gazetteer.libya.area(id: cell.key.area).flatMap { $0.kind == .district ? nil : $0 }
            let district = Gazetteer.libya.district(of: cell.key.area)
            return CSVText.line([
                district?.plainNameEnglish ?? "", district?.code ?? "", area?.plainNameEnglish ?? "", area?.code ?? "",
                // Quantities of different units are not added up: `300 tents;50 blankets`.
                cell.key.sector.rawValue, figure(cell, \.needed), figure(cell, \.covered),
                cell.organisations.map(\.rawValue).joined(separator: ";"), cell.sortedFlags.map(\.rawValue).joined(separator: ";"),
            ])
        }
    }
}
