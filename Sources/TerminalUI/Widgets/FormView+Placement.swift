extension FormView {
    /// Where a field's input is drawn when `form` is rendered into `rect`, or nil when the
    /// field is on another page: for a screen that draws a list below a field.
    public static func inputRect(of fieldID: String, in form: FormState, at rect: Rect) -> Rect? {
        guard let index = form.fields.firstIndex(where: { $0.id == fieldID }) else { return nil }
        let layout = FormLayout(fields: form.fields, errors: form.errors, rect: rect)
        let page = layout.placement(of: form.focusIndex)?.page ?? 0
        guard let placement = layout.placement(of: index), placement.page == page else { return nil }
        return placement.input
    }
}
