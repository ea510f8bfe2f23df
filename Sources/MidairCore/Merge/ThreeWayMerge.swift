/// Three-way merge of texts with the semantics and output of
/// `git merge-file`: changes from both sides that overlap or touch conflict
/// unless identical, conflicts are shrunk to the lines that really differ,
/// and conflict markers (and their line endings) are written as git writes
/// them.
public enum ThreeWayMerge {
    public enum ConflictStyle: Sendable, Hashable {
        /// Ours and theirs between the markers (git's default).
        case merge
        /// Also the base, after a `|||||||` marker; conflicts are not shrunk.
        case diff3
        /// Like diff3, but lines common to both sides at the start and end of
        /// a conflict are taken out of it.
        case zdiff3
    }

    /// How to settle conflicts without markers (`--ours`, `--theirs`, `--union`).
    public enum Favor: Sendable, Hashable {
        case none, ours, theirs, union
    }

    public struct Options: Sendable, Hashable {
        public var style: ConflictStyle
        public var favor: Favor
        /// The labels after the markers; nil writes a bare marker.
        public var oursLabel: String?
        public var baseLabel: String?
        public var theirsLabel: String?
        public var markerSize: Int

        public init(
            style: ConflictStyle = .merge, favor: Favor = .none, oursLabel: String? = nil, baseLabel: String? = nil,
            theirsLabel: String? = nil, markerSize: Int = 7
        ) {
            self.style = style
            self.favor = favor
            self.oursLabel = oursLabel
            self.baseLabel = baseLabel
            self.theirsLabel = theirsLabel
            self.markerSize = markerSize
        }
    }

    public struct Result: Sendable, Hashable {
        /// The merged text, with conflict markers where sides disagree.
        public var bytes: [UInt8]
        /// The number of conflicts written (0 for a clean merge).
        public var conflicts: Int
    }

    public static func merge(base: TextLines, ours: TextLines, theirs: TextLines, options: Options = Options()) -> Result {
        let input = MergeInput(base: base, ours: ours, theirs: theirs)
        let d1 = input.oursDiff
        if d1.isEmpty { return Result(bytes: theirs.bytes, conflicts: 0) }
        let d2 = input.theirsDiff
        if d2.isEmpty { return Result(bytes: ours.bytes, conflicts: 0) }
        var identical: [MergeChunk] = []
        let level: MergeLevel = options.style == .merge ? .zealousAlnum : .eager
        var chunks = MergeChunks.chunks(input, ours: d1, theirs: d2, level: level, identical: &identical)
        if options.style == .zdiff3 { chunks = chunks.map { trimCommonEnds($0, input) } }
        var writer = MergeWriter(input: input, options: options)
        // A favoured side settles every conflict.
        let conflicts = options.favor == .none ? chunks.count { $0.mode == .conflict } : 0
        return Result(bytes: writer.write(chunks), conflicts: conflicts)
    }

    public static func merge(base: String, ours: String, theirs: String, options: Options = Options()) -> Result {
        merge(base: TextLines(base), ours: TextLines(ours), theirs: TextLines(theirs), options: options)
    }

    /// Takes lines both sides agree on off the start and end of a conflict.
    static func trimCommonEnds(_ chunk: MergeChunk, _ input: MergeInput) -> MergeChunk {
        guard chunk.mode == .conflict else { return chunk }
        var m = chunk
        while m.chg1 > 0 && m.chg2 > 0 && input.ourIDs[m.i1] == input.theirIDs[m.i2] {
            m.i1 += 1
            m.i2 += 1
            m.chg1 -= 1
            m.chg2 -= 1
        }
        while m.chg1 > 0 && m.chg2 > 0 && input.ourIDs[m.i1 + m.chg1 - 1] == input.theirIDs[m.i2 + m.chg2 - 1] {
            m.chg1 -= 1
            m.chg2 -= 1
        }
        return m
    }
}

/// Writes merge chunks out as git's `xdl_fill_merge_buffer` does.
private struct MergeWriter {
    let input: MergeInput
    let options: ThreeWayMerge.Options
    var out: [UInt8] = []

