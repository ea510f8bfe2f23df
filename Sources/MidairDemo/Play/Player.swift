import Foundation
import MidairClient
import MidairCore
import MidairTUI

/// Plays a scenario: starts the throw-away server and the actors, runs
/// the steps in order, and keeps the stage drawn (live), recorded
/// (`--record`) and written down (the transcript) while it waits.
///
/// Everything runs on the main actor; waiting is polling, every few
/// milliseconds, so keys, signals and new answers are seen while any step
/// is under way.
@MainActor
final class Player {
    private let scenario: Scenario
    private let options: DemoOptions
    private let pacer: Pacer
    private let interrupts: Interrupts
    private var performers: [any Performer] = []
    private var terminal: FrameTerminal?
    private var recorder: CastRecorder?
    private var narrator: MidairClient?
    private var narration = ""
    private var failed = false
    private var stepNumber = 0
    /// How many of each actor's exchanges the transcript has printed.
    private var printed: [Int] = []
    /// Each actor's exchange count when its last step began.
    private var marks: [Int] = []
    private var outcome = DemoOutcome()
    /// What the last frame drawn was made of.
    private var lastShown: Shown?

    /// Everything a frame of the stage depends on.
    private struct Shown: Equatable {
        var size: Size
        var revisions: [Int]
        var narration: String
        var controls: String
        var step: Int
        var failed: Bool
    }

    /// How long an actor may take to get its answers, an expectation to come true.
    static let answerTimeout = Duration.seconds(10)
    static let expectTimeout = Duration.seconds(5)

    enum Stop: Error {
        case quit
        case signal(Int32)
    }

    init(_ scenario: Scenario, _ options: DemoOptions, interrupts: Interrupts) {
        self.scenario = scenario
        self.options = options
        self.interrupts = interrupts
        pacer = Pacer(speed: options.speed, live: !options.headless, stepping: options.step)
    }

    func play() async throws -> DemoOutcome {
        let server = try await DemoServer.start()
        do {
            try await perform(on: server)
        } catch let stop as Stop {
            switch stop {
            case .quit: outcome.quit = true
            case .signal(let number): outcome.signal = number
            }
        } catch {
            await finish(server)
            throw error
        }
        await finish(server)
        return outcome
    }

    private func finish(_ server: DemoServer) async {
        for performer in performers { await performer.stop() }
        terminal?.stop()
        terminal = nil
        recorder?.close()
        await server.stop()
    }

    private func perform(on server: DemoServer) async throws {
        narrator = server.client()
        for role in scenario.cast {
            performers.append(try await makePerformer(role, server))
        }
        printed = Array(repeating: 0, count: performers.count)
        marks = printed
        if !options.headless { terminal = FrameTerminal() }
        if let path = options.record {
            recorder = try CastRecorder(path: path, size: stageSize, title: "midair demo \(scenario.name)")
        }
        write("midair demo \(scenario.name): \(scenario.about)")
        write("server: \(server.socketPath) (removed at the end)")
        write("cast: " + scenario.cast.map { "\($0.name) (\(Self.describe($0.kind)))" }.joined(separator: ", "))
        narration = "Starting: a private server and \(performers.count) actors…"
        guard try await waitUntil(Self.answerTimeout, { self.performers.allSatisfy(\.isSettled) }) else {
            return fail(line: 1, "the actors did not start within \(Self.answerTimeout)")
        }
        for step in scenario.steps {
            while !pacer.mayStep() { try await tick() }
            stepNumber += 1
            try await run(step)
            try refresh()
            if failed { break }
        }
        if !failed { narration = "The end." + (pacer.live ? " q leaves." : "") }
        write(failed ? "FAIL \(scenario.name): \(outcome.failures.count) expectation failed" : "PASS \(scenario.name): \(outcome.passed) expectations met")
        if pacer.live {
            while true { try await tick() }
        }
        try refresh()
    }

    private func makePerformer(_ role: Role, _ server: DemoServer) async throws -> any Performer {
        switch role.kind {
        case .editor, .browser:
            let drafts = DraftJournal(directory: server.draftsDirectory(for: role.name))
            return AppActor(role: role, client: try await server.client(as: role.name), drafts: drafts, size: paneSize)
        case .client:
            return ClientActor(role: role, client: try await server.client(as: role.name))
        case .crowd(let n):
            var members: [(name: String, client: MidairClient)] = []
            for i in 1...n { members.append(("\(role.name)\(i)", try await server.client(as: "\(role.name)\(i)"))) }
            return Crowd(role: role, members: members)
        }
    }

