import Foundation
import MidairClient

#if canImport(Glibc)
import Glibc
#endif

/// Starts the one person's private server in the background: `midair serve`
/// in a session of its own (so closing the terminal does not stop it), with
/// its output in a log file and its pid in `server.pid` under the state
/// directory. It stops by itself after `idleExitSeconds` without a client.
enum PrivateServer {
    /// Ten minutes: long enough to come back to, short enough not to linger.
    static let idleExitSeconds = 600

    struct StartFailed: Error, CustomStringConvertible {
        var description: String
    }

    static func start(socket: String, data: String, probe: MidairClient) async throws {
        try FileManager.default.createDirectory(
            atPath: Paths.stateDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // Two clients starting at once: the second waits here, then finds the
        // first one's server answering.
        let lock = try StartLock(path: Paths.stateDirectory + "/server.lock")
        defer { lock.release() }
        if await probe.isServerAnswering() { return }
        let log = Paths.stateDirectory + "/server.log"
        let pid = try spawn(
            arguments: ["serve", "--socket", socket, "--data", data, "--idle-exit", String(idleExitSeconds)], log: log)
        try? "\(pid)\n".write(toFile: Paths.stateDirectory + "/server.pid", atomically: true, encoding: .utf8)
        for _ in 0..<200 {
            if await probe.isServerAnswering() { return }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                throw StartFailed(description: "the private server did not start; see \(log)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw StartFailed(description: "the private server did not answer within 10 s; see \(log)")
    }

    private static func spawn(arguments: [String], log: String) throws -> pid_t {
        let executable = try currentExecutable()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, posixSpawnSetsid)
        inheritNothing()
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard status == 0 else {
            throw StartFailed(description: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        return pid
    }

    /// Marks every descriptor above stderr close-on-exec, so the server
    /// inherits none: one it kept (a pipe, the socket a parent process
    /// watches for our exit) would keep whoever waits for its end waiting
    /// until the server stops. (glibc's `addclosefrom_np` is not imported.)
    private static func inheritNothing() {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return }
        for fd in entries.compactMap(Int32.init) where fd > 2 {
            let flags = fcntl(fd, F_GETFD)
            if flags >= 0 { _ = fcntl(fd, F_SETFD, flags | FD_CLOEXEC) }
        }
    }

    /// glibc's POSIX_SPAWN_SETSID, a macro Swift does not import.
    private static let posixSpawnSetsid: Int16 = 0x80

    private static func currentExecutable() throws -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { throw StartFailed(description: "cannot find the midair executable") }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// An exclusive `flock` on a file, held until released or the process ends.
struct StartLock {
    private let fd: Int32

    init(path: String) throws {
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw PrivateServer.StartFailed(description: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(fd)
                throw PrivateServer.StartFailed(description: "cannot lock \(path): \(String(cString: strerror(errno)))")
            }
        }
    }

    func release() {
        close(fd)
    }
}
