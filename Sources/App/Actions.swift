import QanatCore
import QanatStore

/// What a person can do on the channel, checked the same way from the command line and from
/// the desk: each turns typed text into the acting agency and a payload, or refuses with the
/// field that is wrong. Checks that need the store's state are skipped when it is unavailable.
struct Actions {
    let context: WriteContext
    let store: (any ChannelStore)?

    typealias Write = (agency: AgencyCode, payload: EventPayload)

    func post(from: String, to: [String], priority: String, channel: String, subject: String?, body: String,
              incident: String?, acknowledgementRequired: Bool) throws -> Write {
        let agency = try context.knownAgency(from, field: "from")
        let posting = try context.messagePosting(
            to: to, priority: priority, channel: channel, subject: subject, body: body,
            incident: incident, acknowledgementRequired: acknowledgementRequired)
        if let reference = posting.incident { _ = try incidentRecord(reference) }
        return (agency, .messagePosted(posting))
    }

    /// Validates before `reference` is called, so a typo does not use up a number.
    func openIncident(agency: String, type: String, severity: String, area: String, title: String, place: String?,
                      lead: String?, people: Int?, reference: () throws -> IncidentReference) throws -> Write {
        let reporting = try context.knownAgency(agency, field: "agency")
        var opening = try context.incidentOpening(
            reference: IncidentReference(year: 0, number: 0), title: title, type: type, severity: severity, area: area,
            place: place, leadAgency: lead, peopleAffected: people)
        opening.reference = try reference()
        return (reporting, .incidentOpened(opening))
    }

    func updateIncident(reference: String, agency: String, severity: String?, title: String?, place: String?,
                        lead: String?, people: Int?) throws -> Write {
        let ref = try IncidentReference(reference)
        try incidentRecord(ref)
        if let people, !Limits.peopleAffected.contains(people) {
            throw ValidationError(field: "people", value: String(people), problem: .outOfRange(Limits.peopleAffected))
        }
        let update = IncidentUpdate(
            reference: ref,
            title: try TextRule.optional(title, field: "title", maximum: Limits.title),
            severity: try severity.map { text throws(ValidationError) in try Severity.parse(text, field: "severity") },
            place: try TextRule.optional(place, field: "place", maximum: Limits.place),
            leadAgency: try lead.map { text throws(ValidationError) in try context.knownAgency(text, field: "lead") },
            peopleAffected: people)
        guard update != IncidentUpdate(reference: ref) else {
            throw CLIError.usage("nothing to change: give --severity, --title, --place, --lead or --people")
        }
        return (try context.knownAgency(agency, field: "agency"), .incidentUpdated(update))
    }

    /// A numbered reference from the store, or a provisional one when the store is unavailable.
    func nextIncidentReference() throws -> IncidentReference {
        if let store {
            do { return try store.nextIncidentReference(year: Clock.year) } catch where error.isUnavailable {} catch {
                throw CLIError.from(error)
            }
        }
        return .provisional(year: Clock.year)
    }

    func changeStatus(reference: String, to status: String, agency: String, note: String?) throws -> Write {
        let ref = try IncidentReference(reference)
        let next = try IncidentStatus.parse(status, field: "status")
        try incidentRecord(ref)?.status.checkTransition(to: next)
        let change = IncidentStatusChange(reference: ref, status: next,
                                          note: try TextRule.optional(note, field: "note", maximum: Limits.body))
        return (try context.knownAgency(agency, field: "agency"), .incidentStatusChanged(change))
    }

    func assignment(_ stage: AssignmentStage, reference: String, callSign: String, agency: String) throws -> Write {
        let link = AssignmentLink(incident: try IncidentReference(reference), unit: try CallSign(callSign))
        let incident = try incidentRecord(link.incident)
        let unit = try unitRecord(link.unit)
        if stage == .tasked {
            if let incident, !incident.status.isOpen {
                throw ValidationError(field: "incident", value: link.incident.rawValue,
                                      problem: .transitionRefused(from: "closed", allowed: ["reopen it first"]))
            }
            try unit?.status.checkTransition(to: .assigned, field: "unit")
        } else if let unit, unit.incident != link.incident {
            throw ValidationError(field: "unit", value: link.unit.rawValue, problem: .unknown(what: "assignment to \(link.incident) for unit"))
        }
        return (try context.knownAgency(agency, field: "agency"), .assignment(stage, link))
    }

