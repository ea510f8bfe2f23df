/// The size of the terminal, in cells.
public struct Size: Sendable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The smallest terminal every screen is laid out for.
    public static let minimum = Size(width: 80, height: 24)

    public var isBelowMinimum: Bool { width < Self.minimum.width || height < Self.minimum.height }
}

/// A cell position: row from the top, column from the left.
public struct Position: Sendable, Hashable {
    public var row: Int
    public var col: Int

    public init(row: Int, col: Int) {
        self.row = row
        self.col = col
    }
}

/// A rectangle of cells, for laying out parts of a screen.
public struct Rect: Sendable, Hashable {
    public var row: Int
    public var col: Int
    public var width: Int
    public var height: Int

    public init(row: Int, col: Int, width: Int, height: Int) {
        self.row = row
        self.col = col
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var bottom: Int { row + height }
    public var right: Int { col + width }

    /// The top `rows` rows, and the rest below.
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let n = min(max(0, rows), height)
        return (Rect(row: row, col: col, width: width, height: n), Rect(row: row + n, col: col, width: width, height: height - n))
    }

    /// The left `cols` columns, and the rest to the right.
    public func splitLeft(_ cols: Int) -> (left: Rect, rest: Rect) {
        let n = min(max(0, cols), width)
        return (Rect(row: row, col: col, width: n, height: height), Rect(row: row, col: col + n, width: width - n, height: height))
    }
}
