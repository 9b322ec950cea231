/// Drawing text into a Frame. Every method here sanitises what it is given,
/// which is what makes Frame the safe boundary between data and terminal.
extension Frame {
    /// Draws one line of text and returns the columns used.
    ///
    /// The text is sanitised, then cut to `maxWidth` (and the frame's right
    /// edge): with `.ellipsis` the last visible column becomes "…"; a wide
    /// character that would be split by the edge is replaced by a space. When
    /// text overflows, the returned count is the whole space (padding included).
    @discardableResult
    public mutating func put(
        _ text: String,
        row: Int,
        column: Int,
        maxWidth: Int? = nil,
        style: Style = .plain,
        overflow: Overflow = .ellipsis
    ) -> Int {
        guard row >= 0, row < height, column >= 0, column < width else { return 0 }
        let available = min(maxWidth ?? Int.max, width - column)
        let fitted = TextFitting.fit(Sanitizer.clean(text), width: available, overflow: overflow)
        var cursorColumn = column
        for glyph in fitted.glyphs {
            place(glyph, row: row, column: cursorColumn, style: style)
            cursorColumn += glyph.width
        }
        for _ in 0..<fitted.padding {
            place(Glyph(text: " ", width: 1), row: row, column: cursorColumn, style: style)
            cursorColumn += 1
        }
        return cursorColumn - column
    }

    /// Draws text padded or truncated to exactly `width` columns with an alignment.
    @discardableResult
    public mutating func put(
        _ text: String,
        row: Int,
        column: Int,
        width fieldWidth: Int,
        alignment: TextMeasure.Alignment,
        style: Style = .plain
    ) -> Int {
        put(TextMeasure.pad(text, toWidth: fieldWidth, alignment: alignment), row: row, column: column, maxWidth: fieldWidth, style: style)
    }

    /// Fills a rectangle with one character (a space by default) in a style.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        let clipped = rect.intersection(bounds)
        guard !clipped.isEmpty else { return }
        let text = Sanitizer.clean(String(character))
        let glyphWidth = max(1, DisplayWidth.of(text))
        for row in clipped.rows {
            var column = clipped.column
            while column + glyphWidth <= clipped.maxColumn {
                place(Glyph(text: text, width: glyphWidth), row: row, column: column, style: style)
                column += glyphWidth
            }
            if column < clipped.maxColumn {
                place(Glyph(text: " ", width: 1), row: row, column: column, style: style)
            }
        }
    }

    /// Draws a horizontal line of `width` columns.
    public mutating func horizontalLine(row: Int, column: Int, width lineWidth: Int, character: Character = "─", style: Style = .plain) {
        fill(Rect(row: row, column: column, width: lineWidth, height: 1), with: character, style: style)
    }

    /// Changes the style of every cell in a rectangle, keeping its text
    /// (used to mark a selected row after its columns were drawn).
    public mutating func restyle(_ rect: Rect, style: Style) {
        for row in rect.intersection(bounds).rows {
            for column in rect.intersection(bounds).columns {
                var cell = self[row, column]
                cell.style = style
                self[row, column] = cell
            }
        }
    }

    /// The whole frame as a rectangle.
    public var bounds: Rect { Rect(row: 0, column: 0, width: width, height: height) }

    /// Writes one glyph, first repairing any wide character it would cut in
    /// half, so the grid never holds half of a two-column character.
    mutating func place(_ glyph: Glyph, row: Int, column: Int, style: Style) {
        guard contains(row: row, column: column), column + glyph.width <= width else { return }
        for covered in column..<(column + glyph.width) {
            breakWideCharacter(row: row, column: covered)
        }
        self[row, column] = Cell(text: glyph.text, style: style)
        if glyph.width == 2 {
            self[row, column + 1] = Cell(text: "", style: style, isContinuation: true)
        }
    }

    /// If the cell at (row, column) is part of a wide character, the other
    /// half becomes a blank so that overwriting one half leaves no orphan.
    private mutating func breakWideCharacter(row: Int, column: Int) {
        let cell = self[row, column]
        if cell.isContinuation, column > 0 {
            let startStyle = self[row, column - 1].style
            self[row, column - 1] = Cell(text: " ", style: startStyle)
            self[row, column] = Cell(text: " ", style: cell.style)
        } else if column + 1 < width, self[row, column + 1].isContinuation {
            self[row, column + 1] = Cell(text: " ", style: self[row, column + 1].style)
        }
    }
}
