import MidairClient
import MidairTUI

/// A person in the terminal app: the real state machine (`HeadlessProgram`,
/// the same update, view and effect runner as `midair`) over the real
/// client, keys sent by the script instead of a keyboard.
@MainActor
final class AppActor: Performer {
    let role: Role
    let log: ExchangeLog
    private let program: HeadlessProgram

    /// - Parameter drafts: a journal of its own, so actors never share drafts.
    init(role: Role, client: MidairClient, drafts: DraftJournal, size: Size) {
        self.role = role
        let log = ExchangeLog()
        self.log = log
        program = HeadlessProgram(client: client, journal: drafts, size: size, observe: { if !$0.isHousekeeping { log.append(Exchange($0, $1)) } }) { size in
            if case .editor(let key) = role.kind { AppState.editor(key, size: size) } else { AppState.browser(size: size) }
        }
        program.start()
    }

    var isSettled: Bool { program.isSettled }
    var revision: Int { program.revision }

    func press(_ key: Key) {
        program.press(key)
    }

    func frame(_ size: Size) -> Screen {
        program.resize(size)
        return program.screen
    }

    func stop() async {
        await program.stop()
    }
}
