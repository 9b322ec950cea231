import TerminalUI

/// The Match screen's own keys. Plain letters are free here: no field has the focus except the
/// search line and a referral's note, and while they do the letters are typing.
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
                .widget("search", [.char("/")], "Search the needs: words, a member's name or number", scope: scope, hint: "Search", priority: 4),
                .widget("clear", [.escape], "Clear the search", scope: scope),
            ] + WidgetKeys.list(scope: scope, open: "Rank the helpers for the need")
        case .helpers:
            return actions(scope: scope) + [
                MatchScreen.someoneElseBinding(scope: scope),
                ScreenAction.backBinding(scope: scope, help: "Back to the open needs"),
                .widget("open", [.enter], "Open the helper's card", scope: scope),
                .widget("move", [.up, .down, .char("k"), .char("j")], "Move up or down one helper", scope: scope),
                .widget("page", [.pageDown, .pageUp, .ctrl("f"), .ctrl("b")], "Move by the helpers shown (Ctrl-F down, Ctrl-B up)", scope: scope),
                .widget("ends", [.home, .end, .char("<"), .char(">")], "First or last helper (< first, > last)", scope: scope),
            ]
        case .referrals:
            return actions(scope: scope) + [ScreenAction.backBinding(scope: scope, help: "Back to the helpers, or the needs")]
                + WidgetKeys.list(scope: scope, open: "Open the referral to move it on")
        }
    }

    static func actions(scope: KeyScope) -> [KeyBinding] {
        [
            KeyBinding(action: propose, keys: [.char("p")], help: "Propose a referral: introduce the selected helper to the need",
                       scope: scope, hint: "Propose", priority: 1),
            KeyBinding(action: referrals, keys: [.char("r")], help: "Referrals: move them on (proposed, contacted, agreed, done)",
                       scope: scope, hint: "Referrals", priority: 2),
            KeyBinding(action: needs, keys: [.char("n")], help: "Pick another need (the list of open needs)", scope: scope, hint: "Needs", priority: 3),
            KeyBinding(action: member, keys: [.char("m")], help: "Open the selected member's card", scope: scope),
            KeyBinding(action: allReferrals, keys: [.char("a")], help: "Referrals: show closed ones too, or only those still moving", scope: scope),
        ]
    }
}
