#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Takes a socket path over without ever exposing a socket with the wrong
/// permissions and without deleting a live server's socket.
///
/// SwiftNIO unlinks whatever is at the path it binds, even a socket a live
/// server listens on, and the new socket gets the umask's permissions. So
/// the server binds inside a private (0700) directory next to the path,
/// sets the mode and group there, and only then hard-links the socket into
/// place: `link` fails rather than replace, so of two servers starting at
/// once only one gets the path.
struct SocketClaim: Sendable {
    /// Where clients connect.
    let path: String
    /// The private directory the socket is bound in.
    let stagingDirectory: String
    let groupID: gid_t?

    /// Where the server binds.
    var stagedSocket: String { stagingDirectory + "/s" }

    /// The socket file once it is in place, to remove it at exit only if it
    /// is still ours.
    struct Published: Sendable, Equatable {
        var device: UInt64
        var inode: UInt64
    }

    /// Checks the path (refusing when a server answers there), makes its
    /// directory if missing, and makes the staging directory.
    static func prepare(path: String, group: String?) throws -> SocketClaim {
        let limit = UnixSocketAddress.maxPathBytes
        guard path.utf8.count <= limit else { throw ServerStartError.pathTooLong(path: path, limit: limit) }
        let groupID = try group.map(Self.groupID)
        let parent = Self.directory(of: path)
        try Self.makeDirectories(parent, groupID: groupID)
        try Self.checkExisting(path)

        var template = Array((parent + "/.midair-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw ServerStartError.system(call: "mkdtemp", path: parent, errno: errno) }
        let claim = SocketClaim(path: path, stagingDirectory: String(cString: made), groupID: groupID)
        guard claim.stagedSocket.utf8.count <= limit else {
            claim.discardStaging()
            throw ServerStartError.pathTooLong(path: claim.stagedSocket, limit: limit)
        }
        return claim
    }

    /// Gives the bound socket its mode and group, then links it into place.
    func publish() throws -> Published {
        if let groupID {
            guard chown(stagedSocket, uid_t.max, groupID) == 0 else { throw failure("chown", stagedSocket) }
        }
        guard chmod(stagedSocket, groupID == nil ? 0o600 : 0o660) == 0 else { throw failure("chmod", stagedSocket) }
        var replacedStale = false
        while link(stagedSocket, path) != 0 {
            guard errno == EEXIST, !replacedStale else { throw failure("link", path) }
            // Something appeared since `prepare`: replace it only if it is a dead socket.
            try Self.checkExisting(path)
            guard unlink(path) == 0 || errno == ENOENT else { throw failure("unlink", path) }
            replacedStale = true
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw failure("stat", path) }
        discardStaging()
        return Published(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Removes the socket at exit, unless another server has put its own there.
    func withdraw(_ published: Published) {
        var info = stat()
        if lstat(path, &info) == 0, UInt64(info.st_dev) == published.device, UInt64(info.st_ino) == published.inode {
            unlink(path)
        }
    }

    /// Removes the staging directory and the name the socket was bound under.
    func discardStaging() {
        unlink(stagedSocket)
        rmdir(stagingDirectory)
    }

    private func failure(_ call: String, _ path: String) -> ServerStartError {
        .system(call: call, path: path, errno: errno)
    }

    // MARK: Checks

    /// Throws unless `path` is free or holds a socket nobody listens on.
    static func checkExisting(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw ServerStartError.system(call: "stat", path: path, errno: errno)
        }
        guard info.st_mode & S_IFMT == S_IFSOCK else { throw ServerStartError.notASocket(path: path) }
        switch SocketProbe.knock(path) {
        case .stale, .missing: return
        case .answering: throw ServerStartError.alreadyRunning(path: path)
        case .denied: throw ServerStartError.cannotCheck(path: path)
        case .failed(let code): throw ServerStartError.system(call: "connect", path: path, errno: code)
        }
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Makes the missing directories of `directory`: private (0700), or
    /// passable by the group (0710) when the socket is shared with one.
    private static func makeDirectories(_ directory: String, groupID: gid_t?) throws {
        var missing: [String] = []
        var current = directory
        var info = stat()
        while !current.isEmpty, current != "/", current != ".", stat(current, &info) != 0 {
            guard errno == ENOENT else { throw ServerStartError.system(call: "stat", path: current, errno: errno) }
            missing.append(current)
            current = Self.directory(of: current)
        }
        for path in missing.reversed() {
            guard mkdir(path, 0o700) == 0 || errno == EEXIST else {
                throw ServerStartError.system(call: "mkdir", path: path, errno: errno)
            }
            if let groupID {
                guard chown(path, uid_t.max, groupID) == 0, chmod(path, 0o710) == 0 else {
                    throw ServerStartError.system(call: "chown", path: path, errno: errno)
                }
            }
        }
    }

    private static func groupID(_ name: String) throws -> gid_t {
        var size = 1024
        while size <= 1 << 20 {
            var entry = group()
            var found: UnsafeMutablePointer<group>?
            let status = withUnsafeTemporaryAllocation(of: CChar.self, capacity: size) { buffer in
                getgrnam_r(name, &entry, buffer.baseAddress!, size, &found)
            }
            if status == ERANGE {
                size *= 4
                continue
            }
            guard status == 0, found != nil else { break }
            return entry.gr_gid
        }
        throw ServerStartError.unknownGroup(name)
    }
}
