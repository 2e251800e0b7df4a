/// What is known when a person or a script asks for a write: the agencies on the channel and
/// the gazetteer. Drafts turn typed text into payloads, or refuse with the field that is wrong.
public struct WriteContext: Sendable {
    public var agencies: Set<AgencyCode>
    public var gazetteer: Gazetteer

    public init(agencies: Set<AgencyCode>, gazetteer: Gazetteer = .libya) {
        self.agencies = agencies
        self.gazetteer = gazetteer
    }

    /// What a writer knows with no store to ask: the seeded agencies.
    public static let seeded = WriteContext(agencies: Set(Agency.seed.map(\.code)))

    public func knownAgency(_ text: String, field: String) throws(ValidationError) -> AgencyCode {
        let code = try AgencyCode(text, field: field)
        guard agencies.contains(code) else {
            throw ValidationError(field: field, value: text,
                                  problem: .notOneOf(agencies.map(\.rawValue).sorted()))
        }
        return code
    }

    public func officer(_ text: String, field: String = "officer") throws(ValidationError) -> String {
        try TextRule.required(text, field: field, maximum: Limits.officer)
    }

    public func messagePosting(
        to: [String], priority: String, channel: String, subject: String?, body: String,
        incident: String?, acknowledgementRequired: Bool
    ) throws(ValidationError) -> MessagePosting {
        let recipients = try Recipients(codes: to)
        if case .agencies(let list) = recipients {
            for code in list { _ = try knownAgency(code.rawValue, field: "to") }
        }
        return MessagePosting(
            recipients: recipients,
            priority: try MessagePriority.parse(priority, field: "priority"),
            channel: try MessageChannel.parse(channel, field: "channel"),
            subject: try TextRule.optional(subject, field: "subject", maximum: Limits.subject),
            body: try TextRule.required(body, field: "body", maximum: Limits.body),
            incident: try incident.map { text throws(ValidationError) in try IncidentReference(text, field: "incident") },
            acknowledgementRequired: acknowledgementRequired)
    }

    public func incidentOpening(
        reference: IncidentReference, title: String, type: String, severity: String, area: String,
        place: String?, leadAgency: String?, peopleAffected: Int?
    ) throws(ValidationError) -> IncidentOpening {
        if let people = peopleAffected, !Limits.peopleAffected.contains(people) {
            throw ValidationError(field: "people", value: String(people), problem: .outOfRange(Limits.peopleAffected))
        }
        return IncidentOpening(
            reference: reference,
            title: try TextRule.required(title, field: "title", maximum: Limits.title),
            type: try IncidentType.parse(type, field: "type"),
            severity: try Severity.parse(severity, field: "severity"),
            area: try gazetteer.resolve(area, field: "area").id,
            place: try TextRule.optional(place, field: "place", maximum: Limits.place),
            leadAgency: try leadAgency.map { text throws(ValidationError) in try knownAgency(text, field: "lead") },
            peopleAffected: peopleAffected)
    }

    public func unitRegistration(
        callSign: String, agency: String, kind: String, capabilities: [String], contact: String?
    ) throws(ValidationError) -> UnitRegistration {
        var checked: [String] = []
        for capability in capabilities {
            checked.append(try TextRule.required(capability, field: "capabilities", maximum: Limits.capability))
        }
        return UnitRegistration(
            callSign: try CallSign(callSign, field: "callsign"),
            agency: try knownAgency(agency, field: "agency"),
            kind: try UnitKind.parse(kind, field: "kind"),
            capabilities: checked,
            contact: try TextRule.optional(contact, field: "contact", maximum: Limits.contact))
    }
}
