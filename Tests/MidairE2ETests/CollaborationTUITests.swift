import Testing

extension EndToEndTests {
    @Test("two people in tmux over TCP: the lock and presence on both title bars, a 423 waited out until the lock is released, edits kept and saved across a server restart",
          .enabled(if: E2EScript.hasTmux))
    func collaborationInTmux() async throws {
        let run = try await E2EScript.run("collab-tui.sh")
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("ok: collab-tui"), "\(run.output)")
    }
}
