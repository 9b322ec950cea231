/// Reading a Frame back as text, for tests and for the end-to-end checks.
extension Frame {
    /// Each row as a string with trailing spaces trimmed, so expectations in
    /// tests read naturally. A wide character appears once (its continuation
    /// cell adds nothing), so a row's display width still equals its columns.
    public var lines: [String] {
        (0..<height).map(line)
    }

    /// One row as a string, trailing spaces trimmed.
    public func line(_ row: Int) -> String {
        var text = paddedLine(row)
        while text.last == " " { text.removeLast() }
        return text
    }

    /// One row as a string with every column, trailing spaces kept.
    public func paddedLine(_ row: Int) -> String {
        guard row >= 0, row < height else { return "" }
        return (0..<width).map { self[row, $0].text }.joined()
    }

    /// The style of one cell (a wide character's continuation shares its style).
    public func style(row: Int, column: Int) -> Style {
        self[row, column].style
    }

    /// One character per column, "#" where the style matches and "." where
    /// not: lets a test state "the selected row is reverse" in one line.
    public func styleMask(row: Int, where matches: (Style) -> Bool) -> String {
        String((0..<width).map { matches(self[row, $0].style) ? "#" : "." })
    }

    /// Mask of reverse-video cells in a row.
    public func reverseMask(row: Int) -> String {
        styleMask(row: row) { $0.reverse }
    }
}
