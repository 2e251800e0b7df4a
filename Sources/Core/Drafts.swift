/// What is known when a person or a script asks for a write: the agencies on the channel and
/// the gazetteer. Typed text becomes a payload through its event type's schema, or is refused
/// with the field that is wrong.
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
            throw ValidationError(
                field: field, value: text,
                problem: .notOneOf(agencies.map(\.rawValue).sorted()))
        }
        return code
    }

    public func officer(_ text: String, field: String = "officer") throws(ValidationError) -> String {
        try TextRule.required(text, field: field, maximum: Limits.officer)
    }

    /// What a form or the command line typed, through the payload's schema (`EventSchemas`),
    /// as a new write: only the channel's agencies count.
    public func payload(_ type: EventType, _ given: [String: FieldValue?]) throws(ValidationError) -> EventPayload {
        try EventSchemas.make(type, FieldValues(given), self)
    }

    public func messagePosting(
        to: [String], priority: String, channel: String, subject: String?, body: String,
        incident: String?, acknowledgementRequired: Bool
    ) throws(ValidationError) -> MessagePosting {
        let payload = try payload(
            .messagePosted,
            [
                "to": .list(to), "priority": .text(priority), "channel": .text(channel),
                "subject": subject.map(FieldValue.text),
                "body": .text(body), "incident": incident.map(FieldValue.text), "ack": .flag(acknowledgementRequired),
            ])
        guard case .messagePosted(let posting) = payload else {
            preconditionFailure("message.posted's schema makes a posting")
        }
        return posting
    }

    public func incidentOpening(
        reference: IncidentReference, title: String, type: String, severity: String, area: String,
        place: String?, leadAgency: String?, peopleAffected: Int?
    ) throws(ValidationError) -> IncidentOpening {
        let payload = try payload(
            .incidentOpened,
            [
                "ref": .text(reference.rawValue), "title": .text(title), "type": .text(type),
                "severity": .text(severity),
                "area": .text(area), "place": place.map(FieldValue.text), "lead": leadAgency.map(FieldValue.text),
                "people": peopleAffected.map(FieldValue.integer),
            ])
        guard case .incidentOpened(let opening) = payload else {
            preconditionFailure("incident.opened's schema makes an opening")
        }
        return opening
    }

    public func unitRegistration(
        callSign: String, agency: String, kind: String, capabilities: [String], contact: String?
    ) throws(ValidationError) -> UnitRegistration {
        let payload = try payload(
            .unitRegistered,
            [
                "callsign": .text(callSign), "agency": .text(agency), "kind": .text(kind),
                "capabilities": .list(capabilities),
                "contact": contact.map(FieldValue.text),
            ])
        guard case .unitRegistered(let registration) = payload else {
            preconditionFailure("unit.registered's schema makes a registration")
        }
        return registration
    }
}
