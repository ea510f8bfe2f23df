import MidairTUI

/// `midair-bench [--lines N] [--runs N] [--size WxH]`.
struct BenchOptions {
    var lines = 100_000
    var runs = 7
    var size = Size(width: 120, height: 40)

    init(_ arguments: ArraySlice<String>) {
        var args = arguments.makeIterator()
        while let arg = args.next() {
            let value = args.next() ?? ""
            switch arg {
            case "--lines": lines = Int(value) ?? lines
            case "--runs": runs = max(1, Int(value) ?? runs)
            case "--size":
                let parts = value.split(separator: "x").compactMap { Int($0) }
                if parts.count == 2 { size = Size(width: parts[0], height: parts[1]) }
            default: break
            }
        }
    }
}
