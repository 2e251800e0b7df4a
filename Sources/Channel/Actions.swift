import QanatCore
import QanatJournal
import QanatStore

/// What a person can do on the channel, checked the same way from the command line and from
/// the desk: each turns typed text into the acting agency and a payload, or refuses. A refused
/// field throws `ValidationError` (naming the field), a refused role `Refusal`, anything else
/// `ChannelError`. Checks that need the store's state are skipped when it is unavailable (the
/// event then waits in the journal, and applying it stays order-independent).
public struct Actions: Sendable {
    public let context: WriteContext
    /// What the checks read.
    public let store: (any StoreReader)?
    /// Where incident references are allocated: the write path's store or its service; nil for checks only.
    private let references: (any IncidentReferenceSource)?

    public typealias Write = (agency: AgencyCode, payload: EventPayload)

    /// Checks for the write path: references are allocated in `store`.
    public init(context: WriteContext, store: (any StoreWriter)?) {
        self.context = context
        self.store = store
        references = store
    }

    /// Checks against `reader`, references numbered by `references` (a service store's service).
    public init(context: WriteContext, reader: (any StoreReader)?, references: (any IncidentReferenceSource)?) {
        self.context = context
        store = reader
        self.references = references
    }

    /// Checks only (a report's rules, a dry run): references would be provisional.
    public init(context: WriteContext, reader: (any StoreReader)?) {
        self.context = context
        store = reader
        references = nil
    }

    public func post(
        from: String, to: [String], priority: String, channel: String, subject: String?, body: String,
        incident: String?, acknowledgementRequired: Bool
    ) throws -> Write {
        let agency = try context.knownAgency(from, field: "from")
        let posting = try context.messagePosting(
            to: to, priority: priority, channel: channel, subject: subject, body: body,
            incident: incident, acknowledgementRequired: acknowledgementRequired)
        if let reference = posting.incident { _ = try incidentRecord(reference) }
        return (agency, .messagePosted(posting))
    }

    /// Validates before `reference` is called, so a typo does not use up a number.
    public func openIncident(
        agency: String, type: String, severity: String, area: String, title: String, place: String?,
        lead: String?, people: Int?, reference: () throws -> IncidentReference
    ) throws -> Write {
        let reporting = try context.knownAgency(agency, field: "agency")
        var opening = try context.incidentOpening(
            reference: IncidentReference(year: Clock.year, number: 1), title: title, type: type, severity: severity,
            area: area,
            place: place, leadAgency: lead, peopleAffected: people)
        opening.reference = try reference()
        return (reporting, .incidentOpened(opening))
    }

    /// Open incidents of the same type in the same area in the last 30 minutes, asked of the
    /// store (a board may be filtered, or show only its first rows). Empty without a store.
    public func likelyDuplicates(type: String, area: String, at now: Timestamp) -> [Incident] {
        guard let store, let type = try? IncidentType.parse(type, field: "type"),
            let area = try? context.gazetteer.resolve(area)
        else { return [] }
        let newestThere = IncidentQuery(openOnly: true, area: area.id, order: .newest)
        guard let candidates = try? store.incidents(matching: newestThere, limit: 200) else { return [] }
        return DuplicateRule.likelyDuplicates(type: type, area: area.id, at: now, among: candidates.map(\.incident))
    }

    public func updateIncident(
        reference: String, agency: String, severity: String?, title: String?, place: String?,
        lead: String?, people: Int?
    ) throws -> Write {
        let ref = try IncidentReference(reference)
        try incidentRecord(ref)
        let payload = try context.payload(
            .incidentUpdated,
            [
                "ref": .text(ref.rawValue), "title": title.map(FieldValue.text),
                "severity": severity.map(FieldValue.text),
                "place": place.map(FieldValue.text), "lead": lead.map(FieldValue.text),
                "people": people.map(FieldValue.integer),
            ])
        guard payload != .incidentUpdated(IncidentUpdate(reference: ref)) else {
            throw ChannelError.nothingToChange(options: ["--severity", "--title", "--place", "--lead", "--people"])
        }
        return (try context.knownAgency(agency, field: "agency"), payload)
    }

