import MidairDemo
import Testing

/// Mistakes in a script are reported with the file and line, before anything plays.
@Suite("script mistakes")
struct ScriptErrorTests {
    @Test("each mistake names its file and line", arguments: [
        ("about x\nactor a browse\nfly away", 3, "unknown statement or actor 'fly'"),
        ("about x\nactor a browse\n\n# note\na keys Enter Nope", 5, "unknown key 'Nope'"),
        ("about x\nactor a browse\nsay hi\nactor b browse", 4, "actors are declared before the first step"),
        ("about x\nactor a edit nothing", 2, "'nothing' is not collection/id"),
        ("about x\nclient c\nc keys Enter", 3, "a client takes get, create"),
        ("about x\nactor a browse\na type \"open", 3, "quoted text has no closing \""),
        ("about x\nactor a browse\nexpect b text \"x\"", 3, "unknown actor 'b'"),
        ("about x\nactor a browse\nwait soon", 3, "usage: wait DURATION"),
        ("about x\nactor a browse\nexpect a status 999", 3, "'999' is not an HTTP status"),
        ("actor a browse", 1, "the script has no 'about' line"),
    ])
    func mistake(_ script: String, _ line: Int, _ message: String) {
        #expect {
            try ScriptParser.parse(script, name: "t", file: "t.demo")
        } throws: { error in
            guard let error = error as? ScriptError else { return false }
            return error.file == "t.demo" && error.line == line && error.message.contains(message)
        }
    }

    @Test("every built-in scenario reads, with a line about it")
    func builtIn() throws {
        let all = try Catalog.all()
        #expect(all.map(\.name) == Catalog.names)
        #expect(all.allSatisfy { !$0.about.isEmpty && $0.cast.count >= 2 })
    }
}
