import TerminalUI

/// Keys of the Offers & needs screen. Letters act on the selected row while a list has the
/// focus; in a form they are typing, so saving and leaving use Ctrl-S/F2 and Esc.
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
            KeyBinding(action: add, keys: [.char("a")], help: "Add an offer, a need or (admins) a category", scope: scope, hint: "Add", priority: 2),
            KeyBinding(action: edit, keys: [.char("e")], help: "Edit the selected row", scope: scope, hint: "Edit", priority: 3),
            KeyBinding(action: close, keys: [.char("x")], help: "Close the selected offer or need (or reopen a closed one)",
                       scope: scope, hint: "Close", priority: 4),
            KeyBinding(action: match, keys: [.char("m")], help: "Match: helpers for a need, or the open needs an offer could meet",
                       scope: scope, hint: "Match", priority: 5),
            KeyBinding(action: nextTab, keys: [.tab], help: "Next list: offers, needs, categories", scope: scope, hint: "Next list", priority: 6),
            KeyBinding(action: previousTab, keys: [.backTab], help: "Previous list", scope: scope),
            KeyBinding(action: closedToo, keys: [.char("s")], help: "Show matched and closed listings too, or only open ones", scope: scope),
            KeyBinding(action: clear, keys: [.char("c")], help: "Clear the category and member filters", scope: scope),
            .widget("search", [.char("/")], "Search the list: words, a member's name or number", scope: scope, hint: "Search", priority: 7),
            .widget("clear", [.escape], "Clear the search, then the category and member filters", scope: scope),
        ] + WidgetKeys.list(scope: scope, open: "Edit the selected offer or need; on a category, browse its offers")
    }

    /// An offer's fitting needs.
    static func fitting(scope: KeyScope) -> [KeyBinding] {
        [
            KeyBinding(action: propose, keys: [.char("p")], help: "Propose a referral: this offer's member for the selected need",
                       scope: scope, hint: "Propose", priority: 1),
            ScreenAction.backBinding(scope: scope, help: "Back to the offers"),
        ] + WidgetKeys.list(scope: scope, open: "Ranked helpers for the need on Match")
    }

    /// A form to add or edit an offer, a need or a category.
    static func form(scope: KeyScope) -> [KeyBinding] {
        [
            ScreenAction.saveBinding(scope: scope, help: "Save the form"),
            ScreenAction.backBinding(scope: scope, help: "Back to the list (asks first when something was typed)"),
        ] + WidgetKeys.form(scope: scope)
    }
}
