/// What a key did to a form.
public enum FormOutcome: Hashable, Sendable {
    case ignored
    case handled
    /// The value of this field changed.
    case edited(fieldID: String)
    /// Focus moved to this field.
    case focusChanged(fieldID: String)
    /// Enter on the last field: the screen validates and saves.
    case submitted
}

/// A form's fields, which one has focus, and validation messages. The screen
/// validates (the domain rules live elsewhere) and puts messages in `errors`.
public struct FormState: Sendable, Equatable {
    public var fields: [FormField]
    public private(set) var focusIndex: Int = 0
    /// Validation messages by field id, shown beside the field.
    public var errors: [String: String] = [:]

    public static let requiredMessage = "Required"

    public init(fields: [FormField]) {
        self.fields = fields
    }

    public var focusedField: FormField? { fields.indices.contains(focusIndex) ? fields[focusIndex] : nil }

    public subscript(id: String) -> FormField? {
        fields.first { $0.id == id }
    }

    /// A field's value as text ("" for an unknown id).
    public func value(of id: String) -> String {
        self[id]?.value ?? ""
    }

    public mutating func focus(_ id: String) {
        if let index = fields.firstIndex(where: { $0.id == id }) { focusIndex = index }
    }

    /// Marks every blank required field with "Required"; returns true when none is.
    @discardableResult
    public mutating func validateRequired() -> Bool {
        var allPresent = true
        for field in fields where field.isRequired && field.isBlank {
            errors[field.id] = Self.requiredMessage
            allPresent = false
        }
        return allPresent
    }

    /// Moves focus to the first field with a message, so the broker lands on it.
    public mutating func focusFirstError() {
        if let index = fields.firstIndex(where: { errors[$0.id] != nil }) { focusIndex = index }
    }

    /// Tab/Down next field, Shift-Tab/Up previous (Up/Down move inside a note
    /// first), PgUp/PgDn other page, Enter next field or submit on the last,
    /// other keys to the focused input. Editing a field clears its message.
    public mutating func handle(_ key: Key, in rect: Rect) -> FormOutcome {
        guard fields.indices.contains(focusIndex) else { return .ignored }
        switch key {
        case .tab: return moveFocus(to: (focusIndex + 1) % fields.count)
        case .backTab: return moveFocus(to: (focusIndex + fields.count - 1) % fields.count)
        default: break
        }
        let layout = FormLayout(fields: fields, errors: errors, rect: rect)
        let fieldOutcome = handleInField(key, layout: layout)
        if fieldOutcome != .ignored { return fieldOutcome }
        switch key {
        case .down: return focusIndex + 1 < fields.count ? moveFocus(to: focusIndex + 1) : .handled
        case .up: return focusIndex > 0 ? moveFocus(to: focusIndex - 1) : .handled
        case .enter: return focusIndex + 1 < fields.count ? moveFocus(to: focusIndex + 1) : .submitted
        case .pageDown, .pageUp:
            let page = layout.placement(of: focusIndex)?.page ?? 0
            let target = page + (key == .pageDown ? 1 : -1)
            guard let first = layout.fields(onPage: target).first else { return .handled }
            return moveFocus(to: first.fieldIndex)
        default: return .ignored
        }
    }

    private mutating func moveFocus(to index: Int) -> FormOutcome {
        focusIndex = index
        return .focusChanged(fieldID: fields[index].id)
    }

    private mutating func handleInField(_ key: Key, layout: FormLayout) -> FormOutcome {
        var field = fields[focusIndex]
        var changed = false
        var consumed = true
        switch field.kind {
        case .text(var state):
            let outcome = state.handle(key)
            field.kind = .text(state)
            changed = outcome == .edited
            consumed = outcome != .ignored
        case .multiline(var state, let height):
            let input = layout.placement(of: focusIndex)?.input ?? Rect(row: 0, column: 0, width: 40, height: height)
            let outcome = key == .pageUp || key == .pageDown ? .ignored : state.handle(key, in: input)
            field.kind = .multiline(state, height: height)
            changed = outcome == .edited
            consumed = outcome != .ignored
        case .choice(let options, let selected):
            guard !options.isEmpty else { return .ignored }
            switch key {
            case .left: field.kind = .choice(options: options, selected: (selected + options.count - 1) % options.count)
            case .right, .char(" "): field.kind = .choice(options: options, selected: (selected + 1) % options.count)
            default: consumed = false
            }
            changed = consumed
        case .checkbox(let checked):
            switch key {
            case .char(" "), .char("x"): field.kind = .checkbox(!checked)
            default: consumed = false
            }
            changed = consumed
        }
        guard consumed else { return .ignored }
        fields[focusIndex] = field
        guard changed else { return .handled }
        errors[field.id] = nil
        return .edited(fieldID: field.id)
    }
}
