/// A rectangle of cells on the screen: where a widget draws.
public struct Rect: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public init(origin: Position, size: Size) {
        self.init(row: origin.row, column: origin.column, width: size.width, height: size.height)
    }

    public var origin: Position { Position(row: row, column: column) }
    public var size: Size { Size(width: width, height: height) }
    /// One past the last row.
    public var maxRow: Int { row + height }
    /// One past the last column.
    public var maxColumn: Int { column + width }
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var rows: Range<Int> { row..<maxRow }
    public var columns: Range<Int> { column..<maxColumn }

    public func contains(_ position: Position) -> Bool {
        rows.contains(position.row) && columns.contains(position.column)
    }

    public func intersection(_ other: Rect) -> Rect {
        let top = max(row, other.row)
        let left = max(column, other.column)
        let bottom = min(maxRow, other.maxRow)
        let right = min(maxColumn, other.maxColumn)
        return Rect(row: top, column: left, width: right - left, height: bottom - top)
    }

    /// The rectangle shrunk by a margin on every side.
    public func inset(by margin: Int) -> Rect {
        inset(top: margin, left: margin, bottom: margin, right: margin)
    }

    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(row: row + top, column: column + left, width: width - left - right, height: height - top - bottom)
    }

    /// A rectangle of the given size centred in this one (clamped to fit).
    public func centered(width innerWidth: Int, height innerHeight: Int) -> Rect {
        let w = min(innerWidth, width)
        let h = min(innerHeight, height)
        return Rect(row: row + (height - h) / 2, column: column + (width - w) / 2, width: w, height: h)
    }

    /// The single row at `offset` from the top.
    public func row(_ offset: Int) -> Rect {
        Rect(row: row + offset, column: column, width: width, height: offset < height && offset >= 0 ? 1 : 0)
    }
}
