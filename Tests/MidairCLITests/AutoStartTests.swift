import Foundation
import MidairClient
import MidairTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("a private server starts on demand, is shared, and goes away when idle")
struct AutoStartTests {
    @Test func twoClientsStartingAtOnceShareOneServer() async throws {
        let home = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let environment = [
            "HOME": home, "XDG_RUNTIME_DIR": home + "/run", "XDG_STATE_HOME": home + "/state",
            "XDG_DATA_HOME": home + "/data", "MIDAIR_URL": "",
        ]
        let state = home + "/state/midair"
        do {
            async let first = midair(["get", "articles/welcome", "--field", "title"], socket: nil, environment: environment)
            async let second = midair(["get", "users/ada", "--field", "email"], socket: nil, environment: environment)
            let (a, b) = try await (first, second)
            #expect(a.status == 0, "\(a.stderr)")
            #expect(b.status == 0, "\(b.stderr)")
            #expect(a.stdout == "Welcome to midair\n")
            #expect(b.stdout == "ada@example.org\n")
            let log = try String(contentsOfFile: state + "/server.log", encoding: .utf8)
            #expect(log.components(separatedBy: "midair server listening on").count == 2, "\(log)")
            #expect(log.contains(home + "/run/midair/midair.sock"))
            #expect(FileManager.default.fileExists(atPath: home + "/data/midair/midair.sqlite"))
            // The private server stops by itself when idle, after ten minutes.
            let arguments = try String(contentsOfFile: "/proc/\(try serverPID(state))/cmdline", encoding: .utf8)
            #expect(arguments.split(separator: "\0").suffix(2) == ["--idle-exit", "600"])
        } catch {
            await stopServer(state)
            throw error
        }
        await stopServer(state)
        #expect(!FileManager.default.fileExists(atPath: home + "/run/midair/midair.sock"))
    }

    @Test func aServerWithIdleExitStopsWhenNobodyIsConnected() async throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try ServeProcess(
            ["serve", "--socket", directory + "/s.sock", "--data", directory + "/data", "--idle-exit", "1"],
            log: directory + "/serve.log")
        do {
            #expect(try await server.waitForExit(limit: .seconds(20)) == 0)
            #expect(try await server.logText().contains("no connection for 1.0 seconds: stopping (--idle-exit)"))
            #expect(!FileManager.default.fileExists(atPath: directory + "/s.sock"))
        } catch {
            await server.stop()
            throw error
        }
    }

    @Test func anOpenEventStreamKeepsAnIdleServerUp() async throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let socket = directory + "/s.sock"
        let server = try ServeProcess(
            ["serve", "--socket", socket, "--data", directory + "/data", "--idle-exit", "3"], log: directory + "/serve.log")
        do {
            _ = try await server.waitForLog("listening on")
            let (connected, signal) = AsyncStream.makeStream(of: Void.self)
            let following = Task {
                for try await update in MidairClient(socketPath: socket).follow() where update == .status(.connected) {
                    signal.yield()
                }
            }
            var iterator = connected.makeAsyncIterator()
            _ = await iterator.next()
            try await Task.sleep(for: .seconds(5))
            #expect(server.isRunning)
            following.cancel()
            _ = await following.result
            #expect(try await server.waitForExit(limit: .seconds(20)) == 0)
        } catch {
            await server.stop()
            throw error
        }
    }

    /// The pid the private server's starter wrote.
    private func serverPID(_ state: String) throws -> pid_t {
        let text = try String(contentsOfFile: state + "/server.pid", encoding: .utf8)
        guard let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw ServeProcessError("server.pid holds '\(text)'") }
        return pid
    }

    /// Stops the private server (not our child: it runs in a session of its
    /// own) and waits until it is gone, so no test leaves one behind.
    private func stopServer(_ state: String) async {
        guard let pid = try? serverPID(state), kill(pid, SIGTERM) == 0 else { return }
        let gone = try? await poll(.seconds(10)) { Self.isGone(pid) ? true : nil }
        if gone == nil { kill(pid, SIGKILL) }
    }

    /// Gone, or a zombie waiting for a parent that does not reap.
    private static func isGone(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
    }
}
