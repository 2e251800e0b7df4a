/// Whether an alert is about Libya. An alert from another country's feed would otherwise be
/// placed in the Libyan town nearest its shape: every info must be placed in Libya by something
/// (a Libyan geocode, a polygon or circle within the border, or a place of the gazetteer named by
/// its `areaDesc`), and nothing may place it outside (a shape beyond the border, another
/// country's geocode). `areaDesc` is free text: a name the gazetteer does not know proves nothing.
extension CAPMessage {
    public func checkPlacedInLibya(_ gazetteer: Gazetteer) throws(CAPError) {
        for (index, info) in infos.enumerated() {
            var placed = gazetteer.area(named: info.areaDescription) != nil
            for placement in info.placements {
                let element = "\(placement.element) ('\(placement.areaDescription)')"
                switch placement.kind {
                case .circle(let centre, let radius):
                    guard LibyaOutline.contains(latitude: centre.latitude, longitude: centre.longitude) else {
                        throw CAPError(
                            element: element,
                            problem: "its centre \(Self.degrees(centre.latitude, centre.longitude)) lies outside Libya")
                    }
                    guard radius <= Self.widestCircle else {
                        throw CAPError(
                            element: element,
                            problem:
                                "a circle of \(Int(radius)) km reaches far beyond Libya (at most \(Int(Self.widestCircle)) km)"
                        )
                    }
                    placed = true
                case .polygon(let points):
                    if let centre = placement.centre,
                        !LibyaOutline.contains(latitude: centre.latitude, longitude: centre.longitude)
                    {
                        throw CAPError(
                            element: element,
                            problem: "its centre \(Self.degrees(centre.latitude, centre.longitude)) lies outside Libya")
                    }
                    if let abroad = points.first(where: {
                        LibyaOutline.inNeighbour(latitude: $0.latitude, longitude: $0.longitude)
                    }) {
                        throw CAPError(
                            element: element,
                            problem:
                                "its point \(Self.degrees(abroad.latitude, abroad.longitude)) lies in a neighbouring country"
                        )
                    }
                    placed = true
                case .geocode(let scheme, let value):
                    switch Self.country(scheme: scheme, value: value, gazetteer) {
                    case "LY": placed = true
                    case let country?:
                        throw CAPError(
                            element: element, problem: "geocode \(scheme) '\(value)' places it in \(country), not Libya"
                        )
                    case nil: break
                    }
                }
            }
            guard placed else {
                throw CAPError(
                    element: "alert/info[\(index + 1)]/area ('\(info.areaDescription)')",
                    problem:
                        "nothing places it in Libya: no Libyan geocode, no polygon or circle within the border, no place of that name"
                )
            }
        }
    }

    /// The widest circle that still speaks of Libya alone: about its width, east to west.
    static let widestCircle = 1_000.0

    /// The country a geocode names: `LY` for a Libyan P-code or ISO 3166 code, another for
    /// another country's, nil for a scheme that says nothing of the country.
    static func country(scheme: String, value: String, _ gazetteer: Gazetteer) -> String? {
        if gazetteer.area(code: value) != nil { return "LY" }
        let name = scheme.uppercased().filter { $0.isLetter || $0.isNumber }
        let code = value.uppercased()
        if name.hasPrefix("ISO3166") { return String(code.prefix(2)) }
        // The schemes of the United States' alerts (NWS, FEMA's IPAWS).
        if ["SAME", "FIPS6", "UGC"].contains(name) { return "the United States (\(scheme))" }
        // A P-code: the country's two letters, then digits.
        let letters = code.prefix { $0.isLetter }
        if letters.count == 2, code.count > 2, code.dropFirst(2).allSatisfy(\.isNumber) { return String(letters) }
        return nil
    }

    static func degrees(_ latitude: Double, _ longitude: Double) -> String {
        func part(_ value: Double, _ positive: String, _ negative: String) -> String {
            let rounded = (abs(value) * 100).rounded() / 100
            return "\(rounded)°\(value < 0 ? negative : positive)"
        }
        return part(latitude, "N", "S") + " " + part(longitude, "E", "W")
    }
}
