import TerminalUI

/// The Match screen's own keys. On its lists a letter starts a fresh search of the open needs
/// (`ListTyping`) and digits switch screens, so its commands are Ctrl keys with an F-key beside
/// each (the Ctrl key first: it works on every terminal); in the search line and a referral's
/// note letters are typing.
enum MatchAction {
    static let propose: ActionID = "match-propose"
    static let needs: ActionID = "match-needs"
    static let referrals: ActionID = "match-referrals"
    static let allReferrals: ActionID = "match-all-referrals"
    static let member: ActionID = "match-member"
    static let someoneElse: ActionID = "match-someone-else"

    static func scope(_ mode: MatchScreen.Mode, searching: Bool, panel: Bool) -> KeyScope {
        if panel { return KeyScope("match.referral", title: "Match: a referral") }
        switch mode {
        case .needs: return searching ? KeyScope("match.search", title: "Match: search line") : KeyScope("match.needs", title: "Match: open needs")
        case .helpers: return KeyScope("match.helpers", title: "Match: ranked helpers")
        case .referrals: return KeyScope("match.referrals", title: "Match: referrals")
        }
    }

    static func bindings(_ mode: MatchScreen.Mode, searching: Bool, panel: Bool) -> [KeyBinding] {
        let scope = scope(mode, searching: searching, panel: panel)
        if panel { return ReferralPanelKeys.bindings(scope: scope) }
        switch mode {
        case .needs:
            if searching { return WidgetKeys.searchLine(scope: scope) }
            return actions(scope: scope) + [
                .widget("search", [.char("/")], "Search the needs (for a word starting with j, k or q too)",
                        scope: scope, hint: "Search", priority: 4),
                .widget("clear", [.escape], "Clear the search", scope: scope),
            ] + ListTyping.bindings(scope: scope)
                + WidgetKeys.list(scope: scope, open: "Rank the helpers for the need")
        case .helpers:
            return actions(scope: scope) + [
                MatchScreen.someoneElseBinding(scope: scope),
                ScreenAction.backBinding(scope: scope, help: "Back to the open needs"),
            ] + ListTyping.bindings(scope: scope, search: "searches the needs afresh") + [
                .widget("open", [.enter], "Open the helper's card", scope: scope),
                .widget("move", [.up, .down, .char("k"), .char("j")], "Move up or down one helper", scope: scope),
                .widget("page", [.pageDown, .pageUp, .ctrl("f"), .ctrl("b")], "Move by the helpers shown (Ctrl-F down, Ctrl-B up)", scope: scope),
                .widget("ends", [.home, .end, .char("<"), .char(">")], "First or last helper (< first, > last)", scope: scope),
            ]
        case .referrals:
            return actions(scope: scope) + [ScreenAction.backBinding(scope: scope, help: "Back to the helpers, or the needs")]
                + ListTyping.bindings(scope: scope, search: "searches the needs afresh")
                + WidgetKeys.list(scope: scope, open: "Open the referral to move it on")
        }
    }

    static func actions(scope: KeyScope) -> [KeyBinding] {
        [
            KeyBinding(action: propose, keys: [.ctrl("p"), .function(3)], help: "Propose a referral: the selected helper for the need",
                       scope: scope, hint: "Propose", priority: 1),
            KeyBinding(action: referrals, keys: [.ctrl("r"), .function(7)], help: "Referrals: move them on (contacted, agreed, done)",
                       scope: scope, hint: "Referrals", priority: 2),
            KeyBinding(action: needs, keys: [.ctrl("n"), .function(5)], help: "Pick another need (the list of open needs)", scope: scope,
                       hint: "Needs", priority: 3),
            KeyBinding(action: member, keys: [.ctrl("v"), .function(8)], help: "View the selected member's card", scope: scope),
            KeyBinding(action: allReferrals, keys: [.ctrl("o"), .function(6)], help: "Referrals: closed ones too, or only those still moving",
                       scope: scope),
        ]
    }
}
