import ArgumentParser
import Foundation
import MidairCore

/// `midair diff`: compares two files line by line, as a unified diff (like
/// `diff -u`) or side by side. Exits 0 when they are the same, 1 when they
/// differ, 2 on trouble, like diff.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two files line by line.")

    @Flag(name: [.customShort("y"), .customLong("side-by-side")], help: "Show the files in two columns.")
    var sideBySide = false

    @Option(name: [.customShort("W"), .customLong("width")], help: "Columns of the side-by-side view.")
    var width = 130

    @Option(name: [.customShort("U"), .customLong("unified")], help: "Lines of context in a unified diff.")
    var context = 3

    @Argument(help: "The old file.")
    var old: String

    @Argument(help: "The new file.")
    var new: String

    func validate() throws {
        if width < 8 { throw ValidationError("--width must be at least 8") }
        if context < 0 { throw ValidationError("--unified must not be negative") }
    }

    func run() throws {
        let report = ByteFiles.Reporter(quiet: false)
        let a = TextLines(bytes: try ByteFiles.contents(of: old, report: report, status: 2))
        let b = TextLines(bytes: try ByteFiles.contents(of: new, report: report, status: 2))
        if a.bytes == b.bytes { return }
        let hunks = LineDiff.hunks(a, b)
        let output =
            sideBySide
            ? Array(SideBySideText(old: a, new: b, hunks: hunks, width: width).render().utf8)
            : UnifiedDiff.format(
                old: a, new: b, hunks: hunks, oldHeader: header(old), newHeader: header(new), context: context)
        FileHandle.standardOutput.write(Data(output))
        throw ExitCode(1)
    }

    /// `path<TAB>modification time`, the header line of `diff -u`.
    private func header(_ path: String) -> String {
        guard let date = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        else { return path }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss.SSSSSSSSS Z"
        return "\(path)\t\(formatter.string(from: date))"
    }
}

/// Two columns as `diff -y` draws them: a gutter mark between them says `|`
/// changed, `<` only on the left, `>` only on the right.
private struct SideBySideText {
    let old: TextLines
    let new: TextLines
    let hunks: [DiffHunk]
    let width: Int

    func render() -> String {
        let column = (width - 3) / 2
        let layout = SideBySide(diff: hunks, oldCount: old.count, newCount: new.count)
        var out = ""
        for row in layout.rows(in: 0..<layout.rowCount) {
            let changed = layout.segments[row.segment].isChange
            let mark: Character =
                switch (row.left, row.right) {
                case (.some, .some): changed ? "|" : " "
                case (.some, nil): "<"
                default: ">"
                }
            let left = row.left.map { cell(old.line($0), column) } ?? ""
            let right = row.right.map { cell(new.line($0), column) } ?? ""
            var line = left.padding(toLength: column, withPad: " ", startingAt: 0) + " \(mark) " + right
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    /// A line made safe and cut to `width` characters: tabs expanded,
    /// control characters shown as `?` so nothing reaches the terminal raw.
    private func cell(_ line: String, _ width: Int) -> String {
        var out = ""
        var count = 0
        for c in line {
            if c == "\t" {
                let spaces = 8 - count % 8
                out += String(repeating: " ", count: spaces)
                count += spaces
            } else {
                let unsafe = c.unicodeScalars.contains {
                    $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
                }
                out.append(unsafe ? "?" : c)
                count += 1
            }
            if count >= width { break }
        }
        return String(out.prefix(width))
    }
}
