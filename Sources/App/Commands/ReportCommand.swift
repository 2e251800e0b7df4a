import ArgumentParser
import Foundation
import QanatChannel
import QanatCore
import QanatDesk
import QanatStore
import QanatUI

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports made from the store.",
        subcommands: [
            ShiftReport.self, CoverageReport.self, RisksReport.self, PerformanceReport.self, ICS201Report.self,
            ICS214Report.self, ArchiveReport.self, VerifyReport.self,
        ])

    /// `--markdown`, `--csv` and `--lang`, as the coordination's and the register's reports take them.
    struct TableFormat: ParsableArguments {
        @Flag(help: "Markdown, for the meeting's papers.") var markdown = false
        @Flag(help: "CSV, for other programs (English headers and codes whatever --lang says).") var csv = false
        @Option(help: "The report's language (default: LANG); changes the text and Markdown only.") var lang: Language?

        func validate() throws {
            guard !(markdown && csv) else { throw ArgumentParser.ValidationError("give --markdown or --csv, not both") }
        }

        var layout: ReportLayout.Format { markdown ? .markdown : .text }

        func localizer() throws(CLIError) -> Localizer { Localizer(ReportCommand.language(lang)) }

        /// As given, for the record of a report written to a file.
        var parameters: [String] {
            ReportParameters.flag("--markdown", markdown) + ReportParameters.flag("--csv", csv)
                + ReportParameters.option("--lang", lang?.rawValue)
        }
    }

    /// A time option: RFC 3339, or a day (`2026-12-01`: from the start of that day, Libya time);
    /// nil when not given.
    static func time(_ text: String?, option: String) throws(CLIError) -> Timestamp? {
        guard let text else { return nil }
        if let parsed = Timestamp(rfc3339: Digits.western(text)) { return parsed }
        guard let day = try? CalendarDate(text, field: option) else {
            throw CLIError.badData(
                "\(option): '\(terminalSafe(text))' is neither a day (2026-11-22) nor an RFC 3339 time (2026-11-22T06:00:00+02:00)"
            )
        }
        return day.startInLibya
    }

    /// `--lang`, else the locale's.
    static func language(_ lang: Language?) -> Language {
        lang ?? DisplayOptions.languageFromLocale(ProcessInfo.processInfo.environment)
    }

    struct ShiftReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "shift",
            abstract:
                "The shift handover: open incidents, units committed, messages awaiting acknowledgement, the shift's log.",
            discussion:
                "The shift is the officer's last sign-on (to its sign-off, or now); with none, the last 12 hours.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Option(
            help:
                "The agency, when the officer never signed on (env QANAT_AGENCY; default: your member agency, else MOI)."
        ) var agency: String?
        @Option(
            help:
                "Report from this time (RFC 3339, or a day: 2026-12-01 from its start, Libya time) instead of the last sign-on."
        ) var since: String?
        @Flag(help: "Markdown, for a handover kept with the shift's papers.") var markdown = false
        @Option(help: "The report's language (default: LANG).") var lang: Language?
        @OptionGroup var destination: ReportDestination

        func run() throws {
            let language = ReportCommand.language(lang)
            let start = try ReportCommand.time(since, option: "since")
            let code: AgencyCode
            // The member's own agency unless told otherwise, as every write chooses it.
            let member = try? store.readingStore().actor(
                user: UnixUser.current, officer: officer.officerName, pinProven: false
            ).member
            do { code = try AgencyCode(actingAgency(agency, member: member), field: "agency") } catch {
                throw CLIError.from(error)
            }
            let report: HandoverReport
            do {
                let opened = try SQLiteStore.reader(at: store.databasePath)
                report = try HandoverLoader(store: opened).report(
                    officer: officer.officerName, agency: code, now: Clock.now(), since: start)
            } catch { throw CLIError.from(error) }
            try destination.deliver(
                HandoverText.lines(report, Localizer(language), format: markdown ? .markdown : .text), kind: .shift,
                parameters: ReportParameters.option("--agency", agency) + ReportParameters.option("--since", since)
                    + ReportParameters.flag("--markdown", markdown) + ReportParameters.option("--lang", lang?.rawValue),
                store: store, officer: officer.officerName, agency: code.rawValue)
        }
    }
}
