import Foundation
import QanatCore

/// The relay's state, in a file beside the store (`hub.state`) rather than in it: a write to the
/// store that holds no event makes every desk read everything again, and the relay says how the
/// link is every few seconds. What it holds can be lost without harm — a push cursor gone sends
/// events the hub has already, which it takes as the same (idempotent by id).
public enum RelayFile {
    public static func path(beside store: String) -> String {
        URL(fileURLWithPath: store).deletingLastPathComponent().appendingPathComponent("hub.state").path
    }

    /// The relay's last word; nil where no relay ever ran, or the file is not one.
    public static func read(beside store: String) -> RelayStatus? {
        guard let data = FileManager.default.contents(atPath: path(beside: store)), data.count < 65_536 else {
            return nil
        }
        return try? JSONDecoder().decode(RelayStatus.self, from: data)
    }

    /// Replaces the file whole (a reader never sees half of one), readable by the store's group.
    public static func write(_ status: RelayStatus, beside store: String) throws(StoreError) {
        let target = path(beside: store)
        let temporary = target + ".\(getpid())"
        guard let data = try? JSONEncoder().encode(status),
            FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o640]),
            rename(temporary, target) == 0
        else {
            unlink(temporary)
            throw .failed(path: target, reason: String(cString: strerror(errno)))
        }
    }
}
