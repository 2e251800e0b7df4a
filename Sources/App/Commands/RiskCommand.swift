import ArgumentParser
import QanatChannel
import QanatCore
import QanatJournal
import QanatStore
import QanatUI

struct RiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "The national risk register: hazards, the areas exposed, likelihood × impact, owners and reviews.",
        subcommands: [Add.self, Update.self, Review.self, List.self, Show.self])

    /// What a risk says; on `update` what is not given is kept, and a list given replaces the list.
    struct Fields: ParsableArguments {
        @Option(
            help:
                "A hazard of the incident taxonomy: flood.flashFlood, storm, hazardousMaterial, ... (qanat list types)."
        ) var hazard: String?
        @Option(help: "What could happen.") var title: String?
        @Option(name: .customLong("area"), help: "An area exposed (repeatable).") var areas: [String] = []
        @Option(help: "1-5: how likely in five years (docs: the register's bands).", transform: wholeNumber)
        var likelihood: Int?
        @Option(help: "1-5: casualties, displacement, damage.", transform: wholeNumber) var impact: Int?
        @Option(help: "The organisation that owns the risk and reviews it.") var owner: String?
        @Option(name: .customLong("mitigation"), help: "A mitigation in place or planned (repeatable).")
        var mitigations: [String] = []
        @Option(help: "The contingency plan's reference.") var plan: String?
        @Option(name: .customLong("resource"), help: "A resource the plan counts on (repeatable).") var resources:
            [String] = []
        @Option(help: "The next review, YYYY-MM-DD.") var review: String?

        var actionFields: Actions.RiskFields {
            Actions.RiskFields(
                hazard: hazard, title: title, areas: areas.isEmpty ? nil : areas, likelihood: likelihood,
                impact: impact,
                owner: owner, mitigations: mitigations.isEmpty ? nil : mitigations, plan: plan,
                resources: resources.isEmpty ? nil : resources, review: review)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a risk to the register (supervisor); prints its id.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @OptionGroup var fields: Fields

        func run() throws {
            for (name, value) in [("--hazard", fields.hazard), ("--title", fields.title), ("--owner", fields.owner)]
            where value == nil {
                throw CLIError.usage("risk add: give \(name)")
            }
            guard fields.likelihood != nil, fields.impact != nil, !fields.areas.isEmpty else {
                throw CLIError.usage("risk add: give --likelihood, --impact and at least one --area")
            }
            let recorder = try EventRecorder(options: store, officer: officer)
            let event = try recorder.record { actions in
                try actions.addRisk(fields.actionFields, actingAgency: recorder.agency(nil), at: Clock.now())
            }
            if case .riskRegistered(let entry) = event.payload { print(entry.id) }
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a risk (supervisor).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Argument(help: "The risk's id, or 8 or more of its first characters.") var id: String
        @OptionGroup var fields: Fields

        func run() throws {
            let recorder = try EventRecorder(options: store, officer: officer)
            let event = try recorder.record { actions in
                try actions.updateRisk(id: id, fields.actionFields, actingAgency: recorder.agency(nil))
            }
            if case .riskUpdated(let change) = event.payload { print(change.id) }
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a review of a risk, for its owner.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Argument(help: "The risk's id, or 8 or more of its first characters.") var id: String
        @Option(help: "What the review found.") var note: String?
        @Option(help: "The next review, YYYY-MM-DD.") var next: String?

        func run() throws {
            let event = try EventRecorder(options: store, officer: officer).record { actions in
                try actions.reviewRisk(id: id, note: note, next: next)
            }
            if case .riskReviewed(let review) = event.payload { print(review.risk) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The register, highest score first.")

        @OptionGroup var store: StoreOptions
        @Option(help: "\(RiskBand.spelledOut).") var band: String?
        @Flag(help: "One JSON object per line.") var json = false

        func run() throws {
            let opened = try store.readingStore()
            do {
                let band = try band.map { text throws(QanatCore.ValidationError) in
                    try RiskBand.parse(text, field: "band")
                }
                printRecords(
                    try opened.risks(band: band).map {
                        ListedRisk(risk: $0, today: CalendarDate(libyaDayOf: Clock.now()))
                    }, json: json)
            } catch { throw CLIError.fromDomain(error) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One risk: its entry, what its levels mean, and its reviews.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The risk's id, or 8 or more of its first characters.") var id: String
        @Flag(help: "One JSON object.") var json = false

        func run() throws {
            let opened = try store.readingStore()
            let recorder = try EventRecorder(options: store, officerName: "reader")
            let risk: Risk
            let produced: [IncidentRecord]
            do {
                let found = try recorder.check { try $0.recordID(.risk, id) }
                guard let stored = try opened.risk(found) else {
                    throw QanatCore.ValidationError(field: "risk", value: id, problem: .unknown(what: "risk"))
                }
                risk = stored
                produced = try opened.incidents(producedBy: stored, limit: 100)
            } catch { throw CLIError.fromDomain(error) }
            let listed = ListedRisk(risk: risk, today: CalendarDate(libyaDayOf: Clock.now()))
            if json {
                return print(
                    jsonLine(listed.json + [.strings("incidents", produced.map(\.incident.reference.rawValue))]))
            }
            let e = risk.entry
            var lines: [String] = [
                "\(e.id)  \(e.title)",
                "hazard: \(e.hazard.rawValue) (\(e.nature.rawValue))   owner: \(e.owner)",
                "areas: " + e.areas.map(areaName).joined(separator: ", "),
                "likelihood \(e.likelihood): " + (RiskScale.likelihood[e.likelihood] ?? ""),
                "impact \(e.impact): " + (RiskScale.impact[e.impact] ?? ""),
                "score \(e.score), band \(e.band.rawValue)",
                "next review: " + (e.nextReview?.description ?? "none") + (listed.overdue ? " — OVERDUE" : ""),
                "plan: " + (e.plan ?? "none"),
            ]
            lines += e.mitigations.map { "mitigation: " + $0 }
            lines += e.resources.map { "resource: " + $0 }
            for review in risk.reviews {
                lines.append(
                    "reviewed \(LibyaTime.dateTime(review.at)) by \(review.officer) (\(review.agency))"
                        + (review.note.map { ": " + $0 } ?? ""))
            }
            // The incidents it produced: its hazard, in an area it exposes.
            lines += produced.map {
                "incident \($0.incident.reference)  \($0.incident.status.rawValue)  \($0.incident.title)"
            }
            for line in lines { print(terminalSafe(line)) }
        }
    }
}
