/// One terminal cell. A wide character (CJK) occupies its own cell plus a
/// continuation cell to its right, whose `text` is empty.
public struct Cell: Hashable, Sendable {
    /// One grapheme cluster, already sanitised; "" for the right half of a wide character.
    public var text: String
    public var style: Style
    /// True for the second cell of a two-column character.
    public var isContinuation: Bool

    public init(text: String = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.text = text
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

/// A position on the screen, zero-based.
public struct Position: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// A terminal size in cells.
public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}