    /// A numbered reference from the store, or a provisional one when the store is unavailable.
    public func nextIncidentReference() throws -> IncidentReference {
        if let references {
            do { return try references.nextIncidentReference(year: Clock.year) } catch  where error.isUnavailable {
            } catch {
                throw ChannelError.store(error)
            }
        }
        return .provisional(year: Clock.year)
    }

    public func changeStatus(reference: String, to status: String, agency: String, note: String?) throws -> Write {
        let ref = try IncidentReference(reference)
        let payload = try context.payload(
            .incidentStatusChanged,
            [
                "ref": .text(ref.rawValue), "status": .text(status), "note": note.map(FieldValue.text),
            ])
        if case .incidentStatusChanged(let change) = payload {
            try incidentRecord(ref)?.status.checkTransition(to: change.status)
            if change.status == .closed, let store {
                // Those still working it: a unit taken off by hand (out of service) no longer is.
                let committed = try storeCall { () throws(StoreError) in try store.assignments(of: ref) }
                    .filter(\.isActive).map(\.unit)
                    .filter { unit in
                        guard let record = try? unitRecord(unit) else { return true }
                        return record.incident == ref && record.status.isCommitted
                    }.map(\.rawValue)
                if !committed.isEmpty {
                    throw ValidationError(
                        field: "status", value: "closed", problem: .unitsCommitted(committed.sorted()))
                }
            }
        }
        return (try context.knownAgency(agency, field: "agency"), payload)
    }

    /// A unit tasked to an open incident, or its assignment moved on. Progress only moves
    /// forward: a stage the assignment has reached (or passed) is refused.
    public func assignment(_ stage: AssignmentStage, reference: String, callSign: String, agency: String) throws
        -> Write
    {
        let link = AssignmentLink(incident: try IncidentReference(reference), unit: try CallSign(callSign))
        let incident = try incidentRecord(link.incident)
        let unit = try unitRecord(link.unit)
        if stage == .tasked {
            if let incident, !incident.status.isOpen {
                throw ValidationError(
                    field: "incident", value: link.incident.rawValue,
                    problem: .transitionRefused(from: "closed", allowed: ["reopen it first"]))
            }
            if let unit, !unit.status.canBeTasked {
                throw ValidationError(
                    field: "unit", value: link.unit.rawValue,
                    problem: .unavailable(status: unit.status.rawValue, incident: unit.incident?.rawValue))
            }
        } else if let unit, let store {
            guard unit.incident == link.incident else {
                throw ValidationError(
                    field: "unit", value: link.unit.rawValue,
                    problem: .unknown(what: "assignment to \(link.incident) for unit"))
            }
            let current = try storeCall { () throws(StoreError) in try store.assignments(of: link.incident) }
                .first { $0.unit == link.unit && $0.releasedAt == nil }
            if let reached = current?.furthestStage, stage <= reached {
                throw ValidationError(
                    field: "stage", value: stage.rawValue,
                    problem: .transitionRefused(
                        from: reached.rawValue,
                        allowed: AssignmentStage.allCases.filter { $0 > reached }.map(\.rawValue)))
            }
        }
        return (try context.knownAgency(agency, field: "agency"), .assignment(stage, link))
    }

    /// A move by hand. On an incident, en route, on scene and returning are its assignment's
    /// stages and are written as such; assigned comes only from tasking.
    public func unitStatus(callSign: String, to status: String, agency: String?) throws -> Write {
        let unit = try CallSign(callSign)
        let next = try UnitStatus.parse(status, field: "status")
        let current = try unitRecord(unit)
        let acting = try context.knownAgency(agency ?? current?.agency.rawValue ?? actingAgency(nil), field: "agency")
        guard let current else { return (acting, .unitStatusChanged(UnitStatusChange(callSign: unit, status: next))) }
        try current.status.checkTransition(to: next, onAssignment: current.incident != nil)
        if let incident = current.incident, let stage = next.assignmentStage {
            return try assignment(stage, reference: incident.rawValue, callSign: unit.rawValue, agency: acting.rawValue)
        }
        return (acting, .unitStatusChanged(UnitStatusChange(callSign: unit, status: next)))
    }

