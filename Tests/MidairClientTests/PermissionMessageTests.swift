import Foundation
@testable import MidairClient
import MidairTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Root may connect to any socket, so EACCES itself is shown by the ssh
/// end-to-end test with real accounts; here, the words and the group.
@Suite("permission denied names the socket, its group and what to do")
struct PermissionMessageTests {
    @Test func aSharedSocketSaysWhichGroupToJoin() {
        let error = MidairConnectionError.permissionDenied(path: "/run/midair/midair.sock", group: "editors")
        #expect(error.description == """
            permission denied connecting to /run/midair/midair.sock: it is shared with group 'editors', and you are not in it; \
            ask an admin to add you to it (`sudo usermod -aG editors $USER`), then log in again
            """)
        #expect(MidairConnectionError.permissionDenied(path: "/tmp/s", group: nil).description.contains("another user's"))
    }

    @Test func theGroupIsTheSocketsWhenItLetsTheGroupIn() throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/midair.sock"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        chmod(path, 0o660)
        #expect(SocketAccess.sharingGroup(of: path) == SocketAccess.groupName(getgid()))
        chmod(path, 0o600)
        #expect(SocketAccess.sharingGroup(of: path) == nil)
        // When the socket cannot be looked at, its directory tells (0710 for the group).
        chmod(directory, 0o710)
        #expect(SocketAccess.sharingGroup(of: directory + "/missing.sock") == SocketAccess.groupName(getgid()))
        #expect(SocketAccess.groupName(0) == "root")
    }
}
