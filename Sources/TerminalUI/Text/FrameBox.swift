/// Borders for dialogs and overlays.
extension Frame {
    /// Draws a single-line border around `rect`, blanking its inside, with an
    /// optional title on the top edge. Returns the inner rectangle.
    @discardableResult
    public mutating func box(_ rect: Rect, title: String? = nil, style: Style = .plain) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(row: rect.row, column: rect.column, width: 0, height: 0) }
        fill(rect, style: style)
        let right = rect.maxColumn - 1
        let bottom = rect.maxRow - 1
        horizontalLine(row: rect.row, column: rect.column + 1, width: rect.width - 2, style: style)
        horizontalLine(row: bottom, column: rect.column + 1, width: rect.width - 2, style: style)
        for row in (rect.row + 1)..<bottom {
            put("│", row: row, column: rect.column, style: style)
            put("│", row: row, column: right, style: style)
        }
        put("┌", row: rect.row, column: rect.column, style: style)
        put("┐", row: rect.row, column: right, style: style)
        put("└", row: bottom, column: rect.column, style: style)
        put("┘", row: bottom, column: right, style: style)
        if let title, !title.isEmpty, rect.width > 4 {
            put(" \(Sanitizer.clean(title)) ", row: rect.row, column: rect.column + 1, maxWidth: rect.width - 2, style: style.with(bold: true))
        }
        return rect.inset(by: 1)
    }
}

extension Style {
    /// A copy with a few attributes switched on, for emphasis on top of a base style.
    public func with(bold: Bool? = nil, reverse: Bool? = nil, underline: Bool? = nil, dim: Bool? = nil, role: ColorRole? = nil) -> Style {
        Style(
            bold: bold ?? self.bold,
            reverse: reverse ?? self.reverse,
            underline: underline ?? self.underline,
            dim: dim ?? self.dim,
            role: role ?? self.role
        )
    }
}
