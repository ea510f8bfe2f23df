// midair-bench: the merge view on a large record. Prints the time of the
// first frame and of one keystroke (update, view and the terminal update),
// medians of several runs, and the peak memory against the record's size.
// bench/merge-view.sh builds it in release mode and runs it.
import Foundation
import MidairClient
import MidairCore
import MidairTUI

let options = BenchOptions(CommandLine.arguments.dropFirst())
let startKB = ProcessMemory.kilobytes("VmRSS")
let input = MergeInput(lines: options.lines, changedPercent: 1, seed: 42)
let recordBytes = input.recordBytes
// The three versions are what the app holds before the merge view opens
// (your draft, their version, the base as the server answers it).
ProcessMemory.resetPeak()
let baselineKB = ProcessMemory.kilobytes("VmRSS")

var firstFrames: [Duration] = []
var keystrokes: [Duration] = []
var engines: [Duration] = []
var written = 0
var hunks = 0
for _ in 0..<options.runs {
    let run = MergeViewRun(input, size: options.size)
    firstFrames.append(run.firstFrame)
    keystrokes.append(run.keystroke)
    engines.append(run.engine)
    written = run.bytesWritten
    hunks = run.hunks
}
let peakKB = ProcessMemory.kilobytes("VmHWM")

func ms(_ d: Duration) -> String { String(format: "%.3f", Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1e3) }
func median(_ xs: [Duration]) -> Duration { xs.sorted()[xs.count / 2] }

let mb = Double(recordBytes) / 1_048_576
print("merge view: multiline field of \(options.lines) lines, 1% changed on each side (a tenth of the places shared)")
print(String(format: "record: %.2f MB per version; %d hunks; screen %dx%d; %d runs", mb, hunks, options.size.width, options.size.height, options.runs))
print("first frame (open + base answered + view): median \(ms(median(firstFrames))) ms  (target ≤ 100 ms)")
print("  of which the merge engine (RecordMerge of the three versions): median \(ms(median(engines))) ms")
print("keystroke n (update + view + terminal update, \(written) bytes): median \(ms(median(keystrokes))) ms  (target ≤ 1 ms)")
let growth = Double(peakKB - baselineKB) * 1024 / Double(recordBytes)
let total = Double(peakKB) * 1024 / Double(recordBytes)
print(String(format: "peak RSS: %.1f MB; %.1f MB at start, %.1f MB once the three versions were made", Double(peakKB) / 1024,
             Double(startKB) / 1024, Double(baselineKB) / 1024))
print(String(format: "merge view memory (peak above the three versions): %.2fx the record (target ≤ 5x); whole process %.2fx", growth, total))
// Wall times mean little on a busy machine: say how busy it was.
if let load = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) {
    print("load average while measuring: \(load.split(separator: " ").prefix(3).joined(separator: " ")) on \(ProcessInfo.processInfo.activeProcessorCount) cores")
}
