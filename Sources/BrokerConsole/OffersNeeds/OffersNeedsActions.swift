import TerminalUI

/// Keys of the Offers & needs screen. On its lists a letter starts a fresh search (`ListTyping`)
/// and digits switch screens, so the list's commands are Ctrl keys with an F-key beside each
/// (the Ctrl key first: it works on every terminal, vt100 and the Linux console included); in a
/// form letters are typing, so saving and leaving use Ctrl-S/F2 and Esc.
enum OffersNeedsAction {
    static let add: ActionID = "listings-add"
    static let edit: ActionID = "listings-edit"
    static let close: ActionID = "listings-close"
    static let match: ActionID = "listings-match"
    static let propose: ActionID = "listings-propose"
    static let clear: ActionID = "listings-clear-filters"
    static let closedToo: ActionID = "listings-closed-too"
    static let nextTab: ActionID = "listings-next-tab"
    static let previousTab: ActionID = "listings-previous-tab"
    static let save = ScreenAction.save
    static let back = ScreenAction.back

    /// The keys of the offers, needs and categories lists.
    static func list(scope: KeyScope) -> [KeyBinding] {
        [
            KeyBinding(action: add, keys: [.char("+"), .insert], help: "Add an offer, a need or (admins) a category", scope: scope, hint: "Add", priority: 2),
            KeyBinding(action: edit, keys: [.ctrl("e"), .function(4)], help: "Edit the selected row", scope: scope, hint: "Edit", priority: 3),
            KeyBinding(action: match, keys: [.ctrl("t"), .function(5)], help: "Match: helpers for a need, needs an offer could meet",
                       scope: scope, hint: "Match", priority: 4),
            KeyBinding(action: closedToo, keys: [.ctrl("o"), .function(6)], help: "Show matched and closed listings too, or only open ones", scope: scope),
            KeyBinding(action: close, keys: [.ctrl("x"), .function(7)], help: "Close the selected offer or need (or reopen a closed one)",
                       scope: scope, hint: "Close", priority: 5),
            KeyBinding(action: clear, keys: [.ctrl("u"), .function(9)], help: "Clear the category and member filters", scope: scope),
            // After Help (10) in the key bar, so at 80 columns "? Help" stays in view.
            KeyBinding(action: nextTab, keys: [.tab], help: "Next list: offers, needs, categories", scope: scope, hint: "Next list", priority: 11),
            KeyBinding(action: previousTab, keys: [.backTab], help: "Previous list (Tab goes round all three)", scope: scope),
            .widget("search", [.char("/")], "Search the list (for a word starting with j, k or q too)",
                    scope: scope, hint: "Search", priority: 12),
            .widget("clear", [.escape], "Clear the search, then the category and member filters", scope: scope),
        ] + ListTyping.bindings(scope: scope)
            + WidgetKeys.list(scope: scope, open: "Edit the offer or need; on a category, its offers")
    }

    /// An offer's fitting needs.
    static func fitting(scope: KeyScope) -> [KeyBinding] {
        [
            KeyBinding(action: propose, keys: [.ctrl("p"), .function(3)], help: "Propose a referral: the offer's member for this need",
                       scope: scope, hint: "Propose", priority: 1),
            ScreenAction.backBinding(scope: scope, help: "Back to the offers"),
        ] + ListTyping.bindings(scope: scope, search: "searches the offers afresh")
            + WidgetKeys.list(scope: scope, open: "Ranked helpers for the need on Match")
    }

    /// A form to add or edit an offer, a need or a category.
    static func form(scope: KeyScope) -> [KeyBinding] {
        [
            ScreenAction.saveBinding(scope: scope, help: "Save the form"),
            ScreenAction.backBinding(scope: scope, help: "Back to the list (asks first when something was typed)"),
        ] + WidgetKeys.form(scope: scope)
    }
}
