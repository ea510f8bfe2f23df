import Foundation
import MidairCore

/// Three versions of an article whose body has `lines` lines: yours and
/// theirs each change `changedPercent`% of the base's lines at random
/// places, a tenth of the places shared so that they overlap. The same
/// seed gives the same texts.
struct MergeInput {
    let base: Fields
    let yours: Fields
    let theirs: Fields

    init(lines: Int, changedPercent: Int, seed: UInt64) {
        var random = SplitMix(seed)
        let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu"]
        func line(_ i: Int) -> String {
            let count = 2 + random.next(7)
            return "\(i) " + (0..<count).map { _ in words[random.next(words.count)] }.joined(separator: " ")
        }
        let body = (0..<lines).map(line)
        let changes = max(1, lines * changedPercent / 100)
        let shared = Set((0..<changes / 10).map { _ in random.next(lines) })
        func side(_ name: String) -> [String] {
            var out = body
            var places = shared
            while places.count < changes { places.insert(random.next(lines)) }
            for i in places { out[i] = line(i) + " (\(name))" }
            return out
        }
        func record(_ body: [String], _ title: String) -> Fields {
            ["title": title, "body": body.joined(separator: "\n") + "\n", "tags": "bench"]
        }
        base = record(body, "A long article")
        yours = record(side("yours"), "A long article, revised")
        theirs = record(side("theirs"), "A long article")
    }

    /// One version's size: the bytes of its fields.
    var recordBytes: Int { yours.values.reduce(0) { $0 + $1.utf8.count } }
}

/// A small seeded generator, so runs compare the same texts.
struct SplitMix {
    private var state: UInt64

    init(_ seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
