import Foundation

/// The terminal for a program that composes its own frames (the demo's
/// stage of several apps side by side): draws a `Screen` through the
/// curses driver and hands out the keys typed, without the app's loop.
@MainActor
public final class FrameTerminal {
    private let terminal = CursesTerminal()

    /// Takes over the terminal (raw mode, no echo) until `stop`.
    public init() {}

    public var size: Size { terminal.size }

    /// Sends the cells that differ from the last frame.
    public func draw(_ screen: Screen) {
        terminal.draw(screen)
    }

    /// The keys typed since the last call; never waits. A resize shows in `size`.
    public func keys() -> [Key] {
        var keys: [Key] = []
        while let input = terminal.read() {
            if case .key(let key) = input { keys.append(key) }
        }
        return keys
    }

    /// Whether the terminal went away (its window closed, the ssh
    /// connection dropped): a hang-up that may come without SIGHUP when the
    /// program is not the terminal's controlling process.
    public var isHungUp: Bool {
        var fd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&fd, 1, 0) < 0 || fd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// Gives the terminal back as it was.
    public func stop() {
        terminal.stop()
    }
}
