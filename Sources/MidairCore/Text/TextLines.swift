/// Text split into lines, kept as the original UTF-8 bytes plus the offset at
/// which each line starts.
///
/// A 100k-line field costs two arrays instead of 100k `String`s, and the
/// bytes are never re-encoded: every line keeps its own terminator (`\n`,
/// `\r\n`, or none for a last line without a final newline), so joining lines
/// back gives the input byte for byte.
public struct TextLines: Sendable, Hashable {
    /// The whole text.
    public let bytes: [UInt8]
    /// `starts[i]` is the offset of line `i`; `starts[count]` is `bytes.count`.
    @usableFromInline let starts: [Int]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count / 32 + 2)
        starts.append(0)
        bytes.withUnsafeBufferPointer { buf in
            var i = 0
            let n = buf.count
            while i < n {
                if buf[i] == 0x0A { starts.append(i + 1) }
                i += 1
            }
        }
        if starts.last != bytes.count { starts.append(bytes.count) }
        self.starts = starts
    }

    public init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    /// The number of lines; a trailing newline does not start an empty line.
    public var count: Int { starts.count - 1 }

    public var isEmpty: Bool { bytes.isEmpty }

    /// Whether the text ends without a newline (and is not empty).
    public var missingFinalNewline: Bool { bytes.last.map { $0 != 0x0A } ?? false }

    /// The byte range of line `i`, terminator included.
    @inlinable public func byteRange(_ i: Int) -> Range<Int> { starts[i]..<starts[i + 1] }

    /// The byte range of lines `range`, terminators included.
    public func byteRange(lines range: Range<Int>) -> Range<Int> { starts[range.lowerBound]..<starts[range.upperBound] }

    /// Line `i` with its terminator, as it appears in the text.
    public func rawLine(_ i: Int) -> String { String(decoding: bytes[byteRange(i)], as: UTF8.self) }

    /// Line `i` without its terminator (`\n` or `\r\n`), for display.
    public func line(_ i: Int) -> String {
        var r = byteRange(i)
        if r.upperBound > r.lowerBound, bytes[r.upperBound - 1] == 0x0A {
            r = r.lowerBound..<(r.upperBound - 1)
            if r.upperBound > r.lowerBound, bytes[r.upperBound - 1] == 0x0D { r = r.lowerBound..<(r.upperBound - 1) }
        }
        return String(decoding: bytes[r], as: UTF8.self)
    }

    /// Lines `range` joined back, terminators included.
    public func text(lines range: Range<Int>) -> String {
        String(decoding: bytes[byteRange(lines: range)], as: UTF8.self)
    }

    /// The whole text as a string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }
}
