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
                case .point(let latitude, let longitude):
                    guard LibyaOutline.contains(latitude: latitude, longitude: longitude) else {
                        throw CAPError(element: element, problem: "its centre \(Self.degrees(latitude, longitude)) lies outside Libya")
                    }
                    placed = true
                case .geocode(let scheme, let value):
                    switch Self.country(scheme: scheme, value: value, gazetteer) {
                    case "LY": placed = true
                    case let country?:
                        throw CAPError(element: element, problem: "geocode \(scheme) '\(value)' places it in \(country), not Libya")
                    case nil: break
                    }
                }
            }
            guard placed else {
                throw CAPError(element: "alert/info[\(index + 1)]/area ('\(info.areaDescription)')",
                               problem: "nothing places it in Libya: no Libyan geocode, no polygon or circle within the border, no place of that name")
            }
        }
    }

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
