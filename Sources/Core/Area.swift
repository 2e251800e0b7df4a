public enum AreaKind: String, NamedValue {
    case district, municipality
}

/// A place in the gazetteer: a district (shabiya) or a municipality (baladiya) of Libya.
public struct Area: Hashable, Sendable {
    /// Every name it goes by, in both scripts.
    public var allNames: [String] { [nameEnglish, nameArabic] + otherNames }

    public var id: String
    /// The stable code exports carry: OCHA's P-code where the source gives one, otherwise a Qanat
    /// code `QN-...` documented in docs/gazetteer.md.
    public var code: String
    public var kind: AreaKind
    public var nameArabic: String
    public var nameEnglish: String
    /// Other spellings in either script (Bengasi, Banghazi, ...), matched when a person types a place.
    public var otherNames: [String]
    /// The district a municipality lies in; nil for districts.
    public var district: String?
    public var latitude: Double
    public var longitude: Double
}

/// Libya's 22 districts and its principal municipalities, looked up by any of their names.
public struct Gazetteer: Sendable {
    public let areas: [Area]
    private let byKey: [String: Int]
    private let byID: [String: Int]

    public init(areas: [Area]) {
        self.areas = areas
        var keys: [String: Int] = [:]
        // Municipalities come after districts, so a shared name (Benghazi) resolves to the
        // municipality, where incidents happen; the district stays reachable by its id.
        for (index, area) in areas.enumerated() {
            for name in [area.nameEnglish, area.nameArabic] + area.otherNames {
                keys[NameKey.fold(name)] = index
            }
        }
        byKey = keys
        byID = Dictionary(areas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func area(id: String) -> Area? {
        byID[id].map { areas[$0] }
    }

    /// The area a name in any listed spelling or script stands for, if any.
    public func area(named name: String) -> Area? {
        byKey[NameKey.fold(name)].map { areas[$0] }
    }

    /// Resolves a name in any listed spelling or script, or throws naming `field`.
    public func resolve(_ name: String, field: String = "area") throws(ValidationError) -> Area {
        guard !name.trimmingSpaces().isEmpty else { throw ValidationError(field: field, value: name, problem: .empty) }
        if let index = byID[name] ?? byKey[NameKey.fold(name)] { return areas[index] }
        let nearest = NearestName.suggest(name, among: areas.flatMap(\.allNames))
        throw ValidationError(
            field: field, value: name, problem: .unknownName(what: "area in the gazetteer named", nearest: nearest))
    }

    public static let libya = Gazetteer(areas: LibyaGazetteerData.districts + LibyaGazetteerData.municipalities)
}