    func unitStatus(callSign: String, to status: String, agency: String?) throws -> Write {
        let unit = try CallSign(callSign)
        let next = try UnitStatus.parse(status, field: "status")
        let current = try unitRecord(unit)
        try current?.status.checkTransition(to: next)
        let acting = try context.knownAgency(agency ?? current?.agency.rawValue ?? actingAgency(nil), field: "agency")
        return (acting, .unitStatusChanged(UnitStatusChange(callSign: unit, status: next)))
    }

    /// nil, with the earlier acknowledgement, when the agency has already acknowledged.
    func acknowledge(messageID: String, agency: String) throws -> (write: Write?, earlier: Acknowledgement?) {
        let id = try EventID(messageID, field: "message")
        let code = try context.knownAgency(agency, field: "agency")
        if let store {
            guard let record = try storeCall({ () throws(StoreError) in try store.message(id) }) else {
                throw ValidationError(field: "message", value: messageID, problem: .unknown(what: "message"))
            }
            if let earlier = record.acknowledgements.first(where: { $0.agency == code }) { return (nil, earlier) }
        }
        return ((code, .messageAcknowledged(MessageAcknowledgement(message: id))), nil)
    }

    /// Adds or replaces a member; refuses what would leave the store without an admin.
    func addMember(user: String, officer: String?, agency: String, role: String, shared: Bool, pinHash: String?) throws -> Write {
        let key = MemberKey(user: try MemberKey.user(user), officer: try TextRule.optional(officer, field: "officer", maximum: Limits.officer))
        let member = Member(key: key, agency: try context.knownAgency(agency, field: "agency"),
                            role: try Role.parse(role, field: "role"), shared: shared, pin: pinHash)
        return (member.agency, .memberAdded(member))
    }

    func removeMember(user: String, officer: String?) throws -> Write {
        let key = MemberKey(user: try MemberKey.user(user), officer: try TextRule.optional(officer, field: "officer", maximum: Limits.officer))
        guard let store else { return (try context.knownAgency(actingAgency(nil), field: "agency"), .memberRemoved(key)) }
        let members = try storeCall({ () throws(StoreError) in try store.members() })
        guard let existing = members.first(where: { $0.key.isSame(as: key) }) else {
            throw ValidationError(field: "user", value: key.description, problem: .unknown(what: "member"))
        }
        return (existing.agency, .memberRemoved(existing.key))
    }

    /// What no role may do: leave a managed store without an admin, so that no one could manage
    /// members again. Checked after the role, so a refusal names the role first.
    func checkKeepsAnAdmin(_ write: Write) throws {
        switch write.payload {
        case .memberAdded(let member) where member.role != .admin: try keepAnAdmin(besides: member.key)
        case .memberRemoved(let key): try keepAnAdmin(besides: key)
        default: break
        }
    }

    private func keepAnAdmin(besides key: MemberKey) throws {
        guard let store else { return }
        let admins = try storeCall({ () throws(StoreError) in try store.members() }).filter { $0.role == .admin }
        if !admins.isEmpty, admins.allSatisfy({ $0.key.isSame(as: key) }) { throw CLIError.refused(.lastAdmin(user: key.description)) }
    }

    @discardableResult
    private func incidentRecord(_ reference: IncidentReference) throws -> Incident? {
        guard let store else { return nil }
        guard let record = try storeCall({ () throws(StoreError) in try store.incident(reference) }) else {
            throw ValidationError(field: "incident", value: reference.rawValue, problem: .unknown(what: "incident"))
        }
        return record.incident
    }

    private func unitRecord(_ callSign: CallSign) throws -> Unit? {
        guard let store else { return nil }
        guard let unit = try storeCall({ () throws(StoreError) in try store.unit(callSign) }) else {
            throw ValidationError(field: "unit", value: callSign.rawValue, problem: .unknown(what: "unit"))
        }
        return unit
    }

    private func storeCall<T>(_ body: () throws(StoreError) -> T) throws(CLIError) -> T {
        do { return try body() } catch { throw CLIError.from(error) }
    }
}
