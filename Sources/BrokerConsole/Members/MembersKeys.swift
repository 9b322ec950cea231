import TerminalUI

/// The Members screen's actions and keys, one table per mode, so help, the status line and
/// the command menu always show what the keys really do where the broker is.
///
/// On the list, letters start the search (Shift-letters too) and digits switch screens, so
/// filters and sorts live on function keys, which a search line never needs: F3 sort,
/// F5 status, F6 area, F7 vetting, F8 open needs, F9 person/organisation, F4 clears them.
/// j, k and q keep their list meanings; to search for a word starting with one of them
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

    static let back: ActionID = "member-back"
    static let edit: ActionID = "member-edit"
    static let note: ActionID = "member-note"
    static let editVetting: ActionID = "member-vetting"
    static let addOffer: ActionID = "member-add-offer"
    static let addNeed: ActionID = "member-add-need"
    static let nextTab: ActionID = "member-next-tab"
    static let previousTab: ActionID = "member-previous-tab"

    static let save: ActionID = "member-save"
    static let cancel: ActionID = "member-cancel"

    static let typing: ActionID = "members-typing"

    static let scope = KeyScope(String(describing: ScreenID.members), title: ScreenID.members.title)

    static var list: [KeyBinding] {
        [
            KeyBinding(action: search, keys: [.char("/")], help: "Search by name, number, phone, email, postcode or offer (or just type a letter)", scope: scope, hint: "Search", priority: 1),
            KeyBinding(action: add, keys: [.char("+"), .insert], help: "Add a member", scope: scope, hint: "Add", priority: 2),
            KeyBinding(action: sort, keys: [.function(3)], help: "Sort by name, number, balance, date joined or area", scope: scope, hint: "Sort", priority: 5),
            KeyBinding(action: status, keys: [.function(5)], help: "Filter by status: pending, active, on-hold, left", scope: scope, hint: "Status", priority: 6),
            KeyBinding(action: area, keys: [.function(6)], help: "Filter by area", scope: scope, hint: "Area", priority: 7),
            KeyBinding(action: vetting, keys: [.function(7)], help: "Filter by vetting: missing, due within 30 days, expired, complete", scope: scope, hint: "Vetting", priority: 8),
            KeyBinding(action: needs, keys: [.function(8)], help: "Only members with open needs", scope: scope, priority: 9),
            KeyBinding(action: kind, keys: [.function(9)], help: "Only people, or only organisations", scope: scope, priority: 9),
            KeyBinding(action: clearFilters, keys: [.function(4)], help: "Clear every filter and the search", scope: scope, priority: 9),
        ]
    }

    static var card: [KeyBinding] {
        [
            KeyBinding(action: back, keys: [.escape], help: "Back to the list of members", scope: scope, hint: "Back", priority: 1),
            KeyBinding(action: nextTab, keys: [.right, .tab], help: "Next tab", scope: scope, priority: 9),
            KeyBinding(action: previousTab, keys: [.left, .backTab], help: "Previous tab", scope: scope, priority: 9),
            KeyBinding(action: edit, keys: [.char("e"), .function(4)], help: "Edit the member (status changes too)", scope: scope, hint: "Edit", priority: 2),
            KeyBinding(action: note, keys: [.char("n")], help: "Add a note, signed with your name", scope: scope, hint: "Note", priority: 3),
            KeyBinding(action: editVetting, keys: [.char("v")], help: "Record references, ID, induction, DBS and review dates", scope: scope, hint: "Vetting", priority: 4),
            KeyBinding(action: addOffer, keys: [.char("o")], help: "Add an offer for this member", scope: scope, hint: "Offer", priority: 5),
            KeyBinding(action: addNeed, keys: [.char("w")], help: "Add a need (what they want help with) for this member", scope: scope, hint: "Need", priority: 5),
        ]
    }

    /// While a field or the search line has the focus these keys are text. Claiming them here
    /// keeps the status line and help honest: they then offer F1, F10 and Ctrl-C instead.
    static var typed: KeyBinding {
        KeyBinding(action: typing, keys: [.char("?"), .char(":"), .char("q")] + ScreenID.allCases.map { .char($0.key) },
                   help: "Typed into the field (use F1 for help, F10 for the menu, Ctrl-C to quit)", scope: scope)
    }

    static var form: [KeyBinding] {
        [
            typed,
            KeyBinding(action: save, keys: [.ctrl("s"), .function(2)], help: "Save", scope: scope, hint: "Save", priority: 1),
            KeyBinding(action: cancel, keys: [.escape], help: "Cancel (asks first when something was typed)", scope: scope, hint: "Cancel", priority: 2),
        ]
    }
}
