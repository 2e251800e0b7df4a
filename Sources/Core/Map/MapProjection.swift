/// A box of longitude and latitude, in degrees: what a map shows.
public struct GeoBox: Equatable, Hashable, Sendable {
    public var west: Double
    public var south: Double
    public var east: Double
    public var north: Double

    public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
    }

    /// Libya whole, its border's bounds and a little sea and desert around them.
    public static let libya: GeoBox = {
        let bounds = LibyaOutline.bounds
        return GeoBox(west: bounds.west, south: bounds.south, east: bounds.east, north: bounds.north).padded(by: 0.25)
    }()

    public func padded(by degrees: Double) -> GeoBox {
        GeoBox(west: west - degrees, south: south - degrees, east: east + degrees, north: north + degrees)
    }

    /// The box round `points` (longitude, latitude), a share `margin` of their extent beyond them
    /// (at least 0.08°, about 9 km) and at least `span` degrees each way: Tripoli's municipalities,
    /// a few kilometres apart, are told apart; a lone desert town still shows its surroundings.
    public static func around(_ points: [(longitude: Double, latitude: Double)], margin: Double, span: Double)
        -> GeoBox?
    {
        guard let first = points.first else { return nil }
        var box = GeoBox(west: first.longitude, south: first.latitude, east: first.longitude, north: first.latitude)
        for point in points.dropFirst() {
            box.west = min(box.west, point.longitude)
            box.east = max(box.east, point.longitude)
            box.south = min(box.south, point.latitude)
            box.north = max(box.north, point.latitude)
        }
        box = box.padded(by: max(0.08, margin * max(box.east - box.west, box.north - box.south)))
        let (middleX, middleY) = ((box.west + box.east) / 2, (box.south + box.north) / 2)
        let halfX = max(box.east - box.west, span / MapProjection.longitudeScale) / 2
        let halfY = max(box.north - box.south, span) / 2
        return GeoBox(west: middleX - halfX, south: middleY - halfY, east: middleX + halfX, north: middleY + halfY)
    }
}

/// A terminal cell of a map, from its top left.
public struct MapCell: Hashable, Sendable {
    public var column: Int
    public var row: Int

    public init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }
}

/// Longitude and latitude to the dots of a map drawn in Braille cells (2 dots across, 4 down):
/// equirectangular, longitudes scaled by cos 27°, Libya's middle latitude, so that a degree east
/// is as long on the screen as on the ground there. A terminal cell is about twice as tall as
/// wide, so a Braille dot is about square. The box is fitted whole and centred; drawing, markers
/// and the cursor all go through here, so they agree.
public struct MapProjection: Equatable, Hashable, Sendable {
    /// cos 27°.
    public static let longitudeScale = 0.8910065241883679

    public let box: GeoBox
    public let columns: Int
    public let rows: Int
    /// Dots for a degree of latitude (and for `1 / longitudeScale` degrees of longitude).
    public let dotsPerDegree: Double
    /// Dots left blank before the box, across and down, where the screen's shape is not the box's.
    let marginX: Double
    let marginY: Double

    public init(box: GeoBox, columns: Int, rows: Int) {
        self.box = box
        self.columns = max(1, columns)
        self.rows = max(1, rows)
        let wide = (box.east - box.west) * Self.longitudeScale
        let high = box.north - box.south
        let scale = min(Double(self.columns * 2) / max(wide, 0.001), Double(self.rows * 4) / max(high, 0.001))
        dotsPerDegree = scale
        marginX = (Double(self.columns * 2) - wide * scale) / 2
        marginY = (Double(self.rows * 4) - high * scale) / 2
    }

    /// The fewest columns that show `box` whole in `rows` rows (the rest of the screen is the panel's).
    public static func columns(for box: GeoBox, rows: Int) -> Int {
        let scale = Double(rows * 4) / max(box.north - box.south, 0.001)
        return Int(((box.east - box.west) * longitudeScale * scale / 2).rounded(.up))
    }

    public var dotsWide: Int { columns * 2 }
    public var dotsHigh: Int { rows * 4 }

    /// Where a point falls, in dots from the top left (outside the map when off its box).
    public func dot(latitude: Double, longitude: Double) -> (x: Double, y: Double) {
        (
            marginX + (longitude - box.west) * Self.longitudeScale * dotsPerDegree,
            marginY + (box.north - latitude) * dotsPerDegree
        )
    }

    /// The cell a point falls in; nil off the map.
    public func cell(latitude: Double, longitude: Double) -> MapCell? {
        let (x, y) = dot(latitude: latitude, longitude: longitude)
        guard x >= 0, y >= 0 else { return nil }
        let cell = MapCell(column: Int(x) / 2, row: Int(y) / 4)
        return cell.column < columns && cell.row < rows ? cell : nil
    }

    /// The cell of an area's centre.
    public func cell(of area: Area) -> MapCell? { cell(latitude: area.latitude, longitude: area.longitude) }
}
