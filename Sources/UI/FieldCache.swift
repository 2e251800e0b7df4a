import QanatText
import Synchronization

/// A field as `Frame.put` draws it: its clusters in visual order, each one's width, and their
/// total. It depends only on the text, the room, the direction and the layout; a desk draws the
/// same fields every second, so each is worked out once (sanitised, cut, reordered, shaped,
/// measured), not once a frame.
struct PlacedField: Sendable {
    var clusters: [String]
    var widths: [UInt8]
    var width: Int
}

/// Bounded: past `capacity` fields (a 300×100 screen holds about a thousand) it starts afresh,
/// so it keeps at most a few megabytes whatever the store holds.
enum FieldCache {
    struct Key: Hashable {
        var text: String
        var limit: Int
        var paragraph: TextDirection?
        var reordered: Bool
    }

    static let capacity = 2048
    private static let entries = Mutex<[Key: PlacedField]>([:])

    static func placed(_ text: String, limit: Int, paragraph: TextDirection?, reordered: Bool) -> PlacedField {
        let key = Key(text: text, limit: limit, paragraph: paragraph, reordered: reordered)
        if let known = entries.withLock({ $0[key] }) { return known }
        let logical = DisplayWidth.truncate(UntrustedText.sanitized(text), to: limit)
        let shown = reordered ? Bidi.visual(logical, paragraph: paragraph) : logical
        let field = place(shown)
        entries.withLock { cached in
            if cached.count >= capacity { cached.removeAll(keepingCapacity: true) }
            cached[key] = field
        }
        return field
    }

    /// Text already in visual order, as clusters and widths.
    static func place(_ shown: String) -> PlacedField {
        var clusters: [String] = []
        var widths: [UInt8] = []
        for cluster in shown {
            clusters.append(String(cluster))
            widths.append(UInt8(DisplayWidth.of(cluster)))
        }
        return PlacedField(clusters: clusters, widths: widths, width: widths.reduce(0) { $0 + Int($1) })
    }

    static var count: Int { entries.withLock { $0.count } }
}
