import ArgumentParser
import QanatCore

struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Task a unit to an incident.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var officer: OfficerOptions
    @Argument(help: "The incident reference.") var reference: String
    @Argument(help: "The unit's call sign.") var callSign: String
    @Option(help: "The acting agency (env QANAT_AGENCY; default MOI).") var agency: String?

    func run() throws {
        try AssignmentCommand.record(.tasked, reference: reference, callSign: callSign, agency: agency, store: store, officer: officer)
    }
}

struct AssignmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assignment", abstract: "Record that a tasked unit acknowledged, arrived or was released.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var officer: OfficerOptions
    @Argument(help: "acknowledged, arrived or released.") var stage: String
    @Argument(help: "The incident reference.") var reference: String
    @Argument(help: "The unit's call sign.") var callSign: String
    @Option(help: "The acting agency (env QANAT_AGENCY; default MOI).") var agency: String?

    func run() throws {
        let parsed: AssignmentStage
        do { parsed = try AssignmentStage.parse(stage, field: "stage") } catch { throw CLIError.from(error) }
        guard parsed != .tasked else { throw CLIError.usage("use `qanat assign REF CALLSIGN` to task a unit") }
        try Self.record(parsed, reference: reference, callSign: callSign, agency: agency, store: store, officer: officer)
    }

    static func record(_ stage: AssignmentStage, reference: String, callSign: String, agency: String?,
                       store: StoreOptions, officer: OfficerOptions) throws {
        let recorder = try EventRecorder(options: store, officer: officer)
        let event: Event
        do {
            let link = AssignmentLink(incident: try IncidentReference(reference), unit: try CallSign(callSign))
            let incident = try Checks.incidentExists(link.incident, in: recorder.store)
            let unit = try Checks.unitExists(link.unit, in: recorder.store)
            if stage == .tasked {
                if let incident, !incident.status.isOpen {
                    throw QanatCore.ValidationError(field: "incident", value: link.incident.rawValue,
                                          problem: .transitionRefused(from: "closed", allowed: ["reopen it first"]))
                }
                try unit?.status.checkTransition(to: .assigned)
            } else if let unit, unit.incident != link.incident {
                throw QanatCore.ValidationError(field: "unit", value: link.unit.rawValue,
                                      problem: .unknown(what: "assignment to \(link.incident) for unit"))
            }
            let acting = try recorder.context.knownAgency(actingAgency(agency), field: "agency")
            event = recorder.makeEvent(agency: acting, payload: .assignment(stage, link))
        } catch let error as QanatCore.ValidationError { throw CLIError.from(error) }
        try recorder.record(event)
        print("\(reference.uppercased()) \(callSign.uppercased()) \(stage.rawValue)")
    }
}
