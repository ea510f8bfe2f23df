import MidairTUI

/// How a pane without the terminal app is drawn (a client's requests, a
/// crowd's tally): a title bar like the app's, then lines, the newest at
/// the bottom when they do not all fit.
struct LogPane {
    var title: String
    /// Lines under the title that always show (a tally).
    var header: [(String, Style)] = []
    var lines: [(String, Style)] = []

    func draw(_ size: Size) -> Screen {
        var screen = Screen(size: size)
        screen.fill(Rect(row: 0, col: 0, width: size.width, height: 1), style: .bar)
        screen.put(" " + title, row: 0, col: 0, style: Style([.reverse, .bold], .bar))
        var row = 2
        for (text, style) in header where row < size.height {
            screen.put(" " + text, row: row, col: 0, style: style)
            row += 1
        }
        if !header.isEmpty { row += 1 }
        let room = max(0, size.height - row)
        for (text, style) in lines.suffix(room) {
            screen.put(" " + text, row: row, col: 0, style: style)
            row += 1
        }
        return screen
    }

    /// An exchange as two lines: the request, then the answer, coloured by class.
    static func entry(_ exchange: Exchange) -> [(String, Style)] {
        let style: Style = switch exchange.status ?? 0 {
        case 200..<300: Style(.bold, .added)
        case 409, 412, 423: Style(.bold, .conflict)
        default: .error
        }
        let answer = (exchange.status.map(String.init) ?? "no answer") + (exchange.detail.isEmpty ? "" : " " + exchange.detail)
        return [("→ " + exchange.request, .plain), ("  ← " + answer, style)]
    }
}
