import Foundation
import MidairTUI

/// Writes an asciicast v2 file (https://docs.asciinema.org/manual/asciicast/v2/):
/// a header line of JSON, then one `[seconds, "o", data]` line per frame
/// that changed, the frame as terminal output. `asciinema play` shows it.
final class CastRecorder {
    private let handle: FileHandle
    private var frames = AnsiFrames()
    private var last: Screen?

    init(path: String, size: Size, title: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CastError(description: "cannot write \(path)")
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let header: [String: Any] = [
            "version": 2, "width": size.width, "height": size.height,
            "timestamp": Int(Date().timeIntervalSince1970), "title": title,
            "env": ["TERM": "xterm-256color", "SHELL": "/bin/sh"],
        ]
        let json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        handle.write(json + Data("\n".utf8))
    }

    /// Adds `screen` at `time` (seconds since the start) if it differs from the last one.
    func record(_ screen: Screen, at time: Double) {
        guard screen != last else { return }
        last = screen
        let data = frames.encode(screen)
        guard let text = try? JSONEncoder().encode(data) else { return }
        let line = String(format: "[%.3f, \"o\", ", max(0, time)) + String(decoding: text, as: UTF8.self) + "]\n"
        handle.write(Data(line.utf8))
    }

    func close() {
        try? handle.close()
    }
}

struct CastError: Error, CustomStringConvertible {
    var description: String
}
