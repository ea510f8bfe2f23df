import ArgumentParser
import Foundation
import MidairCore

/// `midair merge-file`: a drop-in for `git merge-file`, same options, same
/// output, same exit status (the number of conflicts, at most 127; 255 on
/// error), so it can stand in for git's in scripts and merge drivers.
struct MergeFileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-file",
        abstract: "Three-way merge of text files, like git merge-file.",
        discussion: """
            Merges the changes from BASE to THEIRS into OURS. Writes the result
            over OURS (or to standard output with -p) and exits with the number
            of conflicts (capped at 127), or 255 on error.
            """)

    @Flag(name: [.customShort("p"), .customLong("stdout")], help: "Send the result to standard output.")
    var toStdout = false

    @Flag(name: .customLong("diff3"), help: "Show the base in conflicts.")
    var diff3 = false

    @Flag(name: .customLong("zdiff3"), help: "Like --diff3, with lines common to both sides moved out of conflicts.")
    var zdiff3 = false

    @Flag(name: .customLong("ours"), help: "Resolve conflicts with our version.")
    var favorOurs = false

    @Flag(name: .customLong("theirs"), help: "Resolve conflicts with their version.")
    var favorTheirs = false

    @Flag(name: .customLong("union"), help: "Resolve conflicts with both versions.")
    var favorUnion = false

    @Option(name: .customLong("marker-size"), help: "The length of conflict markers.")
    var markerSize = 7

    @Flag(name: [.customShort("q"), .customLong("quiet")], help: "Do not warn about conflicts.")
    var quiet = false

    @Option(name: .customShort("L"), help: "Labels for OURS, BASE and THEIRS (up to three times).")
    var labels: [String] = []

    @Argument(help: "Our version; rewritten with the result unless -p.")
    var ours: String

    @Argument(help: "The common ancestor.")
    var base: String

    @Argument(help: "Their version.")
    var theirs: String

    func validate() throws {
        if labels.count > 3 { throw ValidationError("too many labels on the command line") }
    }

    func run() throws {
        let report = ByteFiles.Reporter(quiet: quiet)
        let paths = [ours, base, theirs]
        var texts: [TextLines] = []
        for path in paths {
            let bytes = try ByteFiles.contents(of: path, report: report)
            if ByteFiles.isBinary(bytes) { throw report.fail("Cannot merge binary files: \(path)") }
            texts.append(TextLines(bytes: bytes))
        }
        let names = labels + paths.dropFirst(labels.count)
        let favor: ThreeWayMerge.Favor = favorUnion ? .union : favorTheirs ? .theirs : favorOurs ? .ours : .none
        let options = ThreeWayMerge.Options(
            style: zdiff3 ? .zdiff3 : diff3 ? .diff3 : .merge, favor: favor,
            oursLabel: names[0], baseLabel: names[1], theirsLabel: names[2], markerSize: markerSize)
        let result = ThreeWayMerge.merge(base: texts[1], ours: texts[0], theirs: texts[2], options: options)
        if toStdout {
            FileHandle.standardOutput.write(Data(result.bytes))
        } else {
            try ByteFiles.write(result.bytes, to: ours, report: report)
        }
        if result.conflicts > 0 { throw ExitCode(Int32(min(result.conflicts, 127))) }
    }
}

/// Whole-file byte I/O for the text commands, with git-style error reports.
enum ByteFiles {
    struct Reporter {
        var quiet: Bool

        /// Reports `message` on standard error and gives the exit status for it.
        func fail(_ message: String, status: Int32 = 255) -> ExitCode {
            if !quiet { FileHandle.standardError.write(Data("error: \(message)\n".utf8)) }
            return ExitCode(status)
        }
    }

    /// The bytes of the file at `path`, read straight into the array.
    static func contents(of path: String, report: Reporter, status: Int32 = 255) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw report.fail("could not read \(path): \(String(cString: strerror(errno)))", status: status) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw report.fail("could not stat \(path): \(String(cString: strerror(errno)))", status: status) }
        var bytes = [UInt8]()
        var capacity = max(Int(info.st_size), 0) + 1
        while true {
            let before = bytes.count
            bytes.reserveCapacity(capacity)
            bytes.append(contentsOf: repeatElement(0, count: capacity - before))
            let got = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + before, capacity - before) }
            if got < 0 {
                throw report.fail("could not read \(path): \(String(cString: strerror(errno)))", status: status)
            }
            bytes.removeLast(capacity - before - got)
            if got == 0 { return bytes }
            if bytes.count == capacity { capacity *= 2 }
        }
    }

    static func write(_ bytes: [UInt8], to path: String, report: Reporter) throws {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            throw report.fail("could not write \(path): \(error.localizedDescription)")
        }
    }

    /// git's test: a NUL byte in the first 8000 bytes.
    static func isBinary(_ bytes: [UInt8]) -> Bool { bytes.prefix(8000).contains(0) }
}
