import QanatCore
import QanatStore

/// The coordination's writes: organisations, needs, activities, pledges and store settings,
/// checked as `Actions`' are (fields, then what the store holds). Each need, activity and
/// pledge is written for its organisation: that is the event's agency, which the authority
/// rules hold an operator to.
extension Actions {
    /// A new organisation; a code already on the channel is refused.
    public func registerOrganisation(
        code: String, kind: String, nameEnglish: String, nameArabic: String, registration: String?,
        areas: [String], sectors: [String], focalPoints: [String], capabilities: [String],
        actingAgency: String
    ) throws -> Write {
        let payload = try context.payload(
            .organisationRegistered,
            [
                "code": .text(code), "kind": .text(kind), "nameEn": .text(nameEnglish), "nameAr": .text(nameArabic),
                "registration": registration.map(FieldValue.text), "areas": .list(areas), "sectors": .list(sectors),
                "focal": .list(focalPoints),
                "capabilities": .list(capabilities),
            ])
        guard case .organisationRegistered(let organisation) = payload else {
            preconditionFailure("organisation.registered's schema")
        }
        if let existing = try organisationRecord(organisation.code, mustExist: false) {
            throw ValidationError(
                field: "code", value: existing.code.rawValue,
                problem: .exists(what: "\(existing.agency.kind.rawValue) organisation (\(existing.agency.nameEnglish))")
            )
        }
        return (try context.knownAgency(actingAgency, field: "agency"), payload)
    }

    /// What is given changes; lists given replace the organisation's.
    public func updateOrganisation(
        code: String, kind: String?, nameEnglish: String?, nameArabic: String?, registration: String?,
        areas: [String]?, sectors: [String]?, focalPoints: [String]?, capabilities: [String]?,
        status: String?
    ) throws -> Write {
        let payload = try context.payload(
            .organisationUpdated,
            [
                "code": .text(code), "kind": kind.map(FieldValue.text), "nameEn": nameEnglish.map(FieldValue.text),
                "nameAr": nameArabic.map(FieldValue.text), "registration": registration.map(FieldValue.text),
                "areas": areas.map(FieldValue.list), "sectors": sectors.map(FieldValue.list),
                "focal": focalPoints.map(FieldValue.list),
                "capabilities": capabilities.map(FieldValue.list), "status": status.map(FieldValue.text),
            ])
        guard case .organisationUpdated(let change) = payload else {
            preconditionFailure("organisation.updated's schema")
        }
        guard !change.isEmpty else {
            throw ChannelError.nothingToChange(options: [
                "--kind", "--name-en", "--name-ar", "--registration", "--area", "--sector", "--focal",
                "--capability", "--status",
            ])
        }
        try organisationRecord(change.code, mustExist: true)
        return (change.code, payload)
    }

    /// `id`: the need's own, when it comes from another system's file; else a new one.
    public func reportNeed(
        area: String, sector: String, what: String, quantity: Int, unit: String, people: Int?, priority: String?,
        organisation: String, incident: String?, at now: Timestamp, id: RecordID? = nil,
        reportedOn: String? = nil
    ) throws -> Write {
        let payload = try context.payload(
            .needReported,
            [
                "need": .text((id ?? RecordID.make(at: now)).rawValue), "area": .text(area), "sector": .text(sector),
                "what": .text(what),
                "quantity": .integer(quantity), "unit": .text(unit), "people": people.map(FieldValue.integer),
                "priority": priority.map(FieldValue.text), "org": .text(organisation),
                "incident": incident.map(FieldValue.text),
                "reported": reportedOn.map(FieldValue.text),
            ])
        guard case .needReported(let need) = payload else { preconditionFailure("need.reported's schema") }
        try activeOrganisation(need.organisation, field: "org")
        if let reference = need.incident, let store,
            try storeCall({ () throws(StoreError) in try store.incident(reference) }) == nil
        {
            throw ValidationError(field: "incident", value: reference.rawValue, problem: .unknown(what: "incident"))
        }
        return (need.organisation, payload)
    }

    public func updateNeed(id typed: String, status: String?, quantity: Int?, people: Int?) throws -> Write {
        let need = try needRecord(typed)
        let payload = try context.payload(
            .needUpdated,
            [
                "need": .text(need.id.rawValue), "status": status.map(FieldValue.text),
                "quantity": quantity.map(FieldValue.integer),
                "people": people.map(FieldValue.integer),
            ])
        guard payload != .needUpdated(NeedChange(id: need.id)) else {
            throw ChannelError.nothingToChange(options: ["--status", "--quantity", "--people"])
        }
        return (need.report.organisation, payload)
    }

