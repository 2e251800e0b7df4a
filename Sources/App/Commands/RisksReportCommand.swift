import ArgumentParser
import QanatChannel
import QanatCore
import QanatUI

extension ReportCommand {
    struct RisksReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "risks",
            abstract: "The national risk register: every risk, highest score first, overdue reviews flagged.",
            discussion: "CSV columns, in English whatever --lang says: \(RisksCSV.header.joined(separator: ",")).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var format: TableFormat
        @OptionGroup var officer: OfficerOptions
        @OptionGroup var destination: ReportDestination

        func run() throws {
            let localizer = try format.localizer()
            let risks: [Risk]
            let opened = try store.readingStore()
            do { risks = try opened.risks(band: nil) } catch { throw CLIError.from(error) }
            let today = CalendarDate(libyaDayOf: Clock.now())
            let lines =
                format.csv
                ? RisksCSV.lines(risks, today: today)
                : RiskText.lines(risks, today: today, localizer, format: format.layout)
            try destination.deliver(
                lines, kind: .risks, parameters: format.parameters, store: store, officer: officer.officerName)
        }
    }
}
