/// A stretch of a line for highlighting: changed or not.
public struct WordSpan: Sendable, Hashable {
    public var range: Range<String.Index>
    public var changed: Bool
}

/// Word-level differences inside a changed line, for the highlights of the
/// merge and diff views.
///
/// Lines are cut into words (runs of letters, digits and `_`), runs of
/// spaces, and single other characters, all on grapheme clusters, so an
/// emoji or a letter with combining marks is never split; then the words are
/// diffed like lines.
public enum WordDiff {
    /// Spans covering each line end to end, in order; adjacent spans differ
    /// in `changed`.
    public static func spans(_ old: String, _ new: String) -> (old: [WordSpan], new: [WordSpan]) {
        let a = words(old), b = words(new)
        var ids: [Substring: Int32] = [:]
        func intern(_ text: String, _ ranges: [Range<String.Index>]) -> [Int32] {
            ranges.map { r in
                let key = text[r]
                if let id = ids[key] { return id }
                let id = Int32(ids.count)
                ids[key] = id
                return id
            }
        }
        let ia = intern(old, a), ib = intern(new, b)
        let hunks = LineDiff.hunks(ia, ib, classCount: ids.count)
        var changedA = [Bool](repeating: false, count: a.count), changedB = [Bool](repeating: false, count: b.count)
        for h in hunks {
            for i in h.old { changedA[i] = true }
            for i in h.new { changedB[i] = true }
        }
        return (spans(a, changedA), spans(b, changedB))
    }

    private static func spans(_ words: [Range<String.Index>], _ changed: [Bool]) -> [WordSpan] {
        var out: [WordSpan] = []
        for (r, c) in zip(words, changed) {
            if let last = out.last, last.changed == c {
                out[out.count - 1].range = last.range.lowerBound..<r.upperBound
            } else {
                out.append(WordSpan(range: r, changed: c))
            }
        }
        return out
    }

    /// The words of `text`, covering it end to end.
    static func words(_ text: String) -> [Range<String.Index>] {
        enum Class { case word, space, other }
        func classify(_ c: Character) -> Class {
            if c.isLetter || c.isNumber || c == "_" { return .word }
            if c.isWhitespace { return .space }
            return .other
        }
        var out: [Range<String.Index>] = []
        var start = text.startIndex
        var current: Class?
        var i = text.startIndex
        while i < text.endIndex {
            let k = classify(text[i])
            if let cur = current, cur != k || k == .other {
                out.append(start..<i)
                start = i
            }
            current = k
            i = text.index(after: i)
        }
        if start < text.endIndex { out.append(start..<text.endIndex) }
        return out
    }
}
