/// Line diffs between two texts, with git's choice of hunks.
public enum LineDiff {
    /// The hunks turning `old` into `new`, in order.
    public static func hunks(_ old: TextLines, _ new: TextLines) -> [DiffHunk] {
        let interned = LineInterner.intern([old, new])
        return hunks(interned.ids[0], interned.ids[1], classCount: interned.classCount)
    }

    public static func hunks(_ old: String, _ new: String) -> [DiffHunk] {
        hunks(TextLines(old), TextLines(new))
    }

    /// The hunks between two sequences of line ids in `0..<classCount`.
    public static func hunks(_ old: [Int32], _ new: [Int32], classCount: Int) -> [DiffHunk] {
        old.withUnsafeBufferPointer { a in
            new.withUnsafeBufferPointer { b in MyersDiff.hunks(a, b, classCount: classCount) }
        }
    }
}
