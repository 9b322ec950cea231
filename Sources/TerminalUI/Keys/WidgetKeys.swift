/// The keys the toolkit's widgets act on, as bindings of one mode's scope, so a screen's help,
/// status line and command menu name them exactly as `TableState`, `TextFieldState`,
/// `FormState` and `ConfirmDialogState` handle them. Each has a key that works on terminals
/// without PgUp/PgDn/Home/End (vt100, the Linux console over some links): Ctrl-F/Ctrl-B and `<`/`>`.
public enum WidgetKeys {
    /// A list without a search line in focus.
    public static func list(scope: KeyScope, open: String = "Open the selected row") -> [KeyBinding] {
        [
            .widget("open", [.enter], open, scope: scope, hint: "Open", priority: 3),
            .widget("move", [.up, .down, .char("k"), .char("j")], "Move up or down one row", scope: scope),
            .widget("page", [.pageDown, .pageUp, .ctrl("f"), .ctrl("b")], "Move by the rows shown (Ctrl-F down, Ctrl-B up)", scope: scope),
            .widget("ends", [.home, .end, .char("<"), .char(">")], "First or last row (< first, > last)", scope: scope),
        ]
    }

    /// A list whose search line has the focus: typing searches, arrows still move.
    public static func searchLine(scope: KeyScope) -> [KeyBinding] {
        [
            .typing("Typed into the search line (F1 help, F10 menu, Ctrl-C quit)", scope: scope),
            .widget("open", [.enter], "Open the selected row (the search stays)", scope: scope, hint: "Open", priority: 3),
            .widget("move", [.up, .down, .pageDown, .pageUp], "Move in the list while searching", scope: scope),
            .widget("leave", [.tab], "Leave the search line; the list stays searched", scope: scope),
            .widget("clear", [.escape], "Clear the search", scope: scope, hint: "Clear", priority: 4),
        ] + textEditing(scope: scope)
    }

    /// The readline keys of a one-line text field.
    public static func textEditing(scope: KeyScope) -> [KeyBinding] {
        [
            .widget("caret", [.left, .right, .home, .end, .ctrl("a"), .ctrl("e"), .ctrl("b"), .ctrl("f")],
                    "Move in the text (Ctrl-A start, Ctrl-E end, Ctrl-B/Ctrl-F a character)", scope: scope),
            .widget("erase", [.backspace, .delete, .ctrl("h"), .ctrl("d"), .ctrl("k"), .ctrl("u"), .ctrl("w"), .ctrl("y")],
                    "Erase: a character, to the end (Ctrl-K), to the start (Ctrl-U), a word (Ctrl-W); Ctrl-Y puts it back", scope: scope),
        ]
    }

    /// A form of fields: Tab and arrows between fields, typing into the focused one.
    public static func form(scope: KeyScope) -> [KeyBinding] {
        [
            .typing("Typed into the field; Space or x ticks a box and changes a choice", scope: scope),
            .widget("next", [.tab, .down, .enter], "Next field (Enter on the last one saves)", scope: scope),
            .widget("previous", [.backTab, .up], "Previous field (↑ where Shift-Tab is missing)", scope: scope),
            .widget("pages", [.pageDown, .pageUp], "Next or previous page of a long form", scope: scope),
        ] + textEditing(scope: scope)
    }

    /// A note of several lines.
    public static func note(scope: KeyScope) -> [KeyBinding] {
        [
            .typing("Typed into the note", scope: scope),
            .widget("lines", [.enter, .up, .down, .pageDown, .pageUp], "New line; move between lines", scope: scope),
        ] + textEditing(scope: scope)
    }

    /// A question with buttons.
    public static func dialog(scope: KeyScope) -> [KeyBinding] {
        [
            .typing("A button's first letter chooses it", scope: scope),
            .widget("choose", [.left, .right, .tab, .backTab], "Move between the buttons", scope: scope),
            .widget("answer", [.enter], "Choose the button in [brackets]", scope: scope, hint: "Choose", priority: 1),
            .widget("cancel", [.escape], "Cancel: nothing happens", scope: scope, hint: "Cancel", priority: 2),
        ]
    }
}
