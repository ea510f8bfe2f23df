import Foundation

/// Where midair keeps things for one person when no shared server is named,
/// following the XDG base directory spec.
enum Paths {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    static var home: String { environment["HOME"] ?? NSHomeDirectory() }

    /// `$XDG_STATE_HOME/midair`, or `~/.local/state/midair`: logs and drafts.
    static var stateDirectory: String {
        xdg("XDG_STATE_HOME", fallback: ".local/state")
    }

    /// `$XDG_DATA_HOME/midair`, or `~/.local/share/midair`: the private store.
    static var dataDirectory: String {
        xdg("XDG_DATA_HOME", fallback: ".local/share")
    }

    /// The private server's socket: under `$XDG_RUNTIME_DIR` (cleared at
    /// logout, never shared), else in the state directory.
    static var defaultSocket: String {
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") {
            return runtime + "/midair/midair.sock"
        }
        return stateDirectory + "/midair.sock"
    }

    private static func xdg(_ variable: String, fallback: String) -> String {
        if let dir = environment[variable], dir.hasPrefix("/") { return dir + "/midair" }
        return home + "/" + fallback + "/midair"
    }
}