    /// A new activity, and the organisations it would duplicate (its cell would be flagged
    /// duplicated with it): the caller warns before — or as — it saves. `acting`: the agency
    /// writing, which records it as the implementer when it is the one named; else the funder.
    public func registerActivity(
        organisation: String, implementer: String?, sector: String, area: String, what: String,
        start: String, end: String, status: String?, targeted: Int?, needs: [String],
        at now: Timestamp, id: RecordID? = nil, acting: String? = nil
    ) throws -> (write: Write, duplicates: [AgencyCode]) {
        var answered: [Need] = []
        for typed in needs { answered.append(try needRecord(typed, field: "need")) }
        let needIDs = answered.map(\.id.rawValue)
        let payload = try context.payload(
            .activityRegistered,
            [
                "activity": .text((id ?? RecordID.make(at: now)).rawValue), "org": .text(organisation),
                "implementer": implementer.map(FieldValue.text),
                "sector": .text(sector), "area": .text(area), "what": .text(what), "start": .text(start),
                "end": .text(end),
                "status": status.map(FieldValue.text), "targeted": targeted.map(FieldValue.integer),
                "needs": .list(needIDs),
            ])
        guard case .activityRegistered(let activity) = payload else {
            preconditionFailure("activity.registered's schema")
        }
        try activeOrganisation(activity.organisation, field: "org")
        // Work that has not begun is neither under way nor done.
        if activity.status == .ongoing || activity.status == .finished, activity.start > CalendarDate(libyaDayOf: now) {
            throw ValidationError(
                field: "status", value: activity.status.rawValue,
                problem: .malformed(expected: "planned: it starts on \(activity.start), after today"))
        }
        if let implementer = activity.implementer { try activeOrganisation(implementer, field: "implementer") }
        // An activity answers needs where it works: the same area and sector.
        if let elsewhere = answered.first(where: {
            $0.cell != CoverageCell.Key(area: activity.area, sector: activity.sector)
        }) {
            throw ValidationError(
                field: "need", value: elsewhere.id.rawValue,
                problem: .malformed(
                    expected:
                        "a need of the activity's own area and sector (it is \(elsewhere.report.area) × \(elsewhere.report.sector.rawValue))"
                ))
        }
        let implementing = acting.flatMap { try? AgencyCode($0) }.flatMap { $0 == activity.implementer ? $0 : nil }
        return ((implementing ?? activity.organisation, payload), try duplicates(of: activity, at: now))
    }

    /// The organisations whose activities `activity` would duplicate, by the store's picture of its cell.
    public func duplicates(of activity: ActivityRegistration, at now: Timestamp) throws -> [AgencyCode] {
        guard let store else { return [] }
        let cell = CoordinationQuery(areas: [activity.area], sector: activity.sector)
        let picture = try storeCall { () throws(StoreError) in try store.coordinationPicture(matching: cell) }
        let rules = try coverageRules(at: now)
        return rules.duplicationWarning(
            for: activity, registeredAt: now, needs: picture.needs,
            activities: picture.activities, pledges: picture.pledges)
    }

    /// `acting`: the agency writing, when it is the activity's implementer; otherwise the funder's.
    public func updateActivity(
        id typed: String, status: String?, reached: Int?, start: String?, end: String?, acting: String?
    ) throws -> Write {
        let activity = try record(.activity, typed) { store, id throws(StoreError) in try store.activity(id) }
        let payload = try context.payload(
            .activityUpdated,
            [
                "activity": .text(activity.id.rawValue), "status": status.map(FieldValue.text),
                "reached": reached.map(FieldValue.integer),
                "start": start.map(FieldValue.text), "end": end.map(FieldValue.text),
            ])
        guard case .activityUpdated(let change) = payload else { preconditionFailure("activity.updated's schema") }
        guard change != ActivityChange(id: activity.id) else {
            throw ChannelError.nothingToChange(options: ["--status", "--reached", "--start", "--end"])
        }
        if let next = change.status, next != activity.status {
            guard activity.status.next.contains(next) else {
                throw ValidationError(
                    field: "status", value: next.rawValue,
                    problem: .transitionRefused(
                        from: activity.status.rawValue, allowed: activity.status.next.map { $0.rawValue }))
            }
        }
        let start = change.start ?? activity.registration.start
        let end = change.end ?? activity.registration.end
        guard end >= start else {
            throw ValidationError(
                field: "end", value: end.description, problem: .malformed(expected: "on or after the start, \(start)"))
        }
        let implementer = activity.registration.implementer
        let agency =
            acting.flatMap { try? AgencyCode($0) }.flatMap { $0 == implementer ? $0 : nil }
            ?? activity.registration.organisation
        return (agency, payload)
    }

