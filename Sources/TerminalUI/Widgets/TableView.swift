/// One column of a table.
public struct TableColumn: Sendable, Hashable {
    public var title: String
    public var width: Extent
    /// `.right` for numbers, so digits line up.
    public var alignment: TextMeasure.Alignment

    public init(_ title: String, width: Extent = .fill, alignment: TextMeasure.Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// One row of a table: a string per column and an optional emphasis
/// (e.g. `.warning` for an overdue follow-up; the words must say it too).
public struct TableRow: Sendable, Hashable {
    public var cells: [String]
    public var style: Style

    public init(_ cells: [String], style: Style = .plain) {
        self.cells = cells
        self.style = style
    }
}

/// Draws a TableState: optional search line, header, then the visible rows.
public enum TableView {
    public static let headerStyle = Style(bold: true, underline: true, role: .header)
    /// Selection in a focused list is reverse video: visible without colour.
    public static let selectedStyle = Style.selected
    /// Selection in a list without focus is bold, so it is still findable.
    public static let inactiveSelectionStyle = Style(bold: true, role: .selection)
    public static let loadingText = "…"

    /// Draws the table. `row` is asked only for indices in
    /// `state.visibleRange(in: rect)`; returning nil (not fetched yet) shows
    /// a placeholder row instead of blocking.
    public static func render(
        _ state: TableState,
        columns: [TableColumn],
        emptyMessage: String,
        into frame: inout Frame,
        at rect: Rect,
        focused: Bool,
        row: (Int) -> TableRow?
    ) {
        guard !rect.isEmpty else { return }
        frame.fill(rect)
        var next = rect.row
        var filterCaret: Position?
        if state.showsFilterLine {
            filterCaret = drawFilterLine(state, into: &frame, at: Rect(row: next, column: rect.column, width: rect.width, height: 1), focused: focused)
            next += 1
        }
        let columnRects = Rect(row: 0, column: rect.column, width: rect.width, height: 1)
            .splitColumns(columns.map(\.width), gap: 1)
        if state.showsHeader, next < rect.maxRow {
            frame.fill(Rect(row: next, column: rect.column, width: rect.width, height: 1), style: headerStyle)
            for (column, area) in zip(columns, columnRects) {
                frame.put(column.title, row: next, column: area.column, width: area.width, alignment: column.alignment, style: headerStyle)
            }
            next += 1
        }
        let body = Rect(row: next, column: rect.column, width: rect.width, height: rect.maxRow - next)
        let visible = state.visibleRange(in: rect)
        if state.rowCount == 0, body.height > 0 {
            frame.put(emptyMessage, row: body.row, column: body.column, maxWidth: body.width, style: .muted)
        }
        for index in visible {
            let line = body.row + index - visible.lowerBound
            let isSelected = index == state.selectedIndex
            let style = isSelected ? (focused ? selectedStyle : inactiveSelectionStyle) : (row(index)?.style ?? .plain)
            frame.fill(Rect(row: line, column: body.column, width: body.width, height: 1), style: style)
            guard let data = row(index) else {
                frame.put(loadingText, row: line, column: body.column, maxWidth: body.width, style: isSelected ? style : .muted)
                continue
            }
            for (position, (column, area)) in zip(columns, columnRects).enumerated() {
                let text = position < data.cells.count ? data.cells[position] : ""
                frame.put(text, row: line, column: area.column, width: area.width, alignment: column.alignment, style: style)
            }
        }
        if focused {
            let selectedLine = body.row + state.selectedIndex - visible.lowerBound
            frame.cursor = filterCaret ?? Position(row: body.height > 0 ? min(selectedLine, body.maxRow - 1) : rect.row, column: rect.column)
        }
    }

    /// Convenience for rows already in memory.
    public static func render(
        _ state: TableState,
        columns: [TableColumn],
        rows: [TableRow],
        emptyMessage: String,
        into frame: inout Frame,
        at rect: Rect,
        focused: Bool
    ) {
        render(state, columns: columns, emptyMessage: emptyMessage, into: &frame, at: rect, focused: focused) { index in
            rows.indices.contains(index) ? rows[index] : nil
        }
    }

    /// "/ search text ......  12 rows"; returns the caret when it should hold the cursor.
    private static func drawFilterLine(_ state: TableState, into frame: inout Frame, at rect: Rect, focused: Bool) -> Position? {
        let count = CountText.count(state.rowCount, "row", "rows", atLeast: state.rowCountIsLowerBound)
        let parts = rect.splitColumns([.fixed(2), .fill, .fixed(count.displayWidth + 1)])
        frame.put("/", row: rect.row, column: parts[0].column, style: .bold)
        TextFieldView.render(state.filter, into: &frame, at: parts[1], focused: focused && state.isEditingFilter)
        frame.put(count, row: rect.row, column: parts[2].column, width: parts[2].width, alignment: .right, style: .muted)
        return focused && state.isEditingFilter ? frame.cursor : nil
    }
}
