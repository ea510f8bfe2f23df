import Foundation
import MidairCore

/// A seeded generator (SplitMix64), so property tests replay exactly.
struct MergeTestRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random texts from a small alphabet of lines (so lines repeat and diffs
/// are ambiguous), with CRLF lines and a last line that may lack a newline.
enum RandomText {
    static let alphabet = ["a\n", "b\n", "c\n", "{\n", "}\n", "\n", "x\r\n", "é ü\n", "👩‍👩‍👧\n", "  if x {\n"]

    static func lines(_ rng: inout MergeTestRandom, count: Int) -> [String] {
        (0..<count).map { _ in alphabet.randomElement(using: &rng)! }
    }

    /// A few random deletions, insertions and replacements.
    static func mutate(_ lines: [String], _ rng: inout MergeTestRandom) -> [String] {
        var out = lines
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            let p = Int.random(in: 0...out.count, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0 where !out.isEmpty:
                let at = min(p, out.count - 1)
                out.removeSubrange(at..<min(out.count, at + Int.random(in: 1...3, using: &rng)))
            case 1:
                out.insert(contentsOf: Self.lines(&rng, count: Int.random(in: 1...3, using: &rng)), at: p)
            default:
                if !out.isEmpty { out[min(p, out.count - 1)] = alphabet.randomElement(using: &rng)! }
            }
        }
        return out
    }

    /// Joins lines; sometimes drops the final newline.
    static func join(_ lines: [String], _ rng: inout MergeTestRandom) -> String {
        var text = lines.joined()
        if Bool.random(using: &rng), text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

/// Runs `git merge-file -p` on three texts.
enum Git {
    /// Without git the comparison with it is skipped, except under `.ci/run`
    /// (`MIDAIR_CI=1`), which installs git: there a missing git fails it.
    static var available: Bool {
        ProcessInfo.processInfo.environment["MIDAIR_CI"] == "1" || FileManager.default.isExecutableFile(atPath: "/usr/bin/git")
    }

    /// Runs `git merge-file -p`. The blocking wait happens on a thread of its
    /// own: blocking Swift's cooperative pool (two threads on two cores)
    /// would starve the in-process servers of tests running alongside.
    static func mergeFile(ours: String, base: String, theirs: String, extra: [String] = []) async throws -> (output: [UInt8], status: Int32) {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try runMergeFile(ours: ours, base: base, theirs: theirs, extra: extra) }) }.start()
        }
    }

    private static func runMergeFile(ours: String, base: String, theirs: String, extra: [String]) throws -> (output: [UInt8], status: Int32) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("midair-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in [("ours", ours), ("base", base), ("theirs", theirs)] {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["merge-file", "-p"] + extra + ["-L", "ours", "-L", "base", "-L", "theirs", "ours", "base", "theirs"]
        process.currentDirectoryURL = dir
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ([UInt8](data), process.terminationStatus)
    }
}
