import Testing

extension EndToEndTests {
    /// Skipped only where tmux is missing, never under `.ci/run` (see `E2EScript.hasTmux`).
    @Test("two people in tmux over TCP: the lock and presence on both title bars, a 423 waited out until the lock is released, edits kept and saved across a server restart",
          .enabled(if: E2EScript.hasTmux))
    func collaborationInTmux() async throws {
        let run = try await E2EScript.run("collab-tui.sh")
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("ok: collab-tui"), "\(run.output)")
    }
}
