import Synchronization

/// A field's visual order and shaping depend only on its text and direction, yet a desk draws
/// the same fields every second: ICU is asked once per field, not once per frame. Bounded: past
/// `capacity` fields it starts afresh (a screen holds a few hundred), so its memory stays
/// under a megabyte whatever the store holds.
struct VisualCache {
    struct Key: Hashable {
        var text: String
        var paragraph: TextDirection?
    }

    static let capacity = 4096
    static let shared = Mutex(VisualCache())

    private var entries: [Key: String] = [:]

    subscript(key: Key) -> String? { entries[key] }

    mutating func insert(_ shown: String, for key: Key) {
        if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = shown
    }

    var count: Int { entries.count }
}
