import ArgumentParser
import QanatChannel
import QanatCore
import QanatDesk
import QanatStore
import QanatUI

extension ReportCommand {
    /// `--markdown` and `--lang`, as the ICS forms take them.
    struct FormFormat: ParsableArguments {
        @Flag(help: "Markdown, for the incident's file.") var markdown = false
        @Option(help: "The report's language (default: LANG).") var lang: Language?

        var layout: ReportLayout.Format { markdown ? .markdown : .text }
        func localizer() throws(CLIError) -> Localizer { Localizer(ReportCommand.language(lang)) }
        var parameters: [String] {
            ReportParameters.flag("--markdown", markdown) + ReportParameters.option("--lang", lang?.rawValue)
        }
    }

    struct ICS201Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ics201",
            abstract:
                "An ICS 201 incident briefing: the incident, its situation and risks, the actions taken, the organisation, the resources."
        )

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Argument(help: "The incident's reference.") var reference: String
        @OptionGroup var format: FormFormat
        @OptionGroup var destination: ReportDestination

        func run() throws {
            let localizer = try format.localizer()
            let opened = try store.readingStore()
            let briefing: IncidentBriefing
            do {
                let ref = try IncidentReference(reference)
                guard let detail = try DeskLoader(store: opened).detail(ref) else {
                    throw QanatCore.ValidationError(
                        field: "incident", value: reference, problem: .unknown(what: "incident"))
                }
                var agencies: [CallSign: AgencyCode] = [:]
                for assignment in detail.assignments {
                    agencies[assignment.unit] = try opened.unit(assignment.unit)?.agency
                }
                briefing = IncidentBriefing(
                    detail: detail, risks: try opened.risks(producing: detail.record.incident), unitAgencies: agencies,
                    preparedBy: officer.officerName, agency: try AgencyCode(actingAgency(nil), field: "agency"),
                    preparedAt: Clock.now(), exercise: try opened.isExercise())
            } catch { throw CLIError.fromDomain(error) }
            try destination.deliver(
                ICSText.ics201(briefing, localizer, format: format.layout), kind: .ics201,
                parameters: [reference] + format.parameters, store: store, officer: officer.officerName)
        }
    }

    struct ICS214Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ics214",
            abstract:
                "An ICS 214 activity log of an officer (every event they signed) or of a unit (its status and assignments).",
            discussion:
                "The period runs from --since (default: 24 hours ago) to now. The report's own writer is QANAT_OFFICER, else the Unix user."
        )

        @OptionGroup var store: StoreOptions
        @Option(help: "The officer, as they signed the events (any case).") var officer: String?
        @Option(name: .customLong("call-sign"), help: "The unit.") var callSign: String?
        @Option(
            help: "From this time (RFC 3339, or a day: 2026-12-01 from its start, Libya time); default 24 hours ago.")
        var since: String?
        @OptionGroup var format: FormFormat
        @OptionGroup var destination: ReportDestination

        static let eventLimit = 10_000

        func validate() throws {
            guard (officer == nil) != (callSign == nil) else {
                throw ArgumentParser.ValidationError("give --officer NAME or --call-sign CALLSIGN, one of them")
            }
        }

        func run() throws {
            let localizer = try format.localizer()
            let now = Clock.now()
            let start = try ReportCommand.time(since, option: "since") ?? now.adding(seconds: -86_400)
            let opened = try store.readingStore()
            let preparer = OfficerOptions.fromEnvironment
            let log: ActivityLog
            do {
                let keeper: ActivityLog.Keeper
                let events: [Event]
                if let officer {
                    let name = try WriteContext(agencies: []).officer(officer)
                    events = try opened.events(byOfficer: name, since: start, limit: Self.eventLimit)
                    // As the officer signed the events, whatever case was typed.
                    keeper = .officer(events.first?.officer ?? name)
                } else {
                    let code = try CallSign(callSign ?? "", field: "call-sign")
                    guard let unit = try opened.unit(code) else {
                        throw QanatCore.ValidationError(
                            field: "call-sign", value: code.rawValue, problem: .unknown(what: "unit"))
                    }
                    keeper = .unit(unit)
                    events = try opened.events(aboutUnit: code, since: start)
                }
                log = ActivityLog(
                    keeper: keeper, since: start, until: now, events: events, preparedBy: preparer,
                    exercise: try opened.isExercise())
            } catch { throw CLIError.fromDomain(error) }
            try destination.deliver(
                ICSText.ics214(log, localizer, format: format.layout), kind: .ics214,
                parameters: ReportParameters.option("--officer", officer)
                    + ReportParameters.option("--call-sign", callSign)
                    + ReportParameters.option("--since", since) + format.parameters,
                store: store, officer: preparer)
        }
    }
}
