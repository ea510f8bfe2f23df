#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a socket refused us, in terms a person can act on: the group it is
/// shared with, if any, which is the group to ask to join.
enum SocketAccess {
    /// The group that may use the socket at `path`: the socket's own group
    /// when its mode lets the group in, else that of its directory when only
    /// the directory is readable to us (a shared server's directory is 0710
    /// for its group). Nil when the socket is shared with no group.
    static func sharingGroup(of path: String) -> String? {
        var info = stat()
        if stat(path, &info) == 0 {
            return info.st_mode & 0o060 != 0 ? groupName(info.st_gid) : nil
        }
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        guard stat(directory.isEmpty ? "/" : directory, &info) == 0, info.st_mode & 0o010 != 0 else { return nil }
        return groupName(info.st_gid)
    }

    /// The name of group `gid`, or `gid<N>` when the group database has none.
    static func groupName(_ gid: gid_t) -> String {
        var size = 1024
        while size <= 1 << 20 {
            var entry = group()
            var found: UnsafeMutablePointer<group>?
            let (status, name) = withUnsafeTemporaryAllocation(of: CChar.self, capacity: size) { buffer in
                let status = getgrgid_r(gid, &entry, buffer.baseAddress!, size, &found)
                // gr_name points into `buffer`: copy it out while it lives.
                return (status, found == nil ? nil : entry.gr_name.map { String(cString: $0) })
            }
            if status == ERANGE {
                size *= 4
                continue
            }
            if status == 0, let name, !name.isEmpty { return name }
            break
        }
        return "gid\(gid)"
    }
}
