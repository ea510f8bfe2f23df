/// Equal lines get equal small integers, so the diff compares `Int32`s and
/// never touches bytes (or `String`s) on its hot path.
///
/// Lines are equal when their bytes are equal, terminator included: `a\n`,
/// `a\r\n` and a final `a` without newline are three different lines, as in
/// git.
public enum LineInterner {
    /// The line ids of each text, in one id space shared by all of them
    /// (ids are dense, `0..<classCount`).
    public static func intern(_ texts: [TextLines]) -> (ids: [[Int32]], classCount: Int) {
        withBuffers(texts[...], []) { buffers in intern(texts, buffers) }
    }

    /// Gives `body` the byte buffers of all texts at once.
    private static func withBuffers<R>(
        _ texts: ArraySlice<TextLines>, _ done: [UnsafeBufferPointer<UInt8>],
        _ body: ([UnsafeBufferPointer<UInt8>]) -> R
    ) -> R {
        guard let first = texts.first else { return body(done) }
        return first.bytes.withUnsafeBufferPointer { withBuffers(texts.dropFirst(), done + [$0], body) }
    }

    private struct Entry {
        var hash: UInt64
        var text: Int32
        var line: Int32
    }

    private static func intern(_ texts: [TextLines], _ buffers: [UnsafeBufferPointer<UInt8>]) -> (ids: [[Int32]], classCount: Int) {
        let total = texts.reduce(0) { $0 + $1.count }
        var capacity = 16
        while capacity < total * 2 { capacity <<= 1 }
        let mask = capacity - 1
        // Slot holds class id + 1; 0 is empty.
        var slots = [Int32](repeating: 0, count: capacity)
        var classes: [Entry] = []
        classes.reserveCapacity(total / 2 + 16)
        var out: [[Int32]] = []
        out.reserveCapacity(texts.count)
        slots.withUnsafeMutableBufferPointer { slots in
            for (t, text) in texts.enumerated() {
                let buf = buffers[t]
                let base = buf.baseAddress
                var ids = [Int32](repeating: 0, count: text.count)
                text.starts.withUnsafeBufferPointer { starts in
                    for i in 0..<text.count {
                        let start = starts[i], len = starts[i + 1] - start
                        let h = hashBytes(base.map { UnsafeRawPointer($0 + start) }, len)
                        var s = Int(truncatingIfNeeded: h) & mask
                        while true {
                            let c = slots[s]
                            if c == 0 {
                                classes.append(Entry(hash: h, text: Int32(t), line: Int32(i)))
                                slots[s] = Int32(classes.count)
                                ids[i] = Int32(classes.count - 1)
                                break
                            }
                            let e = classes[Int(c) - 1]
                            if e.hash == h {
                                let other = texts[Int(e.text)].starts
                                let os = other[Int(e.line)], olen = other[Int(e.line) + 1] - os
                                if olen == len
                                    && (len == 0 || memEqual(base! + start, buffers[Int(e.text)].baseAddress! + os, len))
                                {
                                    ids[i] = c - 1
                                    break
                                }
                            }
                            s = (s + 1) & mask
                        }
                    }
                }
                out.append(ids)
            }
        }
        return (out, classes.count)
    }

    private static func memEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        while i + 8 <= n {
            if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
                return false
            }
            i += 8
        }
        while i < n {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    /// A fast 64-bit hash, eight bytes at a time (multiply and fold).
    @inline(__always)
    static func hashBytes(_ p: UnsafeRawPointer?, _ n: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        guard let p else { return h }
        var i = 0
        while i + 8 <= n {
            h = mix(h ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                tail |= UInt64(p.load(fromByteOffset: i, as: UInt8.self)) << shift
                shift += 8
                i += 1
            }
            h = mix(h ^ tail)
        }
        return h ^ (h >> 29)
    }

    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        let m = x.multipliedFullWidth(by: 0xD6E8_FEB8_6659_FD93)
        return m.high ^ m.low
    }
}
