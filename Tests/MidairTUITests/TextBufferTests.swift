import Testing
@testable import MidairTUI

@Suite struct TextBufferTests {
    @Test func enterSplitsAndBackspaceAndDeleteJoin() {
        var b = TextBuffer("hello world", multiline: true)
        for _ in 0..<5 { b.moveRight() }
        b.splitLine()
        #expect(b.lines.map { String($0) } == ["hello", " world"])
        #expect(b.cursor == Position(row: 1, col: 0))
        b.deleteBackward()
        #expect(b.text == "hello world" && b.cursor == Position(row: 0, col: 5))
        b.splitLine()
        b.moveUp()
        b.moveEnd()
        b.deleteForward()
        #expect(b.text == "hello world")
    }

    @Test func wideAndCombinedCharactersMoveOneAtATime() {
        var b = TextBuffer("漢字ab", multiline: true)
        b.moveRight()
        #expect(b.cellColumn(row: 0, index: b.cursor.col) == 2)
        b.moveRight()
        #expect(b.cellColumn(row: 0, index: b.cursor.col) == 4)
        var c = TextBuffer("", multiline: false)
        c.insert("e")
        c.insert("\u{301}")
        #expect(c.lines[0].count == 1 && c.text == "e\u{301}")
    }

    @Test func verticalMovesKeepTheColumnAcrossShortLines() {
        var b = TextBuffer("abcdef\nab\nabcdef", multiline: true)
        for _ in 0..<5 { b.moveRight() }
        b.moveVertically(1)
        #expect(b.cursor == Position(row: 1, col: 2))
        b.moveVertically(1)
        #expect(b.cursor == Position(row: 2, col: 5))
    }

    @Test func controlCharactersTakeTheCellsOfTheirInertForm() {
        let b = TextBuffer("\u{1B}x", multiline: false)
        #expect(b.cellColumn(row: 0, index: 1) == 2)
    }

    @Test func aCarriageReturnStaysInTheText() {
        let b = TextBuffer("a\r\nb", multiline: true)
        #expect(b.lineCount == 2 && b.text == "a\r\nb")
    }
}

extension TextBuffer {
    mutating func moveUp() { moveVertically(-1) }
}
