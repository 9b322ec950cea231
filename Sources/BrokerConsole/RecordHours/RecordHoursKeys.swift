import TerminalUI

/// Record hours' keys for where the broker is: a question, at rest (out of the form, as the
/// screen opens), or one of the four forms (the slip, a group activity, a statement to reverse
/// from, closing a month).
extension RecordHoursScreen {
    var scope: KeyScope {
        if dialog != nil { return KeyScope("record.dialog", title: "Record hours: question") }
        if !focused { return KeyScope("record.outside", title: "Record hours: at rest (out of the form)") }
        switch mode {
        case .exchange: return KeyScope("record.slip", title: "Record hours: one exchange")
        case .group: return KeyScope("record.group", title: "Record hours: group activity")
        case .statement: return KeyScope("record.statement", title: "Record hours: reverse from a statement")
        case .closeMonth: return KeyScope("record.close", title: "Record hours: close a month")
        case .find: return KeyScope("record.find", title: "Record hours: find an exchange to reverse")
        }
    }

    var bindings: [KeyBinding] {
        let scope = scope
        if dialog != nil { return WidgetKeys.dialog(scope: scope) }
        let actions = RecordAction.bindings(scope: scope)
        if !focused {
            return actions + [
                .widget("enter", [.enter, .tab], "Into the slip", scope: scope),
                .typing("Starts the giver's name in the slip (but q quits)", scope: scope, .letters),
            ]
        }
        switch mode {
        case .exchange, .group:
            // The Category field's list of matches (the offer and need forms' picker) takes
            // ↑↓ PgUp PgDn Enter Tab and Esc while open; Ctrl-N and Ctrl-P are its alone.
            return actions + WidgetKeys.form(scope: scope) + [
                .widget("category-list", [.ctrl("n"), .ctrl("p")],
                        "In the category list: Ctrl-N or ↓ next, Ctrl-P or ↑ previous; Enter or Tab takes it, Esc puts it away",
                        scope: scope),
            ]
        case .statement:
            return actions + [
                .typing("Typed into the account or the reason", scope: scope),
                .widget("fields", [.tab, .backTab], "Account, entries, reason", scope: scope),
                .widget("lines", [.up, .down, .pageDown, .pageUp, .enter], "Choose an entry; Enter goes to its reason", scope: scope),
            ] + WidgetKeys.textEditing(scope: scope)
        case .find:
            return actions + [
                .typing("Typed into the search (a member's number or name, 28/11, 2026-11, 1:30, words) or the reason", scope: scope),
                .widget("fields", [.tab, .backTab], "Search, matches, reason", scope: scope),
                .widget("matches", [.up, .down, .pageUp, .pageDown, .home, .end], "Move through the matches, newest first", scope: scope),
                .widget("choose", [.enter], "On a match: give the reason; on the reason: reverse it (asks first)", scope: scope),
            ] + WidgetKeys.textEditing(scope: scope)
        case .closeMonth:
            return actions + [
                .typing("Typed into the month", scope: scope),
                .widget("close", [.enter], "Close the month (asks first)", scope: scope),
            ] + WidgetKeys.textEditing(scope: scope)
        }
    }
}
