import MidairCore
import Testing

@Suite struct InertTextTests {
    @Test func escapeSequencesBecomeVisible() {
        #expect(InertText.make("a\u{1B}[2Jb") == "a^[[2Jb")
        #expect(InertText.make("\u{1B}]52;c;ZXZpbA==\u{07}") == "^[]52;c;ZXZpbA==^G")
        #expect(InertText.make("\u{1B}P1$r\u{1B}\\") == "^[P1$r^[\\")
        #expect(InertText.make("x\u{9B}31m") == "x<U+009B>31m")
        #expect(InertText.make("abc\u{202E}fed") == "abc<U+202E>fed")
        #expect(InertText.make("\r\u{7F}") == "^M^?")
    }

    @Test func ordinaryTextIsUntouched() {
        let text = "naïve 日本語 👩‍👩‍👧 e\u{301}"
        #expect(InertText.make(text) == text)
        #expect(InertText.make("a\nb\tc", keepNewlines: true, keepTabs: true) == "a\nb\tc")
        #expect(InertText.make("a\nb") == "a^Jb")
    }

    @Test func nothingUnsafeSurvives() {
        var all = ""
        for v in 0..<0x3000 { if let s = Unicode.Scalar(v) { all.unicodeScalars.append(s) } }
        #expect(!InertText.make(all).unicodeScalars.contains(where: InertText.isUnsafe))
    }
}