    /// A new unit; a call sign already on the channel is refused, naming the unit and its agency.
    public func registerUnit(callSign: String, agency: String, kind: String, capabilities: [String], contact: String?)
        throws -> Write
    {
        let registration = try context.unitRegistration(
            callSign: callSign, agency: agency, kind: kind, capabilities: capabilities, contact: contact)
        if let store, let existing = try storeCall({ () throws(StoreError) in try store.unit(registration.callSign) }) {
            throw ValidationError(
                field: "callsign", value: existing.callSign.rawValue,
                problem: .exists(what: "unit of \(existing.agency) (\(existing.kind.rawValue))"))
        }
        return (registration.agency, .unitRegistered(registration))
    }

    /// A unit's kind, capabilities or contact changed: its registration again, the rest kept.
    public func updateUnit(callSign: String, kind: String?, capabilities: [String]?, contact: String?) throws -> Write {
        let sign = try CallSign(callSign, field: "callsign")
        guard let store else { throw ChannelError.needsStore("a unit is updated from what the store holds") }
        guard let unit = try storeCall({ () throws(StoreError) in try store.unit(sign) }) else {
            throw ValidationError(field: "callsign", value: callSign, problem: .unknown(what: "unit"))
        }
        guard kind != nil || capabilities != nil || contact != nil else {
            throw ChannelError.nothingToChange(options: ["--kind", "--capability", "--contact"])
        }
        let registration = try context.unitRegistration(
            callSign: sign.rawValue, agency: unit.agency.rawValue, kind: kind ?? unit.kind.rawValue,
            capabilities: capabilities ?? unit.capabilities, contact: contact ?? unit.contact)
        return (unit.agency, .unitRegistered(registration))
    }

    /// nil, with the earlier acknowledgement, when the agency has already acknowledged. Only an
    /// agency the message was addressed to acknowledges it (`*`: every registered agency but the sender).
    public func acknowledge(messageID: String, agency: String) throws -> (write: Write?, earlier: Acknowledgement?) {
        let id = try messageID.count < 36 ? messageByPrefix(messageID) : EventID(messageID, field: "message")
        let code = try context.knownAgency(agency, field: "agency")
        if let store {
            guard let record = try storeCall({ () throws(StoreError) in try store.message(id) }) else {
                throw ValidationError(field: "message", value: messageID, problem: .unknown(what: "message"))
            }
            guard record.message.acknowledgementRequired else {
                throw ValidationError(field: "message", value: id.rawValue, problem: .noAcknowledgementAsked)
            }
            let addressed = record.message.addressees(among: context.agencies.sorted())
            guard addressed.contains(code) else {
                throw ValidationError(
                    field: "agency", value: code.rawValue,
                    problem: .notAddressed(to: record.message.recipients.codes, sender: record.message.agency.rawValue))
            }
            if let earlier = record.acknowledgements.first(where: { $0.agency == code }) { return (nil, earlier) }
        }
        return ((code, .messageAcknowledged(MessageAcknowledgement(message: id))), nil)
    }

    /// The one message whose id begins with `prefix` (8 characters at least, as `qanat list
    /// messages` shows ids): a typed id need not be whole.
    private func messageByPrefix(_ prefix: String) throws -> EventID {
        try idByPrefix(prefix, field: "message", what: "message") { typed throws(StoreError) in
            guard let store else { return [] }
            return try store.messageIDs(startingWith: typed, limit: 5)
        }
    }

