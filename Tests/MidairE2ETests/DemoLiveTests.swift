import Testing

extension EndToEndTests {
    @Test("midair demo live in tmux: both actors and the 409 on screen; q, SIGINT and a hang-up leave no process or directory behind",
          .enabled(if: E2EScript.hasTmux))
    func demoInTmux() async throws {
        let run = try await E2EScript.run("demo-live.sh")
        #expect(run.status == 0, "\(run.output)")
    }
}
