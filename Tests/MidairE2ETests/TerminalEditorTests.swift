import Testing

extension EndToEndTests {
    @Test("edit, save, see others' saves, and never leak escape sequences", .enabled(if: E2EScript.hasTmux))
    func editorInTmux() async throws {
        let run = try await E2EScript.run("tui-editor.sh")
        #expect(run.status == 0, "\(run.output)")
    }
}
