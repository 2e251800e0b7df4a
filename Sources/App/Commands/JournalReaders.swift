import CLinux
import Foundation

/// On a service store each journal is readable by its owner and the service alone: a POSIX ACL
/// (the kernel's own, set as the `system.posix_acl_*` attributes `setfacl` writes) names the
/// service as a reader and takes the group's read away — by default for every journal made in
/// `journals/`, and on those already there. No member then reads another's lines before the
/// service has applied them, so none can copy an event's id into a line of their own and turn the
/// other's event into a conflict.
enum JournalReaders {
    static let defaultAttribute = "system.posix_acl_default"
    static let accessAttribute = "system.posix_acl_access"

    /// The ACL: the owner reads and writes, the service reads, the group and others nothing.
    static func acl(service: uid_t) -> [UInt8] {
        // Entries sorted by tag (owner, named user, group, mask, other), little-endian, version 2.
        let undefined = UInt32.max
        let entries: [(tag: UInt16, permissions: UInt16, id: UInt32)] = [
            (0x01, 6, undefined), (0x02, 4, service), (0x04, 0, undefined), (0x10, 4, undefined), (0x20, 0, undefined),
        ]
        var bytes = littleEndian(UInt32(2))
        for entry in entries {
            bytes += littleEndian(entry.tag) + littleEndian(entry.permissions) + littleEndian(entry.id)
        }
        return bytes
    }

    private static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    /// Sets the ACL as `journals/`' default and on each journal in it. Returns what failed first (a
    /// file system without ACLs), or nil.
    static func restrict(_ journals: String, service: uid_t) -> String? {
        let acl = acl(service: service)
        var paths = [(journals, defaultAttribute)]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: journals)) ?? []
        for name in names.sorted() where name.hasSuffix(".jsonl") {
            var info = stat()
            // Only the journals themselves: a link is never followed.
            guard lstat(journals + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            paths.append((journals + "/" + name, accessAttribute))
        }
        for (path, attribute) in paths {
            let result = acl.withUnsafeBytes { lsetxattr(path, attribute, $0.baseAddress, $0.count, 0) }
            guard result == 0 else {
                return "\(path): its readers cannot be limited to its owner and the service: "
                    + String(cString: strerror(errno))
            }
        }
        return nil
    }

    /// Whether `path` carries the ACL (as `journals/`' default, or a journal's own).
    static func restricted(_ path: String, service: uid_t, attribute: String) -> Bool {
        var found = [UInt8](repeating: 0, count: 256)
        let count = found.withUnsafeMutableBytes { lgetxattr(path, attribute, $0.baseAddress, $0.count) }
        return count > 0 && Array(found.prefix(count)) == acl(service: service)
    }
}
