import MidairClient
import MidairCore

extension AppState {
    /// The event stream connected or broke. While it is down the status
    /// line says so and edits go on; once it is back, what the server may
    /// have forgotten (a restart) is said again.
    mutating func connectionChanged(_ status: ConnectionStatus, _ effects: inout [Effect]) {
        switch status {
        case .connected:
            let wasDown = if case .reconnecting = connection { true } else { false }
            let wasConnected = hasConnected
            connection = .connected
            hasConnected = true
            guard wasDown else { return }
            announced = nil
            for key in openRecords {
                effects.append(.call(.lockStatus(key), reply: .app(.lockStatus(key))))
            }
            flash = (wasConnected ? "Reconnected to the server." : "Connected to the server.")
                + (hasUnsavedEdits ? " Your edits are here: ^S saves them." : "")
            effects.append(.startTimer(.clearFlash, after: App.flashTime))
        case .reconnecting(let attempt, let after, let reason):
            connection = .reconnecting(attempt: attempt, after: after, reason: reason.description)
            // Presence comes again, whole, when the stream reopens.
            others.forgetSessions()
        }
    }

    /// The stream ended in a way reconnecting cannot mend.
    mutating func eventsStopped(_ error: AppError, _ effects: inout [Effect]) {
        if case .api(.gone) = error {
            // The changes since the last one seen are no longer kept: the
            // pages read again what they show, and following starts anew.
            effects.append(.followEvents(since: nil))
            broadcast(.eventsStopped(error), &effects)
            return
        }
        connection = .refused(error.description)
        notice = Notice("Not following changes any more", error)
    }

    /// The records open in an editor, bottom first.
    var openRecords: [RecordKey] {
        pages.compactMap { if case .editor(let e) = $0 { e.key } else { nil } }
    }

    var hasUnsavedEdits: Bool {
        pages.contains { if case .editor(let e) = $0 { e.isDirty } else { false } }
    }
}
