import TerminalUI

/// Where a picker's list of matches goes: under its field, or over it when the field sits
/// too low for the list (the last fields of a form page), so every match stays in reach.
struct DropdownPlacement {
    /// The box's top row (its border).
    let top: Int
    /// Rows of matches shown inside the border.
    let height: Int

    /// `field` is the field's row; the list wants `rows` rows; the last row of `rect` is left
    /// for the form's key hint.
    init(field: Int, rows: Int, within rect: Rect) {
        let below = max(0, rect.maxRow - field - 4)
        let above = max(0, field - rect.row - 2)
        if below >= min(rows, 6) || below >= above {
            height = max(1, min(rows, below))
            top = field + 1
        } else {
            height = max(1, min(rows, above))
            top = field - height - 2
        }
    }
}
