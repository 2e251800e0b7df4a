import QanatCore
import Synchronization

/// Libya's border in Braille cells for a projection: each cell's eight dots as one byte (0: an
/// empty cell). The border moves only when the screen's size or the zoom does, so each is
/// rasterised once and kept.
enum BrailleOutline {
    /// A cell's dots: (column, row) within the cell to the pattern's bit, as Unicode lays it out.
    static func bit(x: Int, y: Int) -> UInt8 {
        switch (x, y) {
        case (0, 0): 0x01
        case (0, 1): 0x02
        case (0, 2): 0x04
        case (1, 0): 0x08
        case (1, 1): 0x10
        case (1, 2): 0x20
        case (0, 3): 0x40
        default: 0x80
        }
    }

    /// The Braille pattern with these dots; U+2800, the blank pattern, for none.
    static func character(_ dots: UInt8) -> String {
        String(Character(Unicode.Scalar(0x2800 + UInt32(dots)) ?? " "))
    }

    /// The patterns' texts, made once.
    static let characters: [String] = (0...255).map { character(UInt8($0)) }

    /// The cells' dots, row by row.
    static func cells(_ projection: MapProjection) -> [UInt8] {
        if let cached = cache.withLock({ $0[projection] }) { return cached }
        var cells = Array(repeating: UInt8(0), count: projection.columns * projection.rows)
        for dot in MapOutline.dots(projection) {
            cells[(dot.y / 4) * projection.columns + dot.x / 2] |= bit(x: dot.x % 2, y: dot.y % 4)
        }
        cache.withLock { entries in
            // A few sizes and zooms at a time; a resize storm starts afresh.
            if entries.count >= 64 { entries.removeAll() }
            entries[projection] = cells
        }
        return cells
    }

    private static let cache = Mutex<[MapProjection: [UInt8]]>([:])
}
