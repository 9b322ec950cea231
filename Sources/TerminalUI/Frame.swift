/// A grid of cells of a fixed size: what one screen looks like. Screens draw
/// into a Frame; the terminal backend sends it out; tests read `lines`.
public struct Frame: Sendable, Equatable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the real terminal cursor goes (the focused field's caret or the selected row).
    public var cursor: Position?

    public init(size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        self.cells = Array(repeating: .blank, count: self.size.width * self.size.height)
        self.cursor = nil
    }

    public init(width: Int, height: Int) {
        self.init(size: Size(width: width, height: height))
    }

    public var width: Int { size.width }
    public var height: Int { size.height }

    public func contains(row: Int, column: Int) -> Bool {
        row >= 0 && row < size.height && column >= 0 && column < size.width
    }

    public subscript(row: Int, column: Int) -> Cell {
        get {
            guard contains(row: row, column: column) else { return .blank }
            return cells[row * size.width + column]
        }
        set {
            guard contains(row: row, column: column) else { return }
            cells[row * size.width + column] = newValue
        }
    }
}
