#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Names a uid by its account, as `ls -l` and `ps` would, so that versions
/// say `ada` rather than `1001`.
enum AccountName {
    /// The account name of `uid`, or `uid<N>` when the account database
    /// has none (a container without the user, a deleted account).
    static func of(uid: UInt32) -> String {
        var size = 1024
        while size <= 1 << 20 {
            var entry = passwd()
            var found: UnsafeMutablePointer<passwd>?
            let (status, name) = withUnsafeTemporaryAllocation(of: CChar.self, capacity: size) { buffer in
                let status = getpwuid_r(uid_t(uid), &entry, buffer.baseAddress!, size, &found)
                // pw_name points into `buffer`: copy it out while it lives.
                return (status, found == nil ? nil : entry.pw_name.map { String(cString: $0) })
            }
            if status == ERANGE {
                size *= 4
                continue
            }
            if status == 0, let name, !name.isEmpty { return name }
            break
        }
        return "uid\(uid)"
    }
}
