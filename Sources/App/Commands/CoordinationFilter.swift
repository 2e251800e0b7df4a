import ArgumentParser
import QanatCore

/// `--area`, `--district` and `--sector` as lists and reports of the coordination take them.
struct CoordinationFilter: ParsableArguments {
    @Option(help: "Only this area (a municipality or district, in any listed spelling).") var area: String?
    @Option(help: "Only this district and its municipalities (Benghazi here is the district).") var district: String?
    @Option(help: "Only this sector: \(Sector.spelledOut).") var sector: String?

    func query(organisation: String? = nil, openOnly: Bool = false) throws(CLIError) -> CoordinationQuery {
        try Self.query(area: area, district: district, sector: sector, organisation: organisation, openOnly: openOnly)
    }

    static func query(
        area: String? = nil, district: String?, sector: String? = nil, organisation: String? = nil,
        openOnly: Bool = false
    ) throws(CLIError) -> CoordinationQuery {
        do {
            var areas: Set<String>?
            if let area { areas = [try Gazetteer.libya.resolve(area).id] }
            if let district {
                let inDistrict = Gazetteer.libya.areaIDs(inDistrict: try Gazetteer.libya.resolveDistrict(district).id)
                areas = areas.map { $0.intersection(inDistrict) } ?? inDistrict
            }
            return CoordinationQuery(
                areas: areas,
                sector: try sector.map { text throws(QanatCore.ValidationError) in
                    try Sector.parse(text, field: "sector")
                },
                organisation: try organisation.map { text throws(QanatCore.ValidationError) in
                    try AgencyCode(text, field: "org")
                }, openOnly: openOnly)
        } catch { throw .from(error) }
    }
}
