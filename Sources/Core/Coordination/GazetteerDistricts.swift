/// Districts (mantikas) as coordination counts them: a `--district` names a district only, and
/// covers the district's own rows and each of its municipalities'.
extension Gazetteer {
    public var districts: [Area] { areas.filter { $0.kind == .district } }

    /// A district by its id or any of its names, with or without the word "District" or "شعبية":
    /// Benghazi here is the district, not the municipality.
    public func resolveDistrict(_ name: String, field: String = "district") throws(ValidationError) -> Area {
        let key = NameKey.fold(name)
        for district in districts {
            let names =
                district.allNames + [
                    Self.bare(district.nameEnglish, " District"), Self.bare(district.nameArabic, "شعبية "),
                ]
            if district.id == name || district.id == "district." + name.lowercased()
                || names.contains(where: { NameKey.fold($0) == key })
            {
                return district
            }
        }
        let nearest = NearestName.suggest(name, among: districts.map { Self.bare($0.nameEnglish, " District") })
        throw ValidationError(
            field: field, value: name, problem: .unknownName(what: "district named", nearest: nearest))
    }

    /// The district an area lies in; a district is its own.
    public func district(of areaID: String) -> Area? {
        guard let area = area(id: areaID) else { return nil }
        return area.kind == .district ? area : area.district.flatMap { self.area(id: $0) }
    }

    /// The district's id and its municipalities' ids.
    public func areaIDs(inDistrict districtID: String) -> Set<String> {
        Set(areas.filter { $0.id == districtID || $0.district == districtID }.map(\.id))
    }

    static func bare(_ name: String, _ word: String) -> String {
        if word.hasPrefix(" "), name.hasSuffix(word) { return String(name.dropLast(word.count)) }
        if name.hasPrefix(word) { return String(name.dropFirst(word.count)) }
        return name
    }
}

extension Area {
    /// Its names without the word "District" or "شعبية": what a map writes beside its centre.
    public var shortNames: (en: String, ar: String) {
        (Gazetteer.bare(nameEnglish, " District"), Gazetteer.bare(nameArabic, "شعبية "))
    }
}
