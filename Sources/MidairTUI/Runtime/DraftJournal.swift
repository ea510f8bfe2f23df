import Foundation

/// Unsaved edits on disk, one JSON file per record under
/// `$XDG_STATE_HOME/midair/drafts/<collection>/<id>.json` (or
/// `~/.local/state/midair/drafts`), so a dropped ssh connection or a killed
/// terminal loses nothing that was journaled. Writes replace the file
/// atomically (a temporary file renamed over it): a crash mid-write leaves
/// the previous draft, never half of one.
public struct DraftJournal: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The journal where the XDG base directory spec puts state.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> DraftJournal {
        let state: String
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            state = xdg
        } else {
            state = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        }
        return DraftJournal(directory: state + "/midair/drafts")
    }

    /// Collection names and ids are `[a-z0-9._-]` starting with a letter
    /// or digit, so they are safe as file names as they are.
    public func path(_ key: RecordKey) -> String {
        "\(directory)/\(key.collection)/\(key.id).json"
    }

    public func write(_ draft: Draft) throws {
        let folder = "\(directory)/\(draft.key.collection)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(draft).write(to: URL(fileURLWithPath: path(draft.key)), options: [.atomic])
    }

    /// The draft of `key`, or nil when there is none (or it cannot be read).
    public func read(_ key: RecordKey) -> Draft? {
        guard let data = FileManager.default.contents(atPath: path(key)) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(Draft.self, from: data)
    }

    public func remove(_ key: RecordKey) {
        try? FileManager.default.removeItem(atPath: path(key))
    }
}
