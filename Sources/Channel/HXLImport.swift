import QanatCore
import QanatStore

/// A row of an HXL file as the writes it calls for, checked as the command line's are: a record
/// new to the store is registered under the id the file carries; one the store holds is changed
/// only where the file differs. A row the store already agrees with calls for nothing, so an
/// import run twice writes once.
public struct HXLImport {
    public let actions: Actions
    /// Who registers a new organisation (a supervisor's own agency).
    public let actingAgency: String

    public init(actions: Actions, actingAgency: String) {
        self.actions = actions
        self.actingAgency = actingAgency
    }

    public func writes(_ kind: HXLKind, _ values: [String: String], at now: Timestamp) throws -> [Actions.Write] {
        switch kind {
        case .activities: try activity(values, at: now)
        case .needs: try need(values, at: now)
        case .organisations: try organisation(values)
        }
    }

    private func required(_ values: [String: String], _ key: String, _ kind: HXLKind) throws -> String {
        guard let value = values[key] else {
            let hashtag = kind.columns.first { $0.key == key }?.hashtag ?? key
            throw ValidationError(field: hashtag, value: "", problem: .missing)
        }
        return value
    }

    /// The area a row names: the municipality by its P-code, else by its name; a row with no
    /// municipality is about its district, by code or name.
    private func area(_ values: [String: String], _ kind: HXLKind) throws -> String {
        for (key, field) in [("areaCode", "#adm2+code"), ("districtCode", "#adm1+code")] {
            guard let code = values[key] else { continue }
            guard let area = Gazetteer.libya.area(code: code) else {
                throw ValidationError(field: field, value: code, problem: .unknown(what: "area with the P-code"))
            }
            return area.id
        }
        if let name = values["area"] { return try actions.context.gazetteer.resolve(name, field: "#adm2+name").id }
        return try actions.context.gazetteer.resolveDistrict(
            try required(values, "district", kind), field: "#adm1+name"
        ).id
    }

    private func integer(_ values: [String: String], _ key: String, field: String) throws -> Int? {
        guard let text = values[key] else { return nil }
        guard let value = Digits.integer(text) else {
            throw ValidationError(field: field, value: text, problem: .malformed(expected: "a whole number"))
        }
        return value
    }

    /// The row's id; a partner's sheet has none of ours, so a row without one is known by its key
    /// fields (organisation, area, sector, what, and an activity's start): the same row imported
    /// again is the same record, and a later sheet changing only its other fields updates it.
    private func id(_ values: [String: String], _ kind: HXLKind) throws -> RecordID {
        if let text = values["id"] { return try RecordID(text, field: kind.columns[0].hashtag) }
        let organisation = try AgencyCode(try required(values, "org", kind), field: "#org+code").rawValue
        let sector = try Sector.parse(try required(values, "sector", kind), field: "#sector").rawValue
        var key = [
            kind.rawValue, organisation, try area(values, kind), sector,
            Self.keyText(try required(values, "what", kind)),
        ]
        if kind == .activities {
            key.append(try CalendarDate(try required(values, "start", kind), field: "#date+start").description)
        }
        return NameDerivedID.make(NameDerivedID.joined(["hxl"] + key))
    }

