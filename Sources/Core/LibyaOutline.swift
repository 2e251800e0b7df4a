/// Libya's border, from Natural Earth (`LibyaOutlineData.swift`, made by scripts/libya-outline.py):
/// whether a point lies in Libya — a CAP alert's area now, the map later.
public enum LibyaOutline {
    /// How far outside the border, in degrees (about 11 km), a point still counts as in Libya: a
    /// coastal alert's centre often lies just offshore. Never a point in a neighbour's land.
    public static let margin = 0.1

    /// Whether the point lies inside the border, or within `margin` of it and in no neighbour.
    public static func contains(latitude: Double, longitude: Double) -> Bool {
        guard (bounds.south - margin)...(bounds.north + margin) ~= latitude,
            (bounds.west - margin)...(bounds.east + margin) ~= longitude
        else { return false }
        if inside(rings, latitude: latitude, longitude: longitude) { return true }
        return distanceToBorder(latitude: latitude, longitude: longitude) <= margin
            && !inside(neighbours, latitude: latitude, longitude: longitude)
    }

    public static let bounds: (west: Double, south: Double, east: Double, north: Double) = {
        let points = rings.flatMap { $0 }
        return (
            points.map(\.0).min() ?? 0, points.map(\.1).min() ?? 0, points.map(\.0).max() ?? 0,
            points.map(\.1).max() ?? 0
        )
    }()

    /// Whether the point lies in a neighbour's land (Tunisia, Algeria, Niger, Chad, Sudan, Egypt).
    public static func inNeighbour(latitude: Double, longitude: Double) -> Bool {
        inside(neighbours, latitude: latitude, longitude: longitude)
    }

    /// Even-odd ray casting over every ring.
    static func inside(_ rings: [[(Double, Double)]], latitude y: Double, longitude x: Double) -> Bool {
        var inside = false
        for ring in rings {
            var j = ring.count - 1
            for i in ring.indices {
                let (xi, yi) = ring[i]
                let (xj, yj) = ring[j]
                if (yi > y) != (yj > y), x < (xj - xi) * (y - yi) / (yj - yi) + xi { inside.toggle() }
                j = i
            }
        }
        return inside
    }

    /// The least distance, in degrees, from the point to an edge of the border.
    static func distanceToBorder(latitude y: Double, longitude x: Double) -> Double {
        var least = Double.infinity
        for ring in rings {
            var j = ring.count - 1
            for i in ring.indices {
                let (ax, ay) = ring[j]
                let (bx, by) = ring[i]
                let (dx, dy) = (bx - ax, by - ay)
                let length = dx * dx + dy * dy
                let t = length == 0 ? 0 : max(0, min(1, ((x - ax) * dx + (y - ay) * dy) / length))
                let (px, py) = (ax + t * dx - x, ay + t * dy - y)
                least = min(least, (px * px + py * py).squareRoot())
                j = i
            }
        }
        return least
    }
}
