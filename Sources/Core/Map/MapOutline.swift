/// Libya's border as a terminal can show it: Natural Earth's rings (`LibyaOutline`), drawn as
/// lines between dots of the projection, each ring first simplified (Douglas–Peucker) to within
/// half a dot, so that a coarse map shows the coast's shape, not its noise.
public enum MapOutline {
    /// The dots on the border, as a set of (x, y) in the projection's dots.
    public static func dots(_ projection: MapProjection) -> Set<MapDot> {
        var dots: Set<MapDot> = []
        for ring in LibyaOutline.rings {
            let points = ring.map { projection.dot(latitude: $0.1, longitude: $0.0) }
            let kept = simplified(points, tolerance: 0.5)
            guard kept.count > 1 else { continue }
            for index in 1..<kept.count { line(from: kept[index - 1], to: kept[index], into: &dots, projection) }
            line(from: kept[kept.count - 1], to: kept[0], into: &dots, projection)
        }
        return dots
    }

    /// The points of `polyline` that keep it within `tolerance` of where it was.
    static func simplified(_ points: [(x: Double, y: Double)], tolerance: Double) -> [(x: Double, y: Double)] {
        guard points.count > 2 else { return points }
        var keep = Array(repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var spans = [(0, points.count - 1)]
        while let (first, last) = spans.popLast() {
            guard last > first + 1 else { continue }
            let (a, b) = (points[first], points[last])
            let (dx, dy) = (b.x - a.x, b.y - a.y)
            let length = (dx * dx + dy * dy).squareRoot()
            var farthest = (index: first, distance: -1.0)
            for index in (first + 1)..<last {
                let p = points[index]
                let distance =
                    length == 0
                    ? ((p.x - a.x) * (p.x - a.x) + (p.y - a.y) * (p.y - a.y)).squareRoot()
                    : abs(dy * p.x - dx * p.y + b.x * a.y - b.y * a.x) / length
                if distance > farthest.distance { farthest = (index, distance) }
            }
            if farthest.distance > tolerance {
                keep[farthest.index] = true
                spans.append((first, farthest.index))
                spans.append((farthest.index, last))
            }
        }
        return points.indices.filter { keep[$0] }.map { points[$0] }
    }

    /// Every dot a straight line passes through (Bresenham), those on the map.
    static func line(
        from start: (x: Double, y: Double), to end: (x: Double, y: Double), into dots: inout Set<MapDot>,
        _ projection: MapProjection
    ) {
        var (x, y) = (Int(start.x.rounded(.down)), Int(start.y.rounded(.down)))
        let (x1, y1) = (Int(end.x.rounded(.down)), Int(end.y.rounded(.down)))
        let (dx, dy) = (abs(x1 - x), -abs(y1 - y))
        let (sx, sy) = (x < x1 ? 1 : -1, y < y1 ? 1 : -1)
        var error = dx + dy
        while true {
            if x >= 0, y >= 0, x < projection.dotsWide, y < projection.dotsHigh { dots.insert(MapDot(x: x, y: y)) }
            if x == x1 && y == y1 { break }
            let twice = 2 * error
            if twice >= dy {
                error += dy
                x += sx
            }
            if twice <= dx {
                error += dx
                y += sy
            }
        }
    }
}

/// A dot of a Braille map, from its top left.
public struct MapDot: Hashable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}
