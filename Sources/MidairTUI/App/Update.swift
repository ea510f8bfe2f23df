import Foundation
import MidairClient
import MidairCore

/// The app's update and view: `update(state, action) -> (state, effects)`
/// and `view(state, size) -> Screen`, both pure.
public enum App {
    public static func update(_ state: AppState, _ action: Action) -> (AppState, [Effect]) {
        var state = state
        var effects: [Effect] = []
        state.apply(action, into: &effects)
        return (state, effects)
    }

    /// How long a status message stays.
    static let flashTime = Duration.seconds(6)
    /// How often presence is said again: the server forgets a session
    /// after about three missed heartbeats.
    static let heartbeat = MidairClient.presenceHeartbeat
    /// How often the `--lock` lock is renewed: a quarter of the server's
    /// default lease, so three renewals may fail (a restart) before it lapses.
    static let lockRenewal = Duration.seconds(15)
}

extension AppState {
    /// The in-place form of `App.update`, which the runtime uses to avoid
    /// copying the state on every key. Whatever the action, the server
    /// hears of it when it changed what this session is doing.
    public mutating func apply(_ action: Action, into effects: inout [Effect]) {
        reduce(action, &effects)
        announce(&effects)
    }

    private mutating func reduce(_ action: Action, _ effects: inout [Effect]) {
        switch action {
        case .key(let key):
            lastInput = now
            press(key, &effects)
        case .resized(let size):
            self.size = size
        case .clock(let date):
            now = date
        case .answered(let reply, let result):
            if let kind = reply.page {
                deliver(action, to: kind, &effects)
            } else {
                answered(reply, result, &effects)
            }
        case .timerFired(.clearFlash):
            flash = nil
        case .timerFired(.heartbeat):
            guard !isLeaving else { return }
            if let announced { effects.append(.call(.setPresence(announced), reply: .app(.presence))) }
            effects.append(.startTimer(.heartbeat, after: App.heartbeat))
        case .timerFired(.renewLock):
            guard let heldLock else { return }
            effects += [.call(.lock(heldLock), reply: .app(.lockRenewal)), .startTimer(.renewLock, after: App.lockRenewal)]
        case .timerFired, .draftRead, .changed:
            broadcast(action, &effects)
        case .presence(let event):
            others.apply(event, mySession: session)
        case .lockChanged(let event):
            others.apply(event)
            broadcast(action, &effects)
        case .connection(let status):
            connectionChanged(status, &effects)
        case .eventsStopped(let error):
            eventsStopped(error, &effects)
        case .open(let key):
            let (page, commands) = EditorState.open(key, env)
            run([.push(.editor(page))] + commands + [.run(.call(.lockStatus(key), reply: .app(.lockStatus(key))))], &effects)
        case .newRecord(let collection):
            run([.push(.editor(EditorState.new(collection: collection, env)))], &effects)
        case .openHistory(let key):
            let (page, commands) = HistoryState.open(key)
            run([.push(.history(page))] + commands, &effects)
        case .openConflictLog:
            run([.push(.conflictLog(ConflictLogState()))] + ConflictLogState.load, &effects)
        case .openHelp:
            if top?.kind == .help {
                pop(&effects)
            } else {
                pages.append(.help(HelpState(keys: top?.keyHelp ?? .browser)))
            }
        case .back:
            pop(&effects)
        case .saveConflicted(let conflict, let draft):
            let (page, commands) = MergeState.open(conflict: conflict, draft: draft, env)
            run([.push(page)] + commands, &effects)
        case .flash(let message):
            flash = message
            effects.append(.startTimer(.clearFlash, after: App.flashTime))
        case .quit:
            effects.append(.quit)
        case .browser:
            deliver(action, to: .browser, &effects)
        case .editor:
            deliver(action, to: .editor, &effects)
        case .history:
            deliver(action, to: .history, &effects)
        case .merge:
            deliver(action, to: .merge, &effects)
        }
    }

    private mutating func press(_ key: Key, _ effects: inout [Effect]) {
        if notice != nil {
            notice = nil
            return
        }
        if let prompt {
            if key == .escape { self.prompt = nil }
            if case .char(let c) = key, let choice = prompt.choices.first(where: { $0.key == c }) {
                self.prompt = nil
                reduce(choice.action, &effects)
            }
            return
        }
        flash = nil
        switch key {
        case .function(1):
            reduce(.openHelp, &effects)
        case .char("?") where top?.takesText == false:
            reduce(.openHelp, &effects)
        case .ctrl("l"):
            effects.append(.repaint)
        default:
            guard let kind = top?.kind else { return }
            deliver(.key(key), to: kind, &effects)
        }
    }

    private mutating func answered(_ reply: Reply, _ result: Result<APIReply, AppError>, _ effects: inout [Effect]) {
        switch (reply, result) {
        case (.app(.presence), _):
            // Best effort: the heartbeat says it again, and a broken link
            // shows on the status line already.
            break
        case (.app(.lockStatus(let key)), .success(.lock(let lock))):
            others.setLock(lock, on: key)
        case (.app(.lockStatus), .failure):
            break
        case (.app(.lockRenewal), let result):
            lockRenewed(result)
        case (_, .success(.whoami(let who))):
            user = who.user
        case (_, .success(.schema(let schema))):
            self.schema = schema
            broadcast(.answered(reply, result), &effects)
        case (_, .failure(let error)):
            notice = Notice("The server could not answer", error)
        case (_, .success):
            break
        }
    }

    /// Hands `action` to the topmost page of `kind`.
    private mutating func deliver(_ action: Action, to kind: PageKind, _ effects: inout [Effect]) {
        guard let i = pages.lastIndex(where: { $0.kind == kind }) else { return }
        let commands = pages[i].update(action, env)
        run(commands, &effects)
    }

    /// Hands `action` to every page, bottom first.
    mutating func broadcast(_ action: Action, _ effects: inout [Effect]) {
        var commands: [Command] = []
        let env = self.env
        for i in pages.indices { commands += pages[i].update(action, env) }
        run(commands, &effects)
    }

    private mutating func run(_ commands: [Command], _ effects: inout [Effect]) {
        for command in commands {
            switch command {
            case .run(let effect): effects.append(effect)
            case .push(let page): pages.append(page)
            case .pop: pop(&effects)
            case .replaceTop(let page):
                if pages.isEmpty { pages.append(page) } else { pages[pages.count - 1] = page }
            case .send(let action): reduce(action, &effects)
            case .ask(let prompt): self.prompt = prompt
            case .notice(let notice): self.notice = notice
            }
        }
    }

    /// Leaves the top page; leaving the last one ends the app.
    private mutating func pop(_ effects: inout [Effect]) {
        if !pages.isEmpty { pages.removeLast() }
        if pages.isEmpty { effects.append(.quit) }
    }
}
