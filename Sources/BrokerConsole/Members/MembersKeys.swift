import TerminalUI

/// The Members screen's actions and keys, one table per mode, so help, the status line and
/// the command menu always show what the keys really do where the broker is.
///
/// On the list, letters start a fresh search (Shift-letters too) and digits switch screens, so
/// filters and sorts live on function keys, which a search line never needs: F3 sort,
/// F5 status, F6 area, F7 vetting, F8 open needs, F9 person/organisation, F4 clears them.
/// j and k keep their list meanings; to search for a word starting with one of them
/// press "/" first.
enum MembersAction {
    static let search: ActionID = "members-search"
    static let add: ActionID = "members-add"
    static let sort: ActionID = "members-sort"
    static let status: ActionID = "members-filter-status"
    static let area: ActionID = "members-filter-area"
    static let vetting: ActionID = "members-filter-vetting"
    static let needs: ActionID = "members-filter-needs"
    static let kind: ActionID = "members-filter-kind"
    static let clearFilters: ActionID = "members-clear-filters"

    static let back = ScreenAction.back
    static let edit: ActionID = "member-edit"
    static let note: ActionID = "member-note"
    static let editVetting: ActionID = "member-vetting"
    static let addOffer: ActionID = "member-add-offer"
    static let addNeed: ActionID = "member-add-need"
    static let erase: ActionID = "member-erase"
    static let nextTab: ActionID = "member-next-tab"
    static let previousTab: ActionID = "member-previous-tab"

    static let save = ScreenAction.save

    static let scope = KeyScope(String(describing: ScreenID.members), title: ScreenID.members.title)

    /// One scope per mode, so help shows exactly the keys of where the broker is.
    static func scope(_ mode: MembersScreen.Mode, searching: Bool, asking: Bool) -> KeyScope {
        if asking { return KeyScope("members.dialog", title: "Members: question") }
        switch mode {
        case .list: return searching ? KeyScope("members.search", title: "Members: search line") : KeyScope("members.list", title: "Members list")
        case .card: return KeyScope("members.card", title: "Member card")
        case .note: return KeyScope("members.note", title: "Member card: new note")
        case .memberForm, .vettingForm, .eraseForm: return KeyScope("members.form", title: "Members: form")
        }
    }

    static func list(scope: KeyScope) -> [KeyBinding] {
        [
            KeyBinding(action: search, keys: [.char("/")], help: "Search by name, number, phone, email, postcode or offer", scope: scope, hint: "Search", priority: 1),
            KeyBinding(action: add, keys: [.char("+"), .insert], help: "Add a member", scope: scope, hint: "Add", priority: 2),
        ] + filters(scope: scope) + ListTyping.bindings(scope: scope) + [
            .widget("correct", [.backspace], "Back to correcting the last search", scope: scope),
            .widget("clear", [.escape], "Clear the search", scope: scope),
        ] + WidgetKeys.list(scope: scope, open: "Open the member's card")
    }

    /// Filters and sort, on the list and while searching. Function keys, because letters are
    /// the search; every one is in the command menu (":") for terminals without them.
    static func filters(scope: KeyScope) -> [KeyBinding] {
        [
            KeyBinding(action: sort, keys: [.function(3)], help: "Sort by name, number, balance, date joined or area", scope: scope, hint: "Sort", priority: 5),
            KeyBinding(action: status, keys: [.function(5)], help: "Filter by status: pending, active, on-hold, left", scope: scope, hint: "Status", priority: 6),
            KeyBinding(action: area, keys: [.function(6)], help: "Filter by area", scope: scope, hint: "Area", priority: 7),
            KeyBinding(action: vetting, keys: [.function(7)], help: "Filter by vetting: missing, due within 30 days, expired, complete", scope: scope, hint: "Vetting", priority: 8),
            KeyBinding(action: needs, keys: [.function(8)], help: "Only members with open needs", scope: scope, priority: 9),
            KeyBinding(action: kind, keys: [.function(9)], help: "Only people, or only organisations", scope: scope, priority: 9),
            KeyBinding(action: clearFilters, keys: [.function(4)], help: "Clear every filter and the search", scope: scope, priority: 9),
        ]
    }

    static func searching(scope: KeyScope) -> [KeyBinding] {
        filters(scope: scope) + WidgetKeys.searchLine(scope: scope)
    }

    static func card(scope: KeyScope) -> [KeyBinding] {
        [
            ScreenAction.backBinding(scope: scope, help: "Back to the list of members"),
            KeyBinding(action: nextTab, keys: [.right, .tab], help: "Next tab", scope: scope, priority: 9),
            KeyBinding(action: previousTab, keys: [.left, .backTab], help: "Previous tab", scope: scope, priority: 9),
            KeyBinding(action: edit, keys: [.ctrl("e"), .function(4)], help: "Edit the member (status changes too)", scope: scope, hint: "Edit", priority: 2),
            KeyBinding(action: note, keys: [.ctrl("n"), .function(5)], help: "Add a note, signed with your name", scope: scope, hint: "Note", priority: 3),
            KeyBinding(action: editVetting, keys: [.ctrl("v"), .function(6)], help: "Record references, ID, induction, DBS and review dates",
                       scope: scope, hint: "Vetting", priority: 4),
            // After Help (10) in the key bar: at 80 columns "? Help" stays in view and Need gives way.
            KeyBinding(action: addOffer, keys: [.ctrl("o"), .function(7)], help: "Add an offer for this member", scope: scope, hint: "Offer", priority: 11),
            KeyBinding(action: addNeed, keys: [.ctrl("w"), .function(8)], help: "Add a need (what they want help with) for this member", scope: scope, hint: "Need", priority: 12),
            // No status hint: an irreversible erasure is not one of the card's everyday keys; help and the menu list it.
            KeyBinding(action: erase, keys: [.ctrl("d"), .function(9)],
                       help: "Erase the member's personal data on request (admins; asks the reason and the number again)", scope: scope),
        ] + ListTyping.bindings(scope: scope, search: "searches the members afresh") + [
            .widget("scroll", [.up, .down, .char("k"), .char("j"), .pageDown, .pageUp, .ctrl("f"), .ctrl("b"), .home, .end, .char("<"), .char(">")],
                    "Scroll the tab (Ctrl-F/Ctrl-B a page, < and > to either end)", scope: scope),
        ]
    }

    static func form(scope: KeyScope, note: Bool) -> [KeyBinding] {
        [
            ScreenAction.saveBinding(scope: scope),
            ScreenAction.backBinding(scope: scope, help: "Back (asks first when something was typed)"),
        ] + (note ? WidgetKeys.note(scope: scope) : WidgetKeys.form(scope: scope))
    }
}
