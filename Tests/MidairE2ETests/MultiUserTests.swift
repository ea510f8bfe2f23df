import Foundation
import Testing

extension EndToEndTests {
    /// The test makes accounts and starts sshd: it needs root, tmux and
    /// sshd. Skipped elsewhere; under `.ci/run` (root, sshd installed) it
    /// always runs.
    static var canRunSSH: Bool {
        E2EScript.isCI || (getuid() == 0 && E2EScript.hasTmux && FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd"))
    }

    @Test("over ssh: two group members collide and merge; an outsider is refused; a dropped connection keeps the draft",
          .enabled(if: canRunSSH))
    func sharedServerOverSSH() async throws {
        let run = try await E2EScript.run("ssh-multiuser.sh")
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("ok: "), "\(run.output)")
    }
}
