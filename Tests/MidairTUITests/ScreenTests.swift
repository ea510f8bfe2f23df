import CNcursesw
import Testing
@testable import MidairTUI

@Suite struct ScreenTests {
    @Test func wideCharactersTakeTwoCellsAndClipWhole() {
        var s = Screen(size: Size(width: 6, height: 1))
        let end = s.put("a漢字b", row: 0, col: 0)
        #expect(end == 6)
        #expect(s[0, 1].width == 2 && s[0, 2].isContinuation)
        #expect(s.line(0) == "a漢字b")
        var clipped = Screen(size: Size(width: 4, height: 1))
        clipped.put("ab漢字", row: 0, col: 0)
        #expect(clipped.line(0) == "ab漢")
        clipped.put("xy漢", row: 0, col: 1)
        #expect(clipped.line(0) == "axy ")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var s = Screen(size: Size(width: 4, height: 1))
        s.put("漢字", row: 0, col: 0)
        s.put("x", row: 0, col: 1)
        #expect(s.line(0) == " x字")
    }

    @Test func escapeSequencesAndBidiControlsAreShownInert() {
        var s = Screen(size: Size(width: 40, height: 1))
        s.put("\u{1B}]0;owned\u{07}\u{1B}[2J\u{202E}x", row: 0, col: 0)
        #expect(s.line(0).hasPrefix("^[]0;owned^G^[[2J<U+202E>x"))
        #expect(!s.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E } })
    }

    @Test func markupShowsAttributesRolesAndTheCursor() {
        var s = Screen(size: Size(width: 12, height: 1))
        s.put("ok", row: 0, col: 0, style: .bold)
        s.put("bad", row: 0, col: 3, style: .error)
        s.cursor = Position(row: 0, col: 7)
        #expect(s.markup == "[b]ok[/] [b:error]bad[/] ‸\n")
    }

    @Test func combiningMarksStayWithTheirLetter() {
        var s = Screen(size: Size(width: 5, height: 1))
        s.put("e\u{301}x", row: 0, col: 0)
        #expect(s[0, 0].text == "e\u{301}" && s[0, 1].text == "x")
    }

    /// The width table agrees with the C library under a UTF-8 locale,
    /// which is what curses uses to place characters.
    @Test func widthsAgreeWithWcwidth() throws {
        try #require(setlocale(LC_CTYPE, "C.UTF-8") != nil)
        let samples: [Unicode.Scalar] = ["a", "é", "漢", "字", "한", "ア", "ｱ", "Ａ", "😀", "🎉", "→", "─", "€", "ß", "\u{301}", "\u{200B}", "\u{3000}", "ㄱ"]
        for scalar in samples {
            let c = Int(wcwidth(wchar_t(bitPattern: scalar.value)))
            #expect(CellWidth.of(Character(scalar)) == max(0, c), "U+\(String(scalar.value, radix: 16))")
        }
    }
}
