import TerminalUI

/// The Match screen's own keys. Plain letters are free here: no field has the focus except the
/// search line and a referral's note, and while they do the letters are typing.
enum MatchAction {
    static let propose: ActionID = "match-propose"
    static let needs: ActionID = "match-needs"
    static let referrals: ActionID = "match-referrals"
    static let allReferrals: ActionID = "match-all-referrals"
    static let member: ActionID = "match-member"

    static func bindings(scope: KeyScope) -> [KeyBinding] {
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
