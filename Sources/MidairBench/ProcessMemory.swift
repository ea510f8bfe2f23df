import Foundation

/// Memory figures of this process from /proc/self/status (Linux).
enum ProcessMemory {
    /// A `Vm…` line in kB: `VmRSS` now, `VmHWM` the peak so far.
    static func kilobytes(_ name: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
        }
        return 0
    }

    /// Starts `VmHWM` again from the current RSS (Linux 4.0 and later), so
    /// the peak measured is the merge view's, not the making of its input.
    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }
}