    public func makePledge(need typed: String, organisation: String, quantity: Int, by: String?, at now: Timestamp)
        throws -> Write
    {
        let need = try needRecord(typed)
        let payload = try context.payload(
            .pledgeMade,
            [
                "pledge": .text(RecordID.make(at: now).rawValue), "need": .text(need.id.rawValue),
                "org": .text(organisation),
                "quantity": .integer(quantity), "by": by.map(FieldValue.text),
            ])
        guard case .pledgeMade(let pledge) = payload else { preconditionFailure("pledge.made's schema") }
        try activeOrganisation(pledge.organisation, field: "org")
        let today = CalendarDate(libyaDayOf: now)
        if let by = pledge.by, by < today {
            throw ValidationError(
                field: "by", value: by.description,
                problem: .malformed(expected: "today (\(today)) or later: a promise is for what is still to come"))
        }
        if store != nil, !need.status.isOpen {
            throw ValidationError(
                field: "need", value: need.id.rawValue, problem: .notOpen(status: need.status.rawValue))
        }
        return (pledge.organisation, payload)
    }

    public func updatePledge(id typed: String, status: String, quantity: Int?) throws -> Write {
        let pledge = try record(.pledge, typed) { store, id throws(StoreError) in try store.pledge(id) }
        let payload = try context.payload(
            .pledgeUpdated,
            [
                "pledge": .text(pledge.id.rawValue), "status": .text(status),
                "quantity": quantity.map(FieldValue.integer),
            ])
        guard case .pledgeUpdated(let change) = payload else { preconditionFailure("pledge.updated's schema") }
        if change.status != pledge.status, !pledge.status.next.contains(change.status) {
            throw ValidationError(
                field: "status", value: change.status.rawValue,
                problem: .transitionRefused(
                    from: pledge.status.rawValue, allowed: pledge.status.next.map { $0.rawValue }))
        }
        return (pledge.made.organisation, payload)
    }

    public func changeSetting(_ name: String, value: Int, actingAgency: String) throws -> Write {
        let payload = try context.payload(.settingChanged, ["setting": .text(name), "value": .integer(value)])
        return (try context.knownAgency(actingAgency, field: "agency"), payload)
    }

    /// The rules as this store sets them, for today in Libya.
    public func coverageRules(at now: Timestamp) throws -> CoverageRules {
        let gapDays = try store.map { store in try storeCall { () throws(StoreError) in try store.setting(.gapDays) } }
        return CoverageRules(
            today: CalendarDate(libyaDayOf: now), gapDays: gapDays ?? StoreSetting.gapDays.defaultValue)
    }

    // MARK: records

    /// A need, activity or pledge by its id or a unique prefix of 8 characters or more.
    public func recordID(_ kind: CoordinationRecordKind, _ typed: String, field: String? = nil) throws -> RecordID {
        let field = field ?? kind.rawValue
        if typed.count == 36 { return try RecordID(typed, field: field) }
        return try idByPrefix(typed, field: field, what: kind.rawValue) { prefix throws(StoreError) in
            guard let store else { return [] }
            return try store.recordIDs(of: kind, startingWith: prefix, limit: 5)
        }
    }

    private func record<Record>(
        _ kind: CoordinationRecordKind, _ typed: String, field: String? = nil,
        _ read: (any StoreReader, RecordID) throws(StoreError) -> Record?
    ) throws -> Record {
        let id = try recordID(kind, typed, field: field)
        guard let store else {
            throw ChannelError.needsStore("a \(kind.rawValue) is changed from what the store holds")
        }
        guard let found = try storeCall({ () throws(StoreError) in try read(store, id) }) else {
            throw ValidationError(field: field ?? kind.rawValue, value: typed, problem: .unknown(what: kind.rawValue))
        }
        return found
    }

    private func needRecord(_ typed: String, field: String = "need") throws -> Need {
        try record(.need, typed, field: field) { store, id throws(StoreError) in try store.need(id) }
    }

    @discardableResult
    private func organisationRecord(_ code: AgencyCode, mustExist: Bool) throws -> Organisation? {
        guard let store else {
            if mustExist { throw ChannelError.needsStore("an organisation is changed from what the store holds") }
            return nil
        }
        let found = try storeCall { () throws(StoreError) in try store.organisation(code) }
        if mustExist, found == nil {
            throw ValidationError(field: "code", value: code.rawValue, problem: .unknown(what: "organisation"))
        }
        return found
    }

    /// A suspended organisation records no new need, activity or pledge.
    private func activeOrganisation(_ code: AgencyCode, field: String) throws {
        guard let organisation = try organisationRecord(code, mustExist: false), organisation.status == .suspended
        else { return }
        throw ValidationError(field: field, value: code.rawValue, problem: .suspended)
    }
}