    /// The one id that `lookup` finds beginning with `prefix`, 8 characters or more of it.
    func idByPrefix(
        _ prefix: String, field: String, what: String,
        _ lookup: (String) throws(StoreError) -> [EventID]
    ) throws -> EventID {
        let typed = prefix.trimmingSpaces().lowercased()
        guard typed.count >= 8, typed.allSatisfy({ $0.isHexDigit || $0 == "-" }), store != nil else {
            throw ValidationError(
                field: field, value: prefix,
                problem: .malformed(expected: "a \(what) id, or its first 8 characters or more"))
        }
        let found = try storeCall { () throws(StoreError) in try lookup(typed) }
        switch found.count {
        case 0: throw ValidationError(field: field, value: prefix, problem: .unknown(what: what))
        case 1: return found[0]
        default: throw ValidationError(field: field, value: prefix, problem: .ambiguous(found.map(\.rawValue)))
        }
    }

    /// Adds or replaces a member; refuses what would leave the store without an admin.
    public func addMember(user: String, officer: String?, agency: String, role: String, shared: Bool, pinHash: String?)
        throws -> Write
    {
        let payload = try context.payload(
            .memberAdded,
            [
                "user": .text(user), "officer": officer.map(FieldValue.text), "agency": .text(agency),
                "role": .text(role),
                "shared": .flag(shared), "pin": pinHash.map(FieldValue.text),
            ])
        return (try context.knownAgency(agency, field: "agency"), payload)
    }

    public func removeMember(user: String, officer: String?) throws -> Write {
        guard
            case .memberRemoved(let key) = try context.payload(
                .memberRemoved, ["user": .text(user), "officer": officer.map(FieldValue.text)])
        else { preconditionFailure("member.removed's schema makes a member key") }
        guard let store else {
            return (try context.knownAgency(actingAgency(nil), field: "agency"), .memberRemoved(key))
        }
        let members = try storeCall({ () throws(StoreError) in try store.members() })
        guard let existing = members.first(where: { $0.key.isSame(as: key) }) else {
            throw ValidationError(field: "user", value: key.description, problem: .unknown(what: "member"))
        }
        return (existing.agency, .memberRemoved(existing.key))
    }

    /// What no role may do: leave a managed store without an admin (`Authority.checkKeepsAnAdmin`).
    public func checkKeepsAnAdmin(_ write: Write) throws {
        guard let store, write.payload.type == .memberAdded || write.payload.type == .memberRemoved else { return }
        try Authority.checkKeepsAnAdmin(
            write.payload, members: try storeCall { () throws(StoreError) in try store.members() })
    }

    /// An officer signing on to a shared duty account: who they are to the store's members,
    /// checked by `Authority.signOn` (their PIN, and an agency their role allows). On a service
    /// store the service checks a guarded entry's PIN and gives the desk the seal for its lines.
    public func signOn(officer: String, agency: String, pin: String, user: String, service: ServiceClient? = nil)
        throws -> (officer: String, agency: AgencyCode, actor: Actor, seal: LineSeal?)
    {
        guard let store else { throw ChannelError.needsStore("signing on needs the store's members") }
        let name = try context.officer(officer)
        let code = try context.knownAgency(agency, field: "agency")
        let actor = try storeCall { () throws(StoreError) in try store.actor(user: user, officer: name, pinProven: true)
        }
        guard let service, actor.member?.pin != nil else {
            try Authority.signOn(for: code, by: actor) { PINHash.verify(pin, against: $0) }
            return (name, code, actor, nil)
        }
        try Authority.signOn(for: code, by: actor) { _ in true }
        return (name, code, actor, try service.signOn(officer: name, pin: pin))
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

    func storeCall<T>(_ body: () throws(StoreError) -> T) throws(ChannelError) -> T {
        do { return try body() } catch { throw .store(error) }
    }
}

/// The acting agency for commands where it is not the subject: the option, else `QANAT_AGENCY`,
/// else the agency of the member writing, else MOI.
public func actingAgency(_ option: String?, member: Member? = nil) -> String {
    option ?? Environment.value("QANAT_AGENCY") ?? member?.agency.rawValue ?? "MOI"
}