    static func describe(_ kind: Role.Kind) -> String {
        switch kind {
        case .editor(let key): "the editor on \(key)"
        case .browser: "the browser"
        case .client: "an API client"
        case .crowd(let n): "\(n) API clients at once"
        }
    }

    // MARK: Steps

    private func run(_ step: Step) async throws {
        switch step.action {
        case .say(let text):
            narration = text
            write("» " + text)
            let words = text.split(separator: " ").count
            try await pause(.milliseconds(max(1500, words * 280)))
        case .wait(let duration):
            try await pause(duration)
        case .show:
            write("--- \(scenario.file):\(step.line)\n" + stage(stageSize).text + "---")
        case .keys(let name, let keys):
            guard let actor = performer(name) as? AppActor else { return }
            mark(name)
            for key in keys {
                actor.press(key)
                try await pause(Self.typingDelay(key))
            }
            try await settle(name, step)
            try await pause(.milliseconds(600))
        case .request(let name, let request):
            guard let actor = performer(name) as? ClientActor else { return }
            mark(name)
            if case .set(_, _, retry: true) = request {
                Task { await actor.perform(request) }
            } else {
                try await during { await actor.perform(request) }
            }
            try await pause(.milliseconds(800))
        case .decrement(let name, let key, let field, let amount):
            guard let crowd = performer(name) as? Crowd else { return }
            mark(name)
            try await during { await crowd.decrement(key, field: field, amount: amount) }
            write("  \(name): \(crowd.conflicts) × 409, \(crowd.retries) retries")
            try await pause(.milliseconds(1200))
        case .expect(let expectation):
            try await check(expectation, step)
        }
    }

    private static func typingDelay(_ key: Key) -> Duration {
        if case .char = key { return .milliseconds(45) }
        return .milliseconds(300)
    }

    private func performer(_ name: String) -> (any Performer)? {
        performers.first { $0.role.name == name }
    }

    private func mark(_ name: String) {
        guard let i = performers.firstIndex(where: { $0.role.name == name }) else { return }
        marks[i] = performers[i].log.count
    }

    /// Waits until the actor has every answer it asked for.
    private func settle(_ name: String, _ step: Step) async throws {
        guard let actor = performer(name) else { return }
        if try await !waitUntil(Self.answerTimeout, { actor.isSettled }) {
            fail(line: step.line, "\(name) got no answer within \(Self.answerTimeout)")
        }
    }

    /// Runs `work` while the stage is kept drawn.
    private func during(_ work: @escaping @MainActor () async -> Void) async throws {
        let done = Flag()
        Task { @MainActor in
            await work()
            done.isSet = true
        }
        _ = try await waitUntil(.seconds(3600)) { done.isSet }
    }

    // MARK: Expectations

    private func check(_ expectation: Expectation, _ step: Step) async throws {
        let what = Self.describe(expectation)
        let met = try await waitUntil(Self.expectTimeout) { await self.holds(expectation) }
        if met {
            outcome.passed += 1
            write("✓ " + what)
            return
        }
        switch expectation {
        case .text(let name, _), .statusLine(let name, _), .status(let name, _):
            if let actor = performer(name) {
                write("--- \(name)'s screen:\n" + actor.frame(paneSize).text + "---")
            }
        case .field, .count:
            break
        }
        fail(line: step.line, "expected " + what)
    }

    private func holds(_ expectation: Expectation) async -> Bool {
        switch expectation {
        case .text(let name, let text):
            return performer(name)?.frame(paneSize).text.contains(text) ?? false
        case .statusLine(let name, let text):
            guard let frame = performer(name)?.frame(paneSize) else { return false }
            return (frame.height - 2..<frame.height).contains { frame.line($0).contains(text) }
        case .status(let name, let code):
            guard let i = performers.firstIndex(where: { $0.role.name == name }) else { return false }
            return performers[i].log.since(marks[i]).contains { $0.status == code }
        case .field(let key, let field, let value):
            let record = try? await narrator?.get(key.collection, key.id)
            return record?.fields[field] == value
        case .count(let collection, let n):
            let page = try? await narrator?.list(collection, limit: 1000)
            return page?.records.count == n
        }
    }

