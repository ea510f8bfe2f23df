import MidairTUI

/// The key names of the `keys` statement, as tmux's `send-keys` spells
/// most of them: `Enter`, `Tab`, `C-s`, `M-x`, `F1`; a "quoted" word (or
/// any other single character) is typed as it is.
enum KeyNames {
    static func keys(_ word: String) -> [Key]? {
        if let key = named[word] { return [key] }
        if word.count == 3, word.hasPrefix("C-"), let c = word.last, c.isLetter, c.isASCII { return [.ctrl(Character(c.lowercased()))] }
        if word.count == 3, word.hasPrefix("M-"), let c = word.last { return [.alt(c)] }
        if word.hasPrefix("F"), let n = Int(word.dropFirst()), (1...12).contains(n) { return [.function(n)] }
        if word.count == 1 { return Key.typing(word) }
        return nil
    }

    private static let named: [String: Key] = [
        "Enter": .enter, "Tab": .tab, "S-Tab": .backTab, "BTab": .backTab, "Esc": .escape, "Escape": .escape,
        "BSpace": .backspace, "Bksp": .backspace, "Del": .delete, "Delete": .delete, "Space": .char(" "),
        "Up": .up, "Down": .down, "Left": .left, "Right": .right, "Home": .home, "End": .end,
        "PgUp": .pageUp, "PageUp": .pageUp, "PgDn": .pageDown, "PageDown": .pageDown,
    ]
}
