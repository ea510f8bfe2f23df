import Foundation
import MidairTestSupport

/// Runs a script of Tests/e2e with the built `midair`, returning its exit
/// status and output. The scripts drive real terminals (tmux) and real
/// servers; each cleans up after itself.
enum E2EScript {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("e2e")

    static func run(_ name: String, arguments: [String] = []) async throws -> (status: Int32, output: String) {
        // Output goes to a file, not a pipe: a process the script failed to
        // stop would hold a pipe open, and the test would wait for its end
        // forever instead of reporting.
        let log = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: log) }
        let output = log + "/output"
        let pid = try spawn(["/bin/bash", "-c", closeInherited, directory.appendingPathComponent(name).path, try MidairBinary.path] + arguments,
                            output: output)
        // Blocking on a thread of its own, never on Swift's cooperative pool.
        let status = try await runBlocking { waitForExit(pid) }
        return (status, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
    }

    /// Closes every descriptor but 0, 1 and 2 that came from the test
    /// process (glibc's closefrom action is not visible to Swift), then runs
    /// the script: one left open would pass to whatever the script starts.
    private static let closeInherited = #"""
        for fd in /proc/self/fd/*; do fd=${fd##*/}; [ "$fd" -gt 2 ] && eval "exec $fd<&-" 2>/dev/null; done; exec /bin/bash "$0" "$@"
        """#

    /// Starts `arguments` as a terminal would: every signal unblocked and
    /// at its default. The test runner's threads block most signals and a
    /// child inherits that mask (Foundation's `Process` keeps it), so a
    /// tmux server a script starts would ignore SIGHUP and SIGTERM and
    /// outlive its test.
    private static func spawn(_ arguments: [String], output: String) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var files = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&files)
        defer { posix_spawn_file_actions_destroy(&files) }
        posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&files, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&files, 1, 2)

        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let result = posix_spawn(&pid, arguments[0], &files, &attributes, argv, environ)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
        return pid
    }

    /// The exit status, or 128 + the signal that ended it (as a shell
    /// says), or -1 when it cannot be had.
    private static func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { return -1 }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Whether tmux is installed. On a developer's machine without it the
    /// terminal tests are skipped; under `.ci/run` (`MIDAIR_CI=1`), which
    /// installs it, they always run, so a missing tmux fails them there.
    static var hasTmux: Bool {
        isCI || ["/usr/bin/tmux", "/usr/local/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Running under `.ci/run`, where every tool the tests use is installed.
    static var isCI: Bool { ProcessInfo.processInfo.environment["MIDAIR_CI"] == "1" }
}
