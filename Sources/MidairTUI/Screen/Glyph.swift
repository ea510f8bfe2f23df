import MidairCore

/// How a grapheme of record text is shown: its inert form (`^[` for ESC)
/// and the cells that takes. The text area and `Screen.put` agree on this,
/// so the cursor lands where the character is drawn.
enum Glyph {
    static func cells(_ grapheme: Character) -> Int {
        if let ascii = grapheme.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        return InertText.make(String(grapheme)).reduce(0) { $0 + shownWidth($1) }
    }

    /// A lone zero-width character is shown as U+FFFD in one cell, since
    /// a terminal would join it to the cell before.
    static func shownWidth(_ grapheme: Character) -> Int {
        max(1, CellWidth.of(grapheme))
    }
}
