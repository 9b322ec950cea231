import TerminalUI

/// The grid every Record hours form shares: a label, an input, and beside the input what the
/// input was read as or, once the broker has left the field, what is wrong with it. A message
/// too long for the space beside wraps onto the spare row below, so nothing is cut off.
struct SlipRows {
    static let labelWidth = 16
    static let inputWidth = 16
    static let focusedLabel = Style(bold: true, reverse: true, role: .focus)
    static let infoStyle = Style.plain
    static let problemMarker = "! "

    let rect: Rect

    var labelColumn: Int { rect.column + 1 }
    var inputColumn: Int { labelColumn + Self.labelWidth }
    var besideColumn: Int { inputColumn + Self.inputWidth + 2 }
    var besideWidth: Int { max(0, rect.maxColumn - besideColumn - 1) }
    /// A full-width input (description): from the input column to the right edge.
    var wideInputWidth: Int { max(1, rect.maxColumn - inputColumn - 2) }

    func label(_ text: String, row: Int, focused: Bool, into frame: inout Frame) {
        let style = focused ? Self.focusedLabel : Style.plain
        frame.put((focused ? "▸" : " ") + text, row: row, column: labelColumn, maxWidth: Self.labelWidth - 1, style: style)
    }

    func text(_ label: String, _ state: TextFieldState, row: Int, focused: Bool, wide: Bool = false,
              note: String? = nil, problem: String? = nil, into frame: inout Frame) {
        self.label(label, row: row, focused: focused, into: &frame)
        let width = wide ? wideInputWidth : Self.inputWidth
        TextFieldView.render(state, into: &frame, at: Rect(row: row, column: inputColumn, width: width, height: 1), focused: focused)
        if !wide || problem != nil { beside(row: wide ? row + 1 : row, note: note, problem: problem, wideColumn: wide, into: &frame) }
    }

    /// The note or problem beside an input; a problem wraps to the next row when it must.
    func beside(row: Int, note: String?, problem: String?, wideColumn: Bool = false, into frame: inout Frame) {
        let column = wideColumn ? inputColumn : besideColumn
        let width = wideColumn ? wideInputWidth : besideWidth
        if let problem {
            let lines = TextWrap.wrap(Self.problemMarker + problem, width: max(1, width))
            for (offset, line) in lines.prefix(2).enumerated() {
                let shown = offset == 1 && lines.count > 2 ? line + " …" : line
                frame.put(shown, row: row + offset, column: column, maxWidth: width, style: .error)
            }
        } else if let note {
            frame.put(note, row: row, column: column, maxWidth: width, style: Self.infoStyle)
        }
    }

    /// The match list under a picker, drawn over whatever rows lie below it.
    func dropdown(_ picker: AccountPicker, below row: Int, into frame: inout Frame) {
        guard picker.showsList else { return }
        let left = inputColumn - 1
        picker.renderList(into: &frame, box: Rect(row: row + 1, column: left, width: rect.maxColumn - left - 1, height: picker.matches.count + 2))
    }
}