    static func describe(_ expectation: Expectation) -> String {
        switch expectation {
        case .text(let name, let text): "\(name)'s screen shows “\(text)”"
        case .statusLine(let name, let text): "\(name)'s status line shows “\(text)”"
        case .status(let name, let code): "\(name) got \(code)"
        case .field(let key, let field, let value): "\(key) has \(field) = \(value) on the server"
        case .count(let collection, let n): "\(collection) holds \(n) records on the server"
        }
    }

    private func fail(line: Int, _ message: String) {
        failed = true
        let text = "\(scenario.file):\(line): \(message)"
        outcome.failures.append(text)
        narration = "✗ " + text
        write("✗ " + text)
    }

    // MARK: The stage

    private var stageSize: Size {
        terminal?.size ?? Stage.size(panes: scenario.cast.count)
    }

    private var paneSize: Size {
        Stage.paneSize(stageSize, panes: scenario.cast.count)
    }

    private func stage(_ size: Size) -> Screen {
        let pane = Stage.paneSize(size, panes: performers.count)
        let controls = pacer.live ? "step \(stepNumber)/\(scenario.steps.count) · " + pacer.controls : "step \(stepNumber)/\(scenario.steps.count)"
        return Stage(names: performers.map(Self.label), panes: performers.map { $0.frame(pane) },
                     narration: narration, controls: controls, failed: failed).compose(size)
    }

    /// The name over a pane, with the answer to its last write.
    private static func label(_ performer: any Performer) -> String {
        guard let last = performer.log.since(0).last(where: { !$0.isRead }) else { return performer.role.name }
        return performer.role.name + " · " + (last.status.map(String.init) ?? "no answer") + (last.status.map { $0 >= 400 } == true ? " " + last.detail : "")
    }

    /// Reads the audience's keys, draws and records the stage, prints new
    /// exchanges; throws when the demo is to stop.
    private func refresh() throws {
        if let number = interrupts.caught { throw Stop.signal(number) }
        if terminal?.isHungUp == true { throw Stop.signal(SIGHUP) }
        for key in terminal?.keys() ?? [] where pacer.press(key) == .quit {
            throw Stop.quit
        }
        printExchanges()
        guard terminal != nil || recorder != nil else { return }
        let shown = Shown(size: stageSize, revisions: performers.map(\.revision), narration: narration,
                          controls: pacer.controls, step: stepNumber, failed: failed)
        guard shown != lastShown else { return }
        lastShown = shown
        let frame = stage(stageSize)
        terminal?.draw(frame)
        recorder?.record(frame, at: pacer.clock)
    }

    private func tick() async throws {
        try refresh()
        try await Task.sleep(for: pacer.live ? .milliseconds(20) : .milliseconds(2))
    }

    /// Polls `condition` until it holds or `timeout` passes.
    private func waitUntil(_ timeout: Duration, _ condition: () async -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            try refresh()
            if await condition() { return true }
            if ContinuousClock.now > deadline { return false }
            try await Task.sleep(for: pacer.live ? .milliseconds(20) : .milliseconds(2))
        }
    }

    /// A pause for the audience: live it takes its (scaled) time, and time
    /// stands still while paused; headless it only moves the recording's clock.
    private func pause(_ duration: Duration) async throws {
        guard pacer.live else {
            try refresh()
            pacer.skip(duration)
            try refresh()
            return
        }
        var left = pacer.scaled(duration)
        while left > .zero {
            let start = ContinuousClock.now
            try await tick()
            if !pacer.paused { left -= start.duration(to: .now) }
        }
    }

    // MARK: The transcript

    private func printExchanges() {
        let width = performers.map(\.role.name.count).max() ?? 0
        for (i, performer) in performers.enumerated() {
            let new = performer.log.since(printed[i])
            printed[i] += new.count
            for exchange in new {
                write("  " + performer.role.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(exchange)")
            }
        }
    }

    private func write(_ line: String) {
        outcome.transcript += line + "\n"
        options.output(line)
    }
}

/// Set once some work is done, read by the loop waiting for it.
@MainActor
private final class Flag {
    var isSet = false
}
