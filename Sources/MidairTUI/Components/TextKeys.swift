/// The keys every text area shares (the editor's fields, the merge view's
/// hunk editor): typing, deleting, moving. Whoever keeps an undo history
/// asks `kind(of:)` first, to record the text as it was before the key.
extension TextBuffer {
    enum KeyKind: Equatable {
        /// A character typed; a space ends a run of typing for undo.
        case typing(endsRun: Bool)
        case splitting
        case deleting
        case moving
    }

    /// What `key` does to a text area; nil for a key that is not for text.
    static func kind(of key: Key) -> KeyKind? {
        switch key {
        case .char(let c): .typing(endsRun: c == " ")
        case .enter: .splitting
        case .backspace, .ctrl("h"), .delete: .deleting
        case .left, .right, .up, .down, .home, .ctrl("a"), .end, .ctrl("e"), .pageUp, .pageDown: .moving
        default: nil
        }
    }

    /// Applies a text key; PgUp/PgDn move by `page` lines. True when the
    /// text changed (a move, or Backspace at the start, changes nothing).
    @discardableResult
    mutating func press(_ key: Key, page: Int) -> Bool {
        switch key {
        case .char(let c): insert(c)
        case .enter: splitLine()
        case .backspace, .ctrl("h"): return deleteBackward()
        case .delete: return deleteForward()
        case .left: moveLeft()
        case .right: moveRight()
        case .up: moveVertically(-1)
        case .down: moveVertically(1)
        case .home, .ctrl("a"): moveHome()
        case .end, .ctrl("e"): moveEnd()
        case .pageUp: moveVertically(-page)
        case .pageDown: moveVertically(page)
        default: return false
        }
        return Self.kind(of: key) != .moving
    }
}
