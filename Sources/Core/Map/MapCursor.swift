/// A way the map's cursor moves. It is geography: east is east in every language.
public enum MapDirection: Sendable, CaseIterable {
    case north, south, east, west
}

/// Moves the map's cursor between places: to the nearest in the direction asked, among those within
/// 60° of it; none there, it stays (north of Derna is the sea, not Tripoli a thousand kilometres
/// west). Distances are on the ground as the projection draws it (longitudes scaled by cos 27°).
public enum MapCursor {
    public static func next(from origin: Area, toward direction: MapDirection, among places: [Area]) -> Area? {
        func offsets(_ place: Area) -> (along: Double, across: Double) {
            let east = (place.longitude - origin.longitude) * MapProjection.longitudeScale
            let north = place.latitude - origin.latitude
            switch direction {
            case .north: return (north, abs(east))
            case .south: return (-north, abs(east))
            case .east: return (east, abs(north))
            case .west: return (-east, abs(north))
            }
        }
        // tan 60°: a place half as far again to the side as ahead still counts as that way.
        let inCone = places.filter { $0.id != origin.id }.map { ($0, offsets($0)) }.filter {
            $0.1.along > 0.000_1 && $0.1.across <= 1.732 * $0.1.along
        }
        return inCone.min { a, b in
            let (costA, costB) = (a.1.along + 2 * a.1.across, b.1.along + 2 * b.1.across)
            return costA != costB ? costA < costB : a.0.id < b.0.id
        }?.0
    }
}
