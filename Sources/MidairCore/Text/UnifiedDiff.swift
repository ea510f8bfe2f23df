/// Unified diff text, as `diff -u` writes it: hunks with `context` lines
/// around them, joined when their contexts would meet, and the
/// `\ No newline at end of file` note for a last line without newline.
public enum UnifiedDiff {
    public static func format(
        old: TextLines, new: TextLines, hunks: [DiffHunk], oldHeader: String, newHeader: String, context: Int = 3
    ) -> [UInt8] {
        guard !hunks.isEmpty else { return [] }
        var out: [UInt8] = []
        out += Array("--- \(oldHeader)\n+++ \(newHeader)\n".utf8)
        var g = 0
        while g < hunks.count {
            var last = g
            while last + 1 < hunks.count
                && hunks[last + 1].oldStart - hunks[last].old.upperBound <= 2 * context
            {
                last += 1
            }
            let first = hunks[g]
            let oldLo = max(0, first.oldStart - context)
            let newLo = first.newStart - (first.oldStart - oldLo)
            let oldHi = min(old.count, hunks[last].old.upperBound + context)
            let newHi = hunks[last].new.upperBound + (oldHi - hunks[last].old.upperBound)
            out += Array("@@ -\(range(oldLo, oldHi)) +\(range(newLo, newHi)) @@\n".utf8)
            var o = oldLo
            for h in hunks[g...last] {
                emit(old, o..<h.oldStart, 0x20, &out)
                emit(old, h.old, 0x2D, &out)
                emit(new, h.new, 0x2B, &out)
                o = h.old.upperBound
            }
            emit(old, o..<oldHi, 0x20, &out)
            g = last + 1
        }
        return out
    }

    /// `start,count` with diff's conventions: 1-based, count left out when
    /// 1, and the line before an empty range.
    private static func range(_ lo: Int, _ hi: Int) -> String {
        switch hi - lo {
        case 0: "\(lo),0"
        case 1: "\(lo + 1)"
        default: "\(lo + 1),\(hi - lo)"
        }
    }

    private static func emit(_ text: TextLines, _ lines: Range<Int>, _ prefix: UInt8, _ out: inout [UInt8]) {
        for i in lines {
            out.append(prefix)
            out += text.bytes[text.byteRange(i)]
            if out.last != 0x0A { out += Array("\n\\ No newline at end of file\n".utf8) }
        }
    }
}
