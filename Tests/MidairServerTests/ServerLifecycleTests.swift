import Foundation
import MidairClient
import MidairCore
import MidairServer
import MidairTestSupport
import Testing

@Suite("the socket, restarts and a second server")
struct ServerLifecycleTests {
    @Test func aRestartedServerKeepsEverything() async throws {
        try await TestServer.with { server in
            let created = try await server.client.create("articles", id: "kept", fields: ["title": "Kept", "body": "line 1\nline 2"])
            var fields = created.fields
            fields["tags"] = "v2"
            let updated = try await server.client.replace("articles", "kept", fields: fields, ifMatch: created.revision)
            let welcome = try await server.client.get("articles", "welcome")
            try await server.client.delete("articles", "welcome", ifMatch: welcome.revision)
            _ = try await server.raw.send("POST", "/v1/records/articles", headers: ["Idempotency-Key": "restart"], json: #"{"fields":{"title":"Keyed"}}"#)
            let history = try await server.client.history("articles", "kept")
            let conflicts = try await server.client.conflicts()
            let latest = try await server.store.latestRevision()

            try await server.restart()

            #expect(try await server.client.get("articles", "kept") == updated)
            #expect(try await server.client.history("articles", "kept") == history)
            #expect(try await server.client.version("articles", "kept", 1) == created)
            #expect(try await server.client.conflicts() == conflicts)
            #expect(try await server.store.latestRevision() == latest)
            await #expect(throws: MidairAPIError.notFound("articles/welcome was deleted at version 2 by \(currentUser) at \(try await server.client.version("articles", "welcome", 2).updatedAt)")) {
                try await server.client.get("articles", "welcome")
            }
            let replay = try await server.raw.send("POST", "/v1/records/articles", headers: ["Idempotency-Key": "restart"], json: #"{"fields":{"title":"Keyed"}}"#)
            #expect(replay.status == 201)
            #expect(replay.header("Idempotent-Replayed") == "true")
            // Revisions go on from where they were.
            let next = try await server.client.create("articles", fields: ["title": "After restart"])
            #expect(next.revision == latest + 1)
        }
    }

    @Test func theSocketIsForItsOwnerOnly() async throws {
        try await TestServer.with { server in
            let attributes = try FileManager.default.attributesOfItem(atPath: server.socketPath)
            #expect(attributes[.type] as? FileAttributeType == .typeSocket)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            // Nothing is left of the private directory it was bound in.
            let entries = try FileManager.default.contentsOfDirectory(atPath: server.directory)
            #expect(Set(entries) == ["midair.sock", "data"])
        }
    }

    @Test func withAGroupTheSocketIs0660ForThatGroup() async throws {
        let group = try #require(getgrgid(getgid())).pointee
        let name = String(cString: group.gr_name)
        try await TestServer.with(.init(group: name)) { server in
            let attributes = try FileManager.default.attributesOfItem(atPath: server.socketPath)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o660)
            #expect(attributes[.groupOwnerAccountName] as? String == name)
            #expect(try await server.client.whoami().user == currentUser)
        }
    }

    @Test func anUnknownGroupIsRefused() async throws {
        await #expect(throws: ServerStartError.unknownGroup("no-such-group-xyz")) {
            try await TestServer.start(.init(group: "no-such-group-xyz"))
        }
    }

    @Test func aSecondServerOnTheSameSocketRefusesAndTheFirstKeepsWorking() async throws {
        try await TestServer.with { server in
            let error = await #expect(throws: ServerStartError.alreadyRunning(path: server.socketPath)) {
                try await server.startSecondServer()
            }
            #expect(error?.description == "another midair server is already running on \(server.socketPath)")
            #expect(try await server.client.get("articles", "welcome").id == "welcome")
            let attributes = try FileManager.default.attributesOfItem(atPath: server.socketPath)
            #expect(attributes[.type] as? FileAttributeType == .typeSocket)
        }
    }

    @Test func aStaleSocketIsReplaced() async throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/midair.sock"
        try makeStaleSocket(at: path)
        let user = try await TestServer.with(.init(socketPath: path)) { server in try await server.client.whoami().user }
        #expect(user == currentUser)
    }

    @Test func aFileThatIsNotASocketIsLeftAlone() async throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/midair.sock"
        try Data("precious".utf8).write(to: URL(fileURLWithPath: path))
        await #expect(throws: ServerStartError.notASocket(path: path)) {
            try await TestServer.start(.init(socketPath: path))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "precious")
    }

    @Test func stoppingRemovesTheSocket() async throws {
        let server = try await TestServer.start()
        let path = server.socketPath
        try await server.stop()
        #expect(!FileManager.default.fileExists(atPath: path))
        await #expect(throws: MidairConnectionError.noSocket(path: path)) { try await server.client.healthz() }
    }

    @Test func aMissingDirectoryIsMadePrivate() async throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await TestServer.with(.init(socketPath: directory + "/run/midair/midair.sock")) { server in
            let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/run/midair")
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
            #expect(try await server.client.whoami().user == currentUser)
        }
    }
}

/// Leaves a socket file nobody listens on, as a server killed with -9 does.
private func makeStaleSocket(at path: String) throws {
    let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8) + [0]) }
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
    guard bound == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}
