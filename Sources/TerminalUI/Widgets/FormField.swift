/// The kinds of input a form can hold, each with its own state.
public enum FormFieldKind: Sendable, Equatable {
    case text(TextFieldState)
    /// A note field `height` rows tall.
    case multiline(NoteFieldState, height: Int)
    /// One of a fixed list, cycled with Left/Right or Space.
    case choice(options: [String], selected: Int)
    /// Yes or no, toggled with Space.
    case checkbox(Bool)
}

/// One labelled input of a form.
public struct FormField: Sendable, Equatable {
    /// Stable name the screen uses to read values and attach errors.
    public var id: String
    public var label: String
    public var kind: FormFieldKind
    /// Shown as "*" after the label; checked by `FormState.validateRequired()`.
    public var isRequired: Bool
    /// Fields with the same group are drawn under one heading.
    public var group: String?
    /// Preferred width of the input in columns; nil fills the line.
    public var width: Int?

    public init(id: String, label: String, kind: FormFieldKind, isRequired: Bool = false, group: String? = nil, width: Int? = nil) {
        self.id = id
        self.label = label
        self.kind = kind
        self.isRequired = isRequired
        self.group = group
        self.width = width
    }

    public static func text(_ id: String, label: String, text: String = "", required: Bool = false, maxLength: Int? = nil, placeholder: String = "", group: String? = nil, width: Int? = nil) -> FormField {
        FormField(id: id, label: label, kind: .text(TextFieldState(text: text, maxLength: maxLength, placeholder: placeholder)), isRequired: required, group: group, width: width)
    }

    public static func multiline(_ id: String, label: String, text: String = "", height: Int = 3, required: Bool = false, group: String? = nil) -> FormField {
        FormField(id: id, label: label, kind: .multiline(NoteFieldState(text: text), height: max(1, height)), isRequired: required, group: group)
    }

    public static func choice(_ id: String, label: String, options: [String], selected: Int = 0, group: String? = nil) -> FormField {
        FormField(id: id, label: label, kind: .choice(options: options, selected: selected), group: group)
    }

    public static func checkbox(_ id: String, label: String, checked: Bool = false, group: String? = nil) -> FormField {
        FormField(id: id, label: label, kind: .checkbox(checked), group: group)
    }

    /// The value as text: the typed text, the chosen option, or "yes"/"no".
    public var value: String {
        switch kind {
        case .text(let state): return state.text
        case .multiline(let state, _): return state.text
        case .choice(let options, let selected): return options.indices.contains(selected) ? options[selected] : ""
        case .checkbox(let checked): return checked ? "yes" : "no"
        }
    }

    public var isChecked: Bool {
        if case .checkbox(let checked) = kind { return checked }
        return false
    }

    /// Empty for the purpose of a required check (whitespace counts as empty).
    public var isBlank: Bool {
        switch kind {
        case .text, .multiline: return value.allSatisfy(\.isWhitespace)
        case .choice(let options, _): return options.isEmpty
        case .checkbox(let checked): return !checked
        }
    }

    /// Rows the input itself takes.
    var inputHeight: Int {
        if case .multiline(_, let height) = kind { return height }
        return 1
    }

    /// The label as drawn: "Name *" when required.
    var decoratedLabel: String { isRequired ? "\(label) *" : label }
}
