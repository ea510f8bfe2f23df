/// Splits a script line into words: runs of non-blanks, or "quoted text"
/// with `\"`, `\\` and `\n` escapes, so text with spaces is one word
/// (also inside a word: `title="Two words"`).
enum Words {
    struct Mistake: Error {
        var message: String
    }

    struct Word: Hashable {
        var text: String
        /// Written in quotes: text to type, never a key name.
        var quoted: Bool
    }

    static func split(_ line: Substring) throws(Mistake) -> [Word] {
        var words: [Word] = []
        var rest = line[...]
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let first = rest.first else { return words }
            if first == "\"" {
                let (word, after) = try quoted(rest.dropFirst())
                words.append(Word(text: word, quoted: true))
                rest = after
            } else {
                // A bare word may hold quoted text: FIELD="two words".
                var word = ""
                while let c = rest.first, c != " ", c != "\t" {
                    if c == "\"" {
                        let (text, after) = try quoted(rest.dropFirst())
                        word += text
                        rest = after
                    } else {
                        word.append(c)
                        rest = rest.dropFirst()
                    }
                }
                words.append(Word(text: word, quoted: false))
            }
        }
    }

    /// The text up to the closing quote, and what follows it.
    private static func quoted(_ text: Substring) throws(Mistake) -> (String, Substring) {
        var word = ""
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            i = text.index(after: i)
            switch c {
            case "\"":
                return (word, text[i...])
            case "\\":
                guard i < text.endIndex else { break }
                let escaped = text[i]
                i = text.index(after: i)
                switch escaped {
                case "n": word.append("\n")
                case "t": word.append("\t")
                case "\"", "\\": word.append(escaped)
                default: throw Mistake(message: "unknown escape \\\(escaped) in quoted text")
                }
            default:
                word.append(c)
            }
        }
        throw Mistake(message: "quoted text has no closing \"")
    }
}
