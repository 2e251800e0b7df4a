import QanatCore

/// Where the map looks and what its cursor moves between: Libya and its 22 districts, or one
/// district zoomed into and its municipalities. Areas are placed by the gazetteer's centres; no
/// district border is drawn, for want of a source in the gazetteer's scheme (docs/gazetteer.md).
enum MapPlaces {
    /// The places the cursor moves between.
    static func places(zoomedInto district: String?) -> [Area] {
        guard let district else { return Gazetteer.libya.districts }
        let municipalities = Gazetteer.libya.areas.filter { $0.district == district }
        return municipalities.isEmpty ? Gazetteer.libya.area(id: district).map { [$0] } ?? [] : municipalities
    }

    /// What the map shows: Libya whole, or the zoomed district's centres with room round them.
    static func box(zoomedInto district: String?) -> GeoBox {
        guard let district else { return .libya }
        let centres = Gazetteer.libya.areas.filter { $0.id == district || $0.district == district }
            .map { (longitude: $0.longitude, latitude: $0.latitude) }
        return GeoBox.around(centres, margin: 0.15, span: 0.3) ?? .libya
    }

    /// Where it is worst: the place with the most severe open incident, then the most of them; nil
    /// where nothing is open. The map selects it when first shown, as an officer asks first.
    static func worst(_ tallies: AreaTallies, zoomedInto district: String?) -> Area? {
        let ranked = places(zoomedInto: district).enumerated().compactMap { index, place -> (Area, Int, Int, Int)? in
            let tally = tallies.total(of: place)
            guard let worst = tally.worst else { return nil }
            return (place, Severity.allCases.firstIndex(of: worst) ?? 0, tally.incidentCount, -index)
        }
        return ranked.max { ($0.1, $0.2, $0.3) < ($1.1, $1.2, $1.3) }?.0
    }

    /// The place selected, or the first of the places shown.
    static func selected(_ id: String?, zoomedInto district: String?) -> Area? {
        let places = places(zoomedInto: district)
        return places.first { $0.id == id } ?? places.first
    }
}
