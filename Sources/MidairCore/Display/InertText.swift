/// Record text made safe to show on a terminal.
///
/// Anyone who can write a record could otherwise write escape sequences that
/// move the cursor, retitle the window, or (through OSC 52) fill a reader's
/// clipboard; bidi controls could make text read differently from what it
/// is. Each such character is shown as a visible escape instead.
public enum InertText {
    /// `text` with every control character, C1 control and bidi control
    /// replaced by a visible form: `^[` for ESC, `^M` for CR, `<U+202E>` for
    /// bidi and C1 controls. Newlines and tabs are kept when asked for.
    public static func make(_ text: String, keepNewlines: Bool = false, keepTabs: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepNewlines, keepTabs) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepNewlines, keepTabs) else {
                out.append(scalar)
                continue
            }
            out.append(contentsOf: visible(scalar).unicodeScalars)
        }
        return String(out)
    }

    /// Whether `scalar` must not reach a terminal as is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        needsEscape(scalar, false, false)
    }

    private static func needsEscape(_ s: Unicode.Scalar, _ keepNewlines: Bool, _ keepTabs: Bool) -> Bool {
        switch s.value {
        case 0x0A: !keepNewlines
        case 0x09: !keepTabs
        case 0x00...0x1F, 0x7F: true
        case 0x80...0x9F: true // C1 controls: 0x9B is a one-byte CSI on some terminals
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true // bidi controls
        default: false
        }
    }

    private static func visible(_ s: Unicode.Scalar) -> String {
        switch s.value {
        case 0x00...0x1F: "^" + String(Unicode.Scalar(UInt8(s.value) + 0x40))
        case 0x7F: "^?"
        default: "<U+" + hex(s.value) + ">"
        }
    }

    private static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
