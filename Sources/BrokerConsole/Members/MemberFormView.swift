import TerminalUI

/// Draws a form with its title and notice: the title names what is being edited, the notice
/// carries a conflict, a change by another broker or a possible duplicate.
enum MemberFormView {
    static func formRect(in rect: Rect, hasNotice: Bool) -> Rect {
        rect.inset(top: hasNotice ? 2 : 1, left: 1, right: 1)
    }

    static func render(title: String, form: FormState, notice: (text: String, style: Style)?, focused: Bool,
                       into frame: inout Frame, in rect: Rect) {
        let key = "* required"
        frame.put(title, row: rect.row, column: rect.column + 1, maxWidth: rect.width - key.displayWidth - 4, style: .header)
        frame.put(key, row: rect.row, column: rect.maxColumn - key.displayWidth - 1, style: .muted)
        if let notice {
            frame.put(notice.text, row: rect.row + 1, column: rect.column + 1, maxWidth: rect.width - 2, style: notice.style)
        }
        FormView.render(form, into: &frame, at: formRect(in: rect, hasNotice: notice != nil), focused: focused)
    }
}
