import Foundation

/// Demo mode: scenario scripts played by real clients against a private
/// throw-away server, live in the terminal or headless as a transcript,
/// optionally recorded as an asciicast. `midair demo` is a thin wrapper
/// around this.
public enum Demo {
    /// The scenario named `nameOrFile` among the built-in ones, or read from
    /// that file (a path, or any name ending in `.demo`).
    public static func load(_ nameOrFile: String) throws -> Scenario {
        if let builtIn = try Catalog.scenario(named: nameOrFile) { return builtIn }
        guard nameOrFile.contains("/") || nameOrFile.hasSuffix(".demo") || FileManager.default.fileExists(atPath: nameOrFile) else {
            throw DemoError.unknown(nameOrFile)
        }
        guard let data = FileManager.default.contents(atPath: nameOrFile) else { throw DemoError.unreadable(nameOrFile) }
        let name = URL(fileURLWithPath: nameOrFile).deletingPathExtension().lastPathComponent
        return try ScriptParser.parse(String(decoding: data, as: UTF8.self), name: name, file: nameOrFile)
    }

    /// Plays `scenario`; returns what happened (the transcript, the
    /// expectations met and failed, whether it was stopped). The server,
    /// the actors and the terminal are cleaned up before it returns, also
    /// when it is interrupted by a signal.
    @MainActor
    public static func play(_ scenario: Scenario, _ options: DemoOptions) async throws -> DemoOutcome {
        let interrupts = Interrupts()
        let sources = interrupts.start()
        defer { Interrupts.stop(sources) }
        return try await Player(scenario, options, interrupts: interrupts).play()
    }
}

public struct DemoOptions: Sendable {
    /// No terminal: the transcript goes to `output`.
    public var headless: Bool
    /// Pauses last 1/speed of their time.
    public var speed: Double
    /// Live: start paused; → plays one step at a time.
    public var step: Bool
    /// Where to write an asciicast v2 recording.
    public var record: String?
    /// Gets each line of the transcript as it is written.
    public var output: @Sendable (String) -> Void

    public init(headless: Bool, speed: Double = 1, step: Bool = false, record: String? = nil, output: @escaping @Sendable (String) -> Void = { _ in }) {
        self.headless = headless
        self.speed = speed
        self.step = step
        self.record = record
        self.output = output
    }
}

public struct DemoOutcome: Sendable {
    public var passed = 0
    /// Each failed expectation, as `file:line: expected ...`.
    public var failures: [String] = []
    /// The audience quit (q) before the end.
    public var quit = false
    /// The signal that stopped it, if one did.
    public var signal: Int32?
    public var transcript = ""

    public var succeeded: Bool { failures.isEmpty && signal == nil }
}

public enum DemoError: Error, CustomStringConvertible {
    case unknown(String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .unknown(let name): "no demo named '\(name)' (midair demo --list shows them), and no such file"
        case .unreadable(let path): "cannot read \(path)"
        }
    }
}
