import QanatCore

/// The `data` object of each event type: which fields it takes and what each must be.
enum PayloadDecoder {
    static let fields: [EventType: [String]] = [
        .agencyRegistered: ["code", "nameAr", "nameEn", "kind"],
        .incidentOpened: ["ref", "title", "type", "severity", "area", "place", "lead", "people"],
        .incidentUpdated: ["ref", "title", "severity", "place", "lead", "people"],
        .incidentStatusChanged: ["ref", "status", "note"],
        .unitRegistered: ["callsign", "agency", "kind", "capabilities", "contact"],
        .unitStatusChanged: ["callsign", "status"],
        .unitAssigned: ["incident", "unit"],
        .assignmentAcknowledged: ["incident", "unit"],
        .assignmentArrived: ["incident", "unit"],
        .assignmentReleased: ["incident", "unit"],
        .messagePosted: ["to", "priority", "channel", "subject", "body", "incident", "ack"],
        .messageAcknowledged: ["message"],
        .memberAdded: ["user", "officer", "agency", "role", "shared", "pin"],
        .memberRemoved: ["user", "officer"],
        .shiftSignedOn: ["note"],
        .shiftSignedOff: ["note"],
    ]

    static func decode(_ type: EventType, from envelope: FieldReader) throws(LineError) -> EventPayload {
        let d = try envelope.reader("data", allowed: fields[type] ?? [])
        switch type {
        case .agencyRegistered:
            let code = try d.string("code"), ar = try d.string("nameAr"), en = try d.string("nameEn"), kind = try d.string("kind")
            return .agencyRegistered(try d.check { () throws(ValidationError) in
                Agency(code: try AgencyCode(code, field: "code"),
                       nameArabic: try TextRule.required(ar, field: "nameAr", maximum: Limits.agencyName),
                       nameEnglish: try TextRule.required(en, field: "nameEn", maximum: Limits.agencyName),
                       kind: try AgencyKind.parse(kind, field: "kind"))
            })
        case .incidentOpened:
            let ref = try d.string("ref"), title = try d.string("title"), kind = try d.string("type")
            let severity = try d.string("severity"), area = try d.string("area"), place = try d.optionalString("place")
            let lead = try d.optionalString("lead"), people = try d.optionalInteger("people")
            return .incidentOpened(try d.check { () throws(ValidationError) in
                try checkPeople(people)
                return IncidentOpening(
                    reference: try IncidentReference(ref, field: "ref"),
                    title: try TextRule.required(title, field: "title", maximum: Limits.title),
                    type: try IncidentType.parse(kind, field: "type"),
                    severity: try Severity.parse(severity, field: "severity"),
                    area: try Gazetteer.libya.resolve(area, field: "area").id,
                    place: try TextRule.optional(place, field: "place", maximum: Limits.place),
                    leadAgency: try lead.map { text throws(ValidationError) in try AgencyCode(text, field: "lead") },
                    peopleAffected: people)
            })
        case .incidentUpdated:
            let ref = try d.string("ref"), title = try d.optionalString("title"), severity = try d.optionalString("severity")
            let place = try d.optionalString("place"), lead = try d.optionalString("lead"), people = try d.optionalInteger("people")
            return .incidentUpdated(try d.check { () throws(ValidationError) in
                try checkPeople(people)
                return IncidentUpdate(
                    reference: try IncidentReference(ref, field: "ref"),
                    title: try TextRule.optional(title, field: "title", maximum: Limits.title),
                    severity: try severity.map { text throws(ValidationError) in try Severity.parse(text, field: "severity") },
                    place: try TextRule.optional(place, field: "place", maximum: Limits.place),
                    leadAgency: try lead.map { text throws(ValidationError) in try AgencyCode(text, field: "lead") },
                    peopleAffected: people)
            })
        case .incidentStatusChanged:
            let ref = try d.string("ref"), status = try d.string("status"), note = try d.optionalString("note")
            return .incidentStatusChanged(try d.check { () throws(ValidationError) in
                IncidentStatusChange(reference: try IncidentReference(ref, field: "ref"),
                                     status: try IncidentStatus.parse(status, field: "status"),
                                     note: try TextRule.optional(note, field: "note", maximum: Limits.body))
            })
        case .unitRegistered:
            let callSign = try d.string("callsign"), agency = try d.string("agency"), kind = try d.string("kind")
            let capabilities = try d.strings("capabilities") ?? [], contact = try d.optionalString("contact")
            return .unitRegistered(try d.check { () throws(ValidationError) in
                var checked: [String] = []
                for capability in capabilities {
                    checked.append(try TextRule.required(capability, field: "capabilities", maximum: Limits.capability))
                }
                return UnitRegistration(
                    callSign: try CallSign(callSign, field: "callsign"),
                    agency: try AgencyCode(agency, field: "agency"),
                    kind: try UnitKind.parse(kind, field: "kind"),
                    capabilities: checked,
                    contact: try TextRule.optional(contact, field: "contact", maximum: Limits.contact))
            })
        case .unitStatusChanged:
            let callSign = try d.string("callsign"), status = try d.string("status")
            return .unitStatusChanged(try d.check { () throws(ValidationError) in
                UnitStatusChange(callSign: try CallSign(callSign, field: "callsign"),
                                 status: try UnitStatus.parse(status, field: "status"))
            })
        case .unitAssigned, .assignmentAcknowledged, .assignmentArrived, .assignmentReleased:
            let incident = try d.string("incident"), unit = try d.string("unit")
            let stage: AssignmentStage = switch type {
            case .assignmentAcknowledged: .acknowledged
            case .assignmentArrived: .arrived
            case .assignmentReleased: .released
            default: .tasked
            }
            return .assignment(stage, try d.check { () throws(ValidationError) in
                AssignmentLink(incident: try IncidentReference(incident, field: "incident"),
                               unit: try CallSign(unit, field: "unit"))
            })
        case .messagePosted:
            guard let to = try d.strings("to") else {
                throw LineError.field(ValidationError(field: d.name("to"), value: "", problem: .missing))
            }
            let priority = try d.string("priority"), channel = try d.string("channel")
            let subject = try d.optionalString("subject"), body = try d.string("body")
            let incident = try d.optionalString("incident"), ack = try d.bool("ack", default: false)
            return .messagePosted(try d.check { () throws(ValidationError) in
                MessagePosting(
                    recipients: try Recipients(codes: to, field: "to"),
                    priority: try MessagePriority.parse(priority, field: "priority"),
                    channel: try MessageChannel.parse(channel, field: "channel"),
                    subject: try TextRule.optional(subject, field: "subject", maximum: Limits.subject),
                    body: try TextRule.required(body, field: "body", maximum: Limits.body),
                    incident: try incident.map { text throws(ValidationError) in try IncidentReference(text, field: "incident") },
                    acknowledgementRequired: ack)
            })
        case .messageAcknowledged:
            let message = try d.string("message")
            return .messageAcknowledged(try d.check { () throws(ValidationError) in
                MessageAcknowledgement(message: try EventID(message, field: "message"))
            })
        case .memberAdded:
            let user = try d.string("user"), officer = try d.optionalString("officer"), agency = try d.string("agency")
            let role = try d.string("role"), shared = try d.bool("shared", default: false), pin = try d.optionalString("pin")
            return .memberAdded(try d.check { () throws(ValidationError) in
                Member(key: try memberKey(user: user, officer: officer), agency: try AgencyCode(agency, field: "agency"),
                       role: try Role.parse(role, field: "role"), shared: shared,
                       pin: try TextRule.optional(pin, field: "pin", maximum: Limits.pinHash))
            })
        case .memberRemoved:
            let user = try d.string("user"), officer = try d.optionalString("officer")
            return .memberRemoved(try d.check { () throws(ValidationError) in try memberKey(user: user, officer: officer) })
        case .shiftSignedOn, .shiftSignedOff:
            let note = try d.optionalString("note")
            return .shift(try d.check { () throws(ValidationError) in
                ShiftChange(signedOn: type == .shiftSignedOn, note: try TextRule.optional(note, field: "note", maximum: Limits.body))
            })
        }
    }

    private static func memberKey(user: String, officer: String?) throws(ValidationError) -> MemberKey {
        MemberKey(user: try MemberKey.user(user), officer: try TextRule.optional(officer, field: "officer", maximum: Limits.officer))
    }

    private static func checkPeople(_ people: Int?) throws(ValidationError) {
        if let people, !Limits.peopleAffected.contains(people) {
            throw ValidationError(field: "people", value: String(people), problem: .outOfRange(Limits.peopleAffected))
        }
    }
}
