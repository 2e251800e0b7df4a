/// Records as rows of Qanat's HXL tables (`HXLKind.columns`), in English and with P-codes.
public enum HXLRows {
    public static func row(_ kind: HXLKind, _ values: [String: String]) -> [String] {
        kind.columns.map { values[$0.key] ?? "" }
    }

    static func place(_ areaID: String) -> [String: String] {
        let area = Gazetteer.libya.area(id: areaID)
        let district = Gazetteer.libya.district(of: areaID)
        // A record of a whole district has no municipality: its #adm2 cells stay empty.
        let municipality = area?.kind == .district ? nil : area
        return [
            "district": district?.plainNameEnglish ?? "", "districtCode": district?.code ?? "",
            "area": municipality?.plainNameEnglish ?? (area == nil ? areaID : ""), "areaCode": municipality?.code ?? "",
        ]
    }

    public static func activity(_ activity: Activity, names: [AgencyCode: String]) -> [String] {
        let r = activity.registration
        return row(
            .activities,
            place(r.area).merging([
                "id": r.id.rawValue, "org": r.organisation.rawValue, "orgName": names[r.organisation] ?? "",
                "implementer": r.implementer?.rawValue ?? "", "sector": r.sector.rawValue, "what": r.what,
                "start": r.start.description, "end": r.end.description, "status": r.status.rawValue,
                "targeted": r.targeted.map(String.init) ?? "", "reached": activity.reached.map(String.init) ?? "",
                "needs": r.needs.map(\.rawValue).joined(separator: HXLKind.listSeparator),
            ]) { $1 })
    }

    public static func need(_ need: Need, covered: Int) -> [String] {
        let r = need.report
        return row(
            .needs,
            place(r.area).merging([
                "id": r.id.rawValue, "sector": r.sector.rawValue, "what": r.what, "quantity": String(r.quantity),
                "unit": r.unit,
                "people": r.people.map(String.init) ?? "", "priority": r.priority.rawValue,
                "status": need.status.rawValue,
                "org": r.organisation.rawValue, "incident": r.incident?.rawValue ?? "",
                "reported": need.reportedDay.description, "covered": String(covered),
            ]) { $1 })
    }

    public static func organisation(_ o: Organisation) -> [String] {
        let list = { (items: [String]) in items.joined(separator: HXLKind.listSeparator) }
        return row(
            .organisations,
            [
                "code": o.code.rawValue, "kind": o.agency.kind.rawValue, "nameEn": o.agency.nameEnglish,
                "nameAr": o.agency.nameArabic,
                "registration": o.registration ?? "",
                "areas": list(o.areas.map { Gazetteer.libya.area(id: $0)?.code ?? $0 }),
                "sectors": list(o.sectors.map(\.rawValue)), "focal": list(o.focalPoints.map(\.text)),
                "capabilities": list(o.capabilities),
                "status": o.status.rawValue,
            ])
    }
}

extension Area {
    /// The English name without the word "District": `Derna` for the district, as exchange files name it.
    public var plainNameEnglish: String {
        kind == .district && nameEnglish.hasSuffix(" District")
            ? String(nameEnglish.dropLast(" District".count)) : nameEnglish
    }
}

extension Gazetteer {
    /// An area by the code exports carry (a P-code or a Qanat code), in any letter case.
    public func area(code: String) -> Area? {
        let wanted = code.trimmingSpaces().uppercased()
        return areas.first { $0.code.uppercased() == wanted }
    }
}
