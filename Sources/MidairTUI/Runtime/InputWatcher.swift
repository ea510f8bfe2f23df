import Foundation
import Synchronization

/// Wakes the program when keys wait on standard input, and every 100 ms
/// regardless, so a resize (which curses reports as a key on the next
/// read) is noticed at once even when the signal reached another thread.
/// After each wake it waits until the program has read what was there.
/// When the terminal goes away (a dropped ssh connection, a killed tmux
/// pane) poll reports a hang-up on every call: the watcher says so once and
/// stops, so the program ends instead of spinning on a dead terminal.
final class InputWatcher: Sendable {
    private let stopped = Mutex(false)
    private let drained = DispatchSemaphore(value: 0)

    /// `wake` gets true when the terminal has hung up (its last call).
    func start(_ wake: @escaping @Sendable (_ hungUp: Bool) -> Void) {
        let thread = Thread { [self] in
            while !stopped.withLock({ $0 }) {
                var fd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
                let ready = poll(&fd, 1, 100)
                if ready > 0, fd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                    wake(true)
                    return
                }
                wake(false)
                drained.wait()
            }
        }
        thread.start()
    }

    /// The program read what was waiting.
    func resume() {
        drained.signal()
    }

    func stop() {
        stopped.withLock { $0 = true }
        drained.signal()
    }
}