    init(input: MergeInput, options: ThreeWayMerge.Options) {
        self.input = input
        self.options = options
    }

    mutating func write(_ chunks: [MergeChunk]) -> [UInt8] {
        out.reserveCapacity(input.ours.bytes.count + input.theirs.bytes.count / 8 + 64)
        var i = 0
        for m in chunks {
            switch (m.mode, options.favor) {
            case (.same, _):
                continue
            case (.conflict, .none):
                copy(input.ours, i..<m.i1)
                conflict(m)
            case (.conflict, .ours), (.ours, _):
                copy(input.ours, i..<m.i1)
                copy(input.ours, m.ours, newline: nil)
            case (.conflict, .theirs), (.theirs, _):
                copy(input.ours, i..<m.i1)
                copy(input.theirs, m.theirs, newline: nil)
            case (.conflict, .union):
                copy(input.ours, i..<m.i1)
                copy(input.ours, m.ours, newline: needsCR(m))
                copy(input.theirs, m.theirs, newline: nil)
            }
            i = m.i1 + m.chg1
        }
        copy(input.ours, i..<input.ours.count)
        return out
    }

    private mutating func conflict(_ m: MergeChunk) {
        let cr = needsCR(m)
        marker(0x3C, options.oursLabel, cr)
        copy(input.ours, m.ours, newline: cr)
        if options.style != .merge {
            marker(0x7C, options.baseLabel, cr)
            copy(input.base, m.base, newline: cr)
        }
        marker(0x3D, nil, cr)
        copy(input.theirs, m.theirs, newline: cr)
        marker(0x3E, options.theirsLabel, cr)
    }

    private mutating func marker(_ char: UInt8, _ label: String?, _ cr: Bool) {
        out.append(contentsOf: repeatElement(char, count: options.markerSize > 0 ? options.markerSize : 7))
        if let label {
            out.append(0x20)
            out.append(contentsOf: label.utf8)
        }
        if cr { out.append(0x0D) }
        out.append(0x0A)
    }

    private mutating func copy(_ text: TextLines, _ lines: Range<Int>) {
        guard !lines.isEmpty else { return }
        out.append(contentsOf: text.bytes[text.byteRange(lines: lines)])
    }

    /// Copies `lines`; a non-nil `newline` ends a last line that lacks one
    /// (with `\r\n` when true), so a marker never lands mid-line.
    private mutating func copy(_ text: TextLines, _ lines: Range<Int>, newline cr: Bool?) {
        guard !lines.isEmpty else { return }
        copy(text, lines)
        if let cr, out.last != 0x0A {
            if cr { out.append(0x0D) }
            out.append(0x0A)
        }
    }

    /// Whether markers should end in CRLF: when the lines before the
    /// conflict on both sides do (or the first lines, at the top), and the
    /// base agrees; undecided means LF.
    private func needsCR(_ m: MergeChunk) -> Bool {
        var crlf = Self.endsInCRLF(input.ours, m.i1 > 0 ? m.i1 - 1 : 0)
        if crlf != false { crlf = Self.endsInCRLF(input.theirs, m.i2 > 0 ? m.i2 - 1 : 0) }
        if crlf != false { crlf = Self.endsInCRLF(input.base, 0) }
        return crlf ?? false
    }

    /// Whether line `i` ends in CRLF; for a last line without newline, asks
    /// the line before; nil when nothing tells.
    private static func endsInCRLF(_ text: TextLines, _ i: Int) -> Bool? {
        func crlf(_ line: Int) -> Bool {
            let r = text.byteRange(line)
            return r.count > 1 && text.bytes[r.upperBound - 2] == 0x0D
        }
        if i < text.count - 1 { return crlf(i) }
        if text.count == 0 { return nil }
        let r = text.byteRange(i)
        if !r.isEmpty && text.bytes[r.upperBound - 1] == 0x0A { return crlf(i) }
        if i == 0 { return nil }
        return crlf(i - 1)
    }
}
