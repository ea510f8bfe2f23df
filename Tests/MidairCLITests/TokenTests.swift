import Foundation
import MidairClient
import MidairCore
import MidairStore
import MidairTestSupport
import Testing

@Suite("TCP with bearer tokens: midair serve --listen, midair token")
struct TokenTests {
    @Test func tokensLetTCPClientsInAndRevokingShutsThemOut() async throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let data = directory + "/data"
        let server = try ServeProcess(
            ["serve", "--socket", directory + "/s.sock", "--data", data, "--listen", "127.0.0.1:0"], log: directory + "/serve.log")
        do {
            let url = try await server.tcpURL()
            #expect(url.hasPrefix("http://127.0.0.1:"))

            // No token: 401 unauthenticated, with a challenge.
            let anonymous = MidairClient(url: url, token: nil)
            let refused = await #expect(throws: MidairAPIError.self) { try await anonymous.whoami() }
            #expect(refused?.problemName == .unauthenticated)
            #expect(refused?.description.contains("Authorization: Bearer") == true)

            // A token made while the server runs works at once.
            let added = try await midair(["token", "add", "alice", "--data", data], socket: nil)
            #expect(added.status == 0, "\(added.stderr)")
            let lines = added.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            let token = String(lines.last ?? "")
            #expect(token.hasPrefix("midair_") && token.count > 40)
            #expect(lines.filter { $0.contains(token) }.count == 1)

            let alice = MidairClient(url: url, token: token)
            #expect(try await alice.whoami() == Whoami(user: "alice", via: "tcp"))
            let saved = try await alice.create("articles", id: "by-tcp", fields: ["title": "Over TCP"])
            #expect(saved.updatedBy == "alice")
            #expect(await #expect(throws: MidairAPIError.self) { try await MidairClient(url: url, token: token + "x").whoami() }?.problemName == .unauthenticated)

            // The command line reads MIDAIR_URL and MIDAIR_TOKEN.
            let get = try await midair(["get", "articles/by-tcp", "--field", "title"], socket: nil, environment: ["MIDAIR_URL": url, "MIDAIR_TOKEN": token])
            #expect(get.status == 0, "\(get.stderr)")
            #expect(get.stdout == "Over TCP\n")

            // Only the token's SHA-256 is stored.
            for file in try FileManager.default.contentsOfDirectory(atPath: data) {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: data + "/" + file))
                #expect(bytes.range(of: Data(token.utf8)) == nil, "\(file) holds the token")
            }
            let stored = try await shell("sqlite3 '\(data)/midair.sqlite' 'SELECT sha256 FROM tokens'")
            let digest = try await shell("printf %s '\(token)' | sha256sum | cut -d' ' -f1")
            #expect(stored == digest && digest.count == 65)

            // The list never shows a token; it shows when each was last used.
            let list = try await midair(["token", "list", "--data", data], socket: nil)
            #expect(list.status == 0)
            #expect(list.stdout.contains("alice") && !list.stdout.contains(token) && !list.stdout.contains("never"))

            let revoked = try await midair(["token", "revoke", "alice", "--data", data], socket: nil)
            #expect(revoked.status == 0 && revoked.stdout.contains("(alice)"))
            #expect(await #expect(throws: MidairAPIError.self) { try await alice.whoami() }?.problemName == .unauthenticated)
            #expect(try await midair(["token", "revoke", "alice", "--data", data], socket: nil).status == 4)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test func revokingByIDLeavesTheUsersOtherTokens() async throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let data = directory + "/data"
        // A mistyped --data makes no new store.
        #expect(try await midair(["token", "add", "bob", "--data", data], socket: nil).stderr.contains("no midair store"))
        #expect(!FileManager.default.fileExists(atPath: data))
        _ = try await runBlocking { try SQLiteRecordStore(directory: data, schema: DefaultAssets.schema()) }
        let store = data
        _ = try await midair(["token", "add", "bob", "--data", store], socket: nil)
        _ = try await midair(["token", "add", "bob", "--data", store], socket: nil)
        let json = try await midair(["token", "list", "--json", "--data", store], socket: nil)
        let entries = try JSONDecoder().decode([Entry].self, from: Data(json.stdout.utf8))
        #expect(entries.count == 2 && entries.allSatisfy { $0.user == "bob" && $0.last_used_at == nil })
        let one = try await midair(["token", "revoke", entries[0].id, "--data", store], socket: nil)
        #expect(one.stdout == "revoked \(entries[0].id) (bob)\n")
        let left = try await midair(["token", "list", "--json", "--data", store], socket: nil)
        #expect(try JSONDecoder().decode([Entry].self, from: Data(left.stdout.utf8)).map(\.id) == [entries[1].id])
    }

    @Test func aNonLoopbackAddressNeedsAllowRemote() async throws {
        let refused = try await midair(["serve", "--listen", "0.0.0.0:7070"], socket: "/tmp/unused.sock")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("no TLS"))
        #expect(try await midair(["serve", "--listen", "nonsense"], socket: "/tmp/unused.sock").status == 2)
    }

    private struct Entry: Decodable {
        var id: String
        var user: String
        var last_used_at: String?
    }

    private func shell(_ command: String) async throws -> String {
        try await runBlocking {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
    }
}
