import Foundation
import MidairClient

/// The app without a terminal: the same `AppState`, `App.update` and
/// `EffectRunner` as `Program`, driven by code. Keys come from `press`,
/// frames are read with `screen`; effects reach the real server through
/// the real client. The demo's actors are these.
///
/// It counts the answers it still waits for (server calls, draft reads),
/// so whoever drives it can wait until an action has played out.
@MainActor
public final class HeadlessProgram {
    public private(set) var state: AppState
    /// The app asked to quit (Esc on its last page, `q` in the browser).
    public private(set) var hasQuit = false
    private var initial: [Effect]
    private let runner: EffectRunner
    private let actions: AsyncStream<Action>
    private let action: AsyncStream<Action>.Continuation
    private var loop: Task<Void, Never>?
    private var pending = 0
    /// Counts the actions applied: the frame can only have changed when it moved.
    public private(set) var revision = 0

    /// - Parameters:
    ///   - observe: sees every server call with its result, before the app does.
    ///   - start: the first state and effects, as `TerminalApp` makes them.
    public init(
        client: MidairClient, journal: DraftJournal, size: Size,
        observe: @escaping @Sendable (APICall, Result<APIReply, AppError>) -> Void,
        start: (Size) -> (AppState, [Effect])
    ) {
        (state, initial) = start(size)
        state.session = client.session
        (actions, action) = AsyncStream.makeStream(of: Action.self)
        let continuation = action
        runner = EffectRunner(client: client, journal: journal, observe: observe) { continuation.yield($0) }
    }

    /// Runs the first effects, then applies what comes back until `stop`.
    public func start() {
        guard loop == nil else { return }
        perform(initial)
        initial = []
        let actions = self.actions
        loop = Task { [weak self] in
            for await action in actions {
                guard let self else { return }
                self.dispatch(action)
            }
        }
    }

    /// Whether every call and draft read asked for has been answered.
    public var isSettled: Bool { pending == 0 }

    /// The frame the app shows now.
    public var screen: Screen { App.view(state, size: state.size) }

    public func press(_ key: Key) {
        dispatch(.key(key))
    }

    public func resize(_ size: Size) {
        guard size != state.size else { return }
        dispatch(.resized(size))
    }

    /// Cancels timers and the event stream; answers still in flight are
    /// dropped. Then says goodbye to the server, as `Program` does.
    public func stop() async {
        runner.stop()
        loop?.cancel()
        action.finish()
        await runner.farewell(state.farewell)
    }

    private func dispatch(_ action: Action) {
        revision += 1
        switch action {
        case .answered, .draftRead: pending -= 1
        default: break
        }
        var effects: [Effect] = []
        state.apply(action, into: &effects)
        perform(effects)
    }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .quit: hasQuit = true
            case .repaint: break
            case .call, .readDraft:
                pending += 1
                runner.run(effect)
            default: runner.run(effect)
            }
        }
    }
}
