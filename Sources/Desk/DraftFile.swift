import Foundation
import QanatCore
import QanatJournal

/// Where a desk keeps an officer's unsent text between sessions: one small JSON file per store
/// and officer under the user's data directory (`~/.local/share/qanat/drafts/STORE/`), readable
/// by them alone — so a draft typed on the demo is never offered on the real store. Written
/// when the desk ends — by `q`, or by the terminal hanging up — and removed once there is
/// nothing left to keep.
public struct DraftFile {
    public let path: String

    public init(store: String, officer: String, directory: String) {
        let name = Subject.officer(named: officer).key.unicodeScalars
            .map { CharacterSet.alphanumerics.contains($0) ? String($0) : "_" }.joined()
        let canonical = URL(fileURLWithPath: store).standardizedFileURL.resolvingSymlinksInPath().path
        let storeKey = String(LineHash.hex(Array(canonical.utf8)).prefix(16))
        path = directory + "/" + storeKey + "/" + name + ".json"
    }

    public func load() -> [String: [String: String]] {
        guard let data = FileManager.default.contents(atPath: path),
            let kept = try? JSONSerialization.jsonObject(with: data) as? [String: [String: String]]
        else { return [:] }
        return kept
    }

    public func save(_ kept: [String: [String: String]]) {
        guard !kept.isEmpty else {
            try? FileManager.default.removeItem(atPath: path)
            return
        }
        let directory = (path as NSString).deletingLastPathComponent
        for folder in [(directory as NSString).deletingLastPathComponent, directory] {
            try? FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        guard let data = try? JSONSerialization.data(withJSONObject: kept, options: [.sortedKeys]) else { return }
        _ = FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
    }
}
