import Foundation
import MidairClient

/// The running app: keys and effect results in, `App.update` over the
/// state, `App.view` out to the terminal, effects to the runner. One loop
/// on the main actor, so the state has one owner and curses one caller.
@MainActor
final class Program {
    private enum Wake: Sendable {
        case input
        /// The terminal is gone: end (drafts are already journaled).
        case hangUp
        case action(Action)
    }

    private var state: AppState
    private let initial: [Effect]
    private let terminal: CursesTerminal
    private let watcher = InputWatcher()
    private let wakes: AsyncStream<Wake>
    private let wake: AsyncStream<Wake>.Continuation
    private let runner: EffectRunner
    private var quitting = false

    /// How often the clock moves, for "5 min ago".
    static let clockInterval = Duration.seconds(20)

    /// Takes over the terminal; `start` makes the first state for its size.
    init(client: MidairClient, journal: DraftJournal, start: (Size) -> (AppState, [Effect])) {
        terminal = CursesTerminal()
        (state, initial) = start(terminal.size)
        state.session = client.session
        (wakes, wake) = AsyncStream.makeStream(of: Wake.self)
        let continuation = wake
        runner = EffectRunner(client: client, journal: journal) { continuation.yield(.action($0)) }
    }

    /// Runs until the app quits, then gives the terminal back and says
    /// goodbye to the server (presence, the `--lock` lease).
    func run() async {
        await loop()
        await runner.farewell(state.farewell)
    }

    private func loop() async {
        let continuation = wake
        watcher.start { hungUp in continuation.yield(hungUp ? .hangUp : .input) }
        let clock = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.clockInterval)
                continuation.yield(.action(.clock(Date())))
            }
        }
        defer {
            clock.cancel()
            watcher.stop()
            runner.stop()
            terminal.stop()
        }
        perform(initial)
        render()
        for await wake in wakes {
            switch wake {
            case .input:
                let changed = readInput()
                watcher.resume()
                guard changed else { continue }
            case .hangUp:
                return
            case .action(let action):
                dispatch(action)
            }
            if quitting { return }
            render()
        }
    }

    /// Applies every key waiting; false when there was none.
    private func readInput() -> Bool {
        var any = false
        while !quitting, let input = terminal.read() {
            any = true
            switch input {
            case .key(let key): dispatch(.key(key))
            case .resized: dispatch(.resized(terminal.size))
            }
        }
        return any
    }

    private func dispatch(_ action: Action) {
        var effects: [Effect] = []
        state.apply(action, into: &effects)
        perform(effects)
    }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .quit: quitting = true
            case .repaint: terminal.invalidate()
            default: runner.run(effect)
            }
        }
    }

    private func render() {
        terminal.draw(App.view(state, size: terminal.size))
    }
}
