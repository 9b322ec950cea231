/// Draws a FormState: the page holding the focused field, one field per
/// line ("Label *  [input]  ! message"), group headings, and a page line
/// when the form does not fit.
public enum FormView {
    public static let labelStyle = Style.plain
    public static let focusedLabelStyle = Style(bold: true, role: .focus)
    public static let messageStyle = Style.error
    public static let headingStyle = Style(bold: true, underline: true, role: .header)
    /// Before a validation message, so it reads as one without colour.
    public static let messageMarker = "! "

    public static func render(_ form: FormState, into frame: inout Frame, at rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        frame.fill(rect)
        let layout = FormLayout(fields: form.fields, errors: form.errors, rect: rect)
        let page = layout.placement(of: form.focusIndex)?.page ?? 0
        for placement in layout.fields(onPage: page) {
            let field = form.fields[placement.fieldIndex]
            let isFocused = focused && placement.fieldIndex == form.focusIndex
            if let heading = placement.heading {
                frame.put(heading, row: placement.input.row - 1, column: rect.column, maxWidth: rect.width, style: headingStyle)
            }
            frame.put(field.decoratedLabel, row: placement.input.row, column: rect.column, maxWidth: max(0, layout.labelWidth - 1), style: isFocused ? focusedLabelStyle : labelStyle)
            drawInput(field, at: placement.input, into: &frame, focused: isFocused)
            if let message = form.errors[field.id], let area = placement.message {
                frame.put(messageMarker + message, row: area.row, column: area.column, maxWidth: area.width, style: messageStyle)
            }
        }
        if layout.pageCount > 1 {
            let hint = "Page \(page + 1) of \(layout.pageCount) (PgUp/PgDn)"
            frame.put(hint, row: rect.row + layout.fieldRows, column: rect.column, maxWidth: rect.width, style: .muted)
        }
    }

    private static func drawInput(_ field: FormField, at input: Rect, into frame: inout Frame, focused: Bool) {
        switch field.kind {
        case .text(let state):
            TextFieldView.render(state, into: &frame, at: input, focused: focused)
        case .multiline(let state, _):
            NoteFieldView.render(state, into: &frame, at: input, focused: focused)
        case .choice(let options, let selected):
            let current = options.indices.contains(selected) ? options[selected] : ""
            let style = focused ? Style(bold: true, reverse: true, role: .focus) : Style.plain
            frame.put("< \(Sanitizer.clean(current)) >", row: input.row, column: input.column, maxWidth: input.width, style: style)
            if focused { frame.cursor = Position(row: input.row, column: input.column) }
        case .checkbox(let checked):
            let style = focused ? Style(bold: true, reverse: true, role: .focus) : Style.plain
            frame.put(checked ? "[x]" : "[ ]", row: input.row, column: input.column, maxWidth: input.width, style: style)
            if focused { frame.cursor = Position(row: input.row, column: min(input.column + 1, input.maxColumn - 1)) }
        }
    }
}
