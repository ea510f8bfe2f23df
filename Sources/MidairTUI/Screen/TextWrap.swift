/// Word wrapping by terminal cells, for notices and narration.
public enum TextWrap {
    /// Splits `text` into lines of at most `width` cells, at spaces where it
    /// can; a word wider than a line is cut.
    public static func lines(_ text: String, width: Int) -> [String] {
        var out: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if CellWidth.of(candidate) <= width || line.isEmpty {
                line = candidate
            } else {
                out.append(line)
                line = String(word)
            }
            while CellWidth.of(line) > width {
                let head = String(line.prefix(width))
                out.append(head)
                line = String(line.dropFirst(head.count))
            }
        }
        out.append(line)
        return out
    }
}
