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
        /// A line of a wrapped paragraph is reordered with the paragraph's levels.
        var line: WrappedLine?
    }

    static let capacity = 2048
    private static let entries = Mutex<[Key: PlacedField]>([:])

    static func placed(_ text: String, limit: Int, paragraph: TextDirection?, reordered: Bool) -> PlacedField {
        cached(Key(text: text, limit: limit, paragraph: paragraph, reordered: reordered)) {
            let sanitized = UntrustedText.sanitized(text)
            let logical = DisplayWidth.truncate(sanitized, to: limit)
            guard reordered else { return logical }
            // A field cut short keeps its whole text's direction: `15 (15 تجاوزت…` cut before its
            // first letter still reads right to left, as its row's other cells do.
            return paragraph.map { Bidi.visual(logical, paragraph: $0) } ?? Bidi.visual(logical, cutFrom: sanitized)
        }
    }

    /// A wrapped line (already sanitised, and no wider than its wrap): drawn whole.
    static func placed(_ line: WrappedLine, reordered: Bool) -> PlacedField {
        cached(Key(text: line.text, limit: .max, paragraph: nil, reordered: reordered, line: line)) {
            reordered ? Bidi.layout(line).text : line.text
        }
    }

    private static func cached(_ key: Key, shown: () -> String) -> PlacedField {
        if let known = entries.withLock({ $0[key] }) { return known }
        let field = place(shown())
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