    /// A name as a key: case, spacing and digits' script do not make another record; every other
    /// character does (`Phase 1.5` is not `Phase 15`).
    static func keyText(_ text: String) -> String {
        Digits.western(text).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private func activity(_ values: [String: String], at now: Timestamp) throws -> [Actions.Write] {
        let id = try id(values, .activities)
        let reached = try integer(values, "reached", field: "#reached")
        if let store = actions.store,
            let existing = try actions.storeCall({ () throws(StoreError) in try store.activity(id) })
        {
            let r = existing.registration
            try sameOrganisation(values, r.organisation, id: id, .activities)
            let status = values["status"].flatMap { $0.lowercased() == r.status.rawValue.lowercased() ? nil : $0 }
            let start = values["start"].flatMap { $0 == r.start.description ? nil : $0 }
            let end = values["end"].flatMap { $0 == r.end.description ? nil : $0 }
            let newReached = reached == existing.reached ? nil : reached
            guard status != nil || start != nil || end != nil || newReached != nil else { return [] }
            return [
                try actions.updateActivity(
                    id: id.rawValue, status: status, reached: newReached, start: start, end: end, acting: nil)
            ]
        }
        let registered = try actions.registerActivity(
            organisation: try required(values, "org", .activities), implementer: values["implementer"],
            sector: try required(values, "sector", .activities), area: try area(values, .activities),
            what: try required(values, "what", .activities),
            start: try required(values, "start", .activities), end: try required(values, "end", .activities),
            status: values["status"],
            targeted: try integer(values, "targeted", field: "#targeted"), needs: HXLTable.list(values["needs"]) ?? [],
            at: now, id: id)
        guard let reached else { return [registered.write] }
        let update = try actions.context.payload(
            .activityUpdated, ["activity": .text(id.rawValue), "reached": .integer(reached)])
        return [registered.write, (registered.write.agency, update)]
    }

    private func need(_ values: [String: String], at now: Timestamp) throws -> [Actions.Write] {
        let id = try id(values, .needs)
        let quantity = try integer(values, "quantity", field: "#item+needed+num")
        let people = try integer(values, "people", field: "#inneed")
        if let store = actions.store,
            let existing = try actions.storeCall({ () throws(StoreError) in try store.need(id) })
        {
            try sameOrganisation(values, existing.report.organisation, id: id, .needs)
            let status = values["status"].flatMap {
                $0.lowercased() == existing.status.rawValue.lowercased() ? nil : $0
            }
            let newQuantity = quantity == existing.report.quantity ? nil : quantity
            let newPeople = people == existing.report.people ? nil : people
            guard status != nil || newQuantity != nil || newPeople != nil else { return [] }
            return [try actions.updateNeed(id: id.rawValue, status: status, quantity: newQuantity, people: newPeople)]
        }
        let reported = try actions.reportNeed(
            area: try area(values, .needs), sector: try required(values, "sector", .needs),
            what: try required(values, "what", .needs),
            quantity: try quantity
                ?? { throw ValidationError(field: "#item+needed+num", value: "", problem: .missing) }(),
            unit: try required(values, "unit", .needs), people: people, priority: values["priority"],
            organisation: try required(values, "org", .needs), incident: values["incident"], at: now, id: id,
            reportedOn: values["reported"])
        guard let status = values["status"], status.lowercased() != NeedStatus.reported.rawValue.lowercased() else {
            return [reported]
        }
        let update = try actions.context.payload(.needUpdated, ["need": .text(id.rawValue), "status": .text(status)])
        return [reported, (reported.agency, update)]
    }

    /// A row whose id the store holds for another organisation's record is not that record: a
    /// partner's row is never merged into someone else's (the id is taken, the row refused).
    private func sameOrganisation(_ values: [String: String], _ holder: AgencyCode, id: RecordID, _ kind: HXLKind)
        throws
    {
        guard let named = values["org"], named.uppercased() != holder.rawValue else { return }
        throw ValidationError(
            field: kind.columns[0].hashtag, value: id.rawValue,
            problem: .exists(what: "\(kind.rawValue.dropLast()) of \(holder)"))
    }

    private func organisation(_ values: [String: String]) throws -> [Actions.Write] {
        let code = try AgencyCode(try required(values, "code", .organisations), field: "#org+code")
        let areas = try HXLTable.list(values["areas"]).map { codes in
            try codes.map { text in
                guard let area = Gazetteer.libya.area(code: text) ?? Gazetteer.libya.area(named: text) else {
                    throw ValidationError(
                        field: "#adm2+code+list", value: text, problem: .unknown(what: "area with the P-code"))
                }
                return area.id
            }
        }
        let sectors = HXLTable.list(values["sectors"])
        let focal = HXLTable.list(values["focal"])
        let capabilities = HXLTable.list(values["capabilities"])
        if let store = actions.store,
            let existing = try actions.storeCall({ () throws(StoreError) in try store.organisation(code) })
        {
            let a = existing.agency
            func changed(_ given: String?, _ current: String?) -> String? { given == current ? nil : given }
            let change = (
                kind: values["kind"].flatMap { $0.lowercased() == a.kind.rawValue.lowercased() ? nil : $0 },
                nameEn: changed(values["nameEn"], a.nameEnglish), nameAr: changed(values["nameAr"], a.nameArabic),
                registration: changed(values["registration"], existing.registration),
                areas: areas == existing.areas ? nil : areas,
                sectors: sectors == existing.sectors.map(\.rawValue) ? nil : sectors,
                focal: focal == existing.focalPoints.map(\.text) ? nil : focal,
                capabilities: capabilities == existing.capabilities ? nil : capabilities,
                status: values["status"].flatMap { $0.lowercased() == existing.status.rawValue ? nil : $0 }
            )
            guard
                change.kind != nil || change.nameEn != nil || change.nameAr != nil || change.registration != nil
                    || change.areas != nil
                    || change.sectors != nil || change.focal != nil || change.capabilities != nil
                    || change.status != nil
            else { return [] }
            return [
                try actions.updateOrganisation(
                    code: code.rawValue, kind: change.kind, nameEnglish: change.nameEn, nameArabic: change.nameAr,
                    registration: change.registration,
                    areas: change.areas, sectors: change.sectors, focalPoints: change.focal,
                    capabilities: change.capabilities, status: change.status)
            ]
        }
        let registered = try actions.registerOrganisation(
            code: code.rawValue, kind: try required(values, "kind", .organisations),
            nameEnglish: try required(values, "nameEn", .organisations),
            nameArabic: try required(values, "nameAr", .organisations), registration: values["registration"],
            areas: areas ?? [],
            sectors: sectors ?? [], focalPoints: focal ?? [], capabilities: capabilities ?? [],
            actingAgency: actingAgency)
        guard let status = values["status"], status.lowercased() != OrganisationStatus.active.rawValue else {
            return [registered]
        }
        let update = try actions.context.payload(
            .organisationUpdated, ["code": .text(code.rawValue), "status": .text(status)])
        return [registered, (code, update)]
    }
}
