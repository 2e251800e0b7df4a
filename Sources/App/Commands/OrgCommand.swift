import ArgumentParser
import QanatCore
import QanatStore

struct OrgCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org",
        abstract:
            "The registry of organisations: government, municipalities, UN, NGOs, civil society, the private sector.",
        subcommands: [Add.self, Update.self, Show.self, List.self])

    /// What a registration says; on `update` what is not given is kept, and a list given replaces the list.
    struct Details: ParsableArguments {
        @Option(help: "The English name.") var nameEn: String?
        @Option(help: "The Arabic name.") var nameAr: String?
        @Option(help: "Its number with the civil-society commission.") var registration: String?
        @Option(name: .customLong("area"), help: "An area it works in, in any listed spelling (repeatable).") var areas:
            [String] = []
        @Option(name: .customLong("sector"), help: "A sector it works in (repeatable): \(Sector.spelledOut).")
        var sectors: [String] = []
        @Option(name: .customLong("focal"), help: "A focal point, \"NAME;PHONE;RADIO\" (repeatable).") var focalPoints:
            [String] = []
        @Option(name: .customLong("capability"), help: "What it can bring: trucks, fuel, a field kitchen (repeatable).")
        var capabilities: [String] = []

        func list(_ items: [String]) -> [String]? { items.isEmpty ? nil : items }
    }

    static let kinds = OrganisationKind.allCases.map(\.rawValue).joined(separator: "|")

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register an organisation (supervisor); prints its code.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Argument(help: "Its short code, 2-12 letters, digits or -: IMC, LY-SCOUTS.") var code: String
        @Option(help: "\(OrgCommand.kinds).") var kind: String
        @OptionGroup var details: Details

        func run() throws {
            let recorder = try EventRecorder(options: store, officer: officer)
            guard let nameEn = details.nameEn, let nameAr = details.nameAr else {
                throw CLIError.usage("org add: give both --name-en and --name-ar")
            }
            let event = try recorder.record { actions in
                try actions.registerOrganisation(
                    code: code, kind: kind, nameEnglish: nameEn, nameArabic: nameAr, registration: details.registration,
                    areas: details.areas, sectors: details.sectors, focalPoints: details.focalPoints,
                    capabilities: details.capabilities,
                    actingAgency: recorder.agency(nil))
            }
            if case .organisationRegistered(let organisation) = event.payload { print(organisation.code) }
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Change an organisation's registration; suspending, re-activating or changing its kind needs a supervisor."
        )

        @OptionGroup var store: StoreOptions
        @OptionGroup var officer: OfficerOptions
        @Argument(help: "The organisation's code.") var code: String
        @Option(help: "\(OrgCommand.kinds).") var kind: String?
        @OptionGroup var details: Details
        @Option(help: "\(OrganisationStatus.spelledOut).") var status: String?

        func run() throws {
            try EventRecorder(options: store, officer: officer).record { actions in
                try actions.updateOrganisation(
                    code: code, kind: kind, nameEnglish: details.nameEn, nameArabic: details.nameAr,
                    registration: details.registration,
                    areas: details.list(details.areas), sectors: details.list(details.sectors),
                    focalPoints: details.list(details.focalPoints), capabilities: details.list(details.capabilities),
                    status: status)
            }
            print(code.uppercased())
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One organisation: its registration, focal points and work.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The organisation's code.") var code: String
        @Flag(help: "One JSON object.") var json = false

        func run() throws {
            let opened = try store.readingStore()
            let organisation: Organisation
            let activities: [Activity]
            do {
                let parsed = try AgencyCode(code, field: "code")
                guard let found = try opened.organisation(parsed) else {
                    throw QanatCore.ValidationError(field: "code", value: code, problem: .unknown(what: "organisation"))
                }
                organisation = found
                activities = try opened.activities(matching: CoordinationQuery(organisation: parsed))
            } catch { throw CLIError.fromDomain(error) }
            if json { return print(jsonLine(organisation.json)) }
            func say(_ line: String) { print(terminalSafe(line)) }
            let a = organisation.agency
            say("\(a.code)  \(a.nameEnglish) — \(a.nameArabic)")
            say(
                "kind: \(a.kind.rawValue)   status: \(organisation.status.rawValue)"
                    + (organisation.registration.map { "   registration: \($0)" } ?? ""))
            say("sectors: \(organisation.sectors.map(\.rawValue).joined(separator: ", "))")
            say("areas: \(organisation.areas.map(areaName).joined(separator: ", "))")
            if !organisation.capabilities.isEmpty {
                say("capabilities: \(organisation.capabilities.joined(separator: ", "))")
            }
            say("focal points:" + (organisation.focalPoints.isEmpty ? " none" : ""))
            for point in organisation.focalPoints {
                say(
                    "  \(point.name)" + (point.phone.map { "  phone \($0)" } ?? "")
                        + (point.radio.map { "  radio \($0)" } ?? ""))
            }
            let active = activities.filter(\.status.isActive)
            print("activities: \(activities.count) (\(active.count) active)")
            if !active.isEmpty { printRecords(active, json: false) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The organisations, as a table or JSON lines.")

        @OptionGroup var store: StoreOptions
        @Option(help: "Only this kind: \(OrgCommand.kinds).") var kind: String?
        @Option(help: "Only those whose code, English or Arabic name, registration or focal point holds this text.")
        var search: String?
        @Flag(help: "One JSON object per line.") var json = false

        func run() throws {
            let opened = try store.readingStore()
            do {
                let kind = try kind.map { text throws(QanatCore.ValidationError) in
                    try OrganisationKind.parse(text, field: "kind")
                }
                printRecords(try opened.organisations(kind: kind).filter { $0.matches(search ?? "") }, json: json)
            } catch { throw CLIError.fromDomain(error) }
        }
    }
}
