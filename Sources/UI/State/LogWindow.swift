import QanatCore

/// The log's window kept up by what changed instead of read again whole: the messages a change
/// touched give up their rows, those the log's filter still admits take their place in the
/// log's order (time, then id), and the oldest leave past the window's size. A desk on a big
/// store then reads a few rows when a message is posted or acknowledged, not five hundred.
public enum LogWindow {
    /// The window after the change; nil when that cannot be known without reading it again (a
    /// full window lost a row, and the one before it was never read).
    public static func merge(_ window: [MessageRecord], changed: Set<EventID>, fresh: [MessageRecord], limit: Int)
        -> [MessageRecord]?
    {
        let kept = window.filter { !changed.contains($0.message.id) }
        let merged = (kept + fresh).sorted { a, b in
            a.message.postedAt != b.message.postedAt
                ? a.message.postedAt < b.message.postedAt : a.message.id < b.message.id
        }
        if window.count >= limit, merged.count < limit { return nil }
        return Array(merged.suffix(limit))
    }
}
