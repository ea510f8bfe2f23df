import ArgumentParser
import Foundation
import MidairDemo

/// `midair demo`: a scenario of edit collisions played by scripted real
/// clients against a private throw-away server.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Play a scenario of edit collisions with scripted actors on a private server.",
        discussion: """
            Live, the actors are shown side by side with a narration line: Space pauses,
            → plays one step, q quits. --headless prints a transcript instead and exits 1
            when an expectation fails; a mistake in a script exits 2. Without NAME it
            plays concurrent-edit. Scripts: see "Demo mode" in the README.
            """)

    @Argument(help: ArgumentHelp("A built-in scenario (see --list) or a script file.", valueName: "name|file"))
    var scenario: String?

    @Flag(help: "Print the built-in scenarios, one line about each.")
    var list = false

    @Flag(help: "No terminal: print a transcript (narration, every HTTP status, chosen frames).")
    var headless = false

    @Option(help: "Play faster (2) or slower (0.5).")
    var speed = 1.0

    @Flag(help: "Start paused: → plays one step at a time.")
    var step = false

    @Option(help: ArgumentHelp("Record what the demo shows as an asciicast v2 file.", valueName: "file.cast"))
    var record: String?

    func validate() throws {
        guard speed > 0, speed <= 100 else { throw ValidationError("--speed must be above 0 and at most 100") }
        guard !(list && scenario != nil) else { throw ValidationError("--list takes no scenario") }
    }

    func run() async throws {
        if list {
            let scenarios = try Catalog.all()
            let width = scenarios.map(\.name.count).max() ?? 0
            for s in scenarios { print(s.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + s.about) }
            return
        }
        let played: Scenario
        do {
            played = try Demo.load(scenario ?? "concurrent-edit")
        } catch {
            Report.error("demo: \(error)")
            throw ExitCode(ExitStatus.usage)
        }
        if !headless, isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0 {
            Report.error("demo: a live demo needs a terminal; use --headless for a transcript")
            throw ExitCode(ExitStatus.usage)
        }
        var options = DemoOptions(headless: headless, speed: speed, step: step, record: record)
        if headless { options.output = { Report.line($0) } }
        let outcome: DemoOutcome
        do {
            outcome = try await Demo.play(played, options)
        } catch {
            Report.error("demo: \(error)")
            throw ExitCode(ExitStatus.failure)
        }
        if !headless {
            for failure in outcome.failures { Report.line("✗ " + failure) }
            Report.line(outcome.failures.isEmpty ? "midair demo \(played.name): \(outcome.passed) expectations met" : "midair demo \(played.name): failed")
        }
        if let signal = outcome.signal { throw ExitCode(128 + signal) }
        if !outcome.failures.isEmpty { throw ExitCode(ExitStatus.failure) }
    }
}
