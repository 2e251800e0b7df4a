import Foundation
import QanatCore
import QanatStore

/// A site's relay says how the link to the hub is in a file beside the store (`RelayFile`), no
/// event: the desk and the wall look at it (a stat) on each poll and read it when it changed.
struct RelayWatch {
    private var seen: timespec?
    private var looked = false

    /// The relay's new word, when the file changed since the last look (or appeared, or went).
    mutating func news(beside store: String) -> RelayStatus?? {
        var info = stat()
        let changed = stat(RelayFile.path(beside: store), &info) == 0 ? info.st_mtim : nil
        guard !looked || changed?.tv_sec != seen?.tv_sec || changed?.tv_nsec != seen?.tv_nsec else { return nil }
        (seen, looked) = (changed, true)
        return .some(RelayFile.read(beside: store))
    }
}
