import TerminalUI

/// The keys of a referral opened to move it on (on Today and on Match): the note field has the
/// typing, the arrows choose the next step.
enum ReferralPanelKeys {
    static func bindings(scope: KeyScope) -> [KeyBinding] {
        [
            .widget("take", [.enter], "Take the chosen step, with the note", scope: scope, hint: "Move on", priority: 1),
            .widget("close", [.escape], "Close the referral without moving it", scope: scope, hint: "Close", priority: 2),
            .widget("choose", [.up, .down, .tab, .backTab], "Choose the next step", scope: scope),
            .typing("Typed into the step's note", scope: scope),
        ] + WidgetKeys.textEditing(scope: scope)
    }
}
