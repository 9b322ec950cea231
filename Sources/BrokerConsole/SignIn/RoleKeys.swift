import TerminalUI
import TimeBank

/// Which screen actions change data, and so which a role may be offered: the console's side of
/// `Permissions`. A key a role may not use is left out of the status line, help and menu, and
/// pressing it says which role is needed instead of opening a form that could not be saved.
enum RoleKeys {
    static let writes: [ActionID: BrokerAction] = [
        // Save is one action on every screen. A role that may not write never gets a form open
        // on the other screens (their add and edit keys are withheld), so the save it could
        // still press is Record hours'.
        ScreenAction.save: .recordHours(giver: .pot, receiver: .pot),
        RecordAction.closeMonth: .closeMonths,
        MembersAction.add: .editMembers,
        MembersAction.edit: .editMembers,
        MembersAction.note: .writeNotes,
        MembersAction.editVetting: .recordVetting,
        MembersAction.addOffer: .editOffersAndNeeds,
        MembersAction.addNeed: .editOffersAndNeeds,
        MembersAction.erase: .eraseMembers,
        OffersNeedsAction.add: .editOffersAndNeeds,
        OffersNeedsAction.edit: .editOffersAndNeeds,
        OffersNeedsAction.close: .editOffersAndNeeds,
        OffersNeedsAction.propose: .referMembers,
        MatchAction.propose: .referMembers,
    ]

    static func allows(_ role: BrokerRole, _ action: ActionID) -> Bool {
        guard let write = writes[action] else { return true }
        return Permissions.allows(role, write)
    }

    /// The registry with only what `role` may use.
    static func filtered(_ registry: KeyRegistry, for role: BrokerRole) -> KeyRegistry {
        KeyRegistry(registry.bindings.filter { allows(role, $0.action) })
    }

    /// The refusal for a key that would start a change `role` may not make, if it is one.
    static func refusal(for key: Key, in registry: KeyRegistry, scope: KeyScope, role: BrokerRole) -> Message? {
        guard let action = registry.action(for: key, in: scope), let write = writes[action],
              let refusal = Permissions.refusal(role: role, ownMember: nil, for: write) else { return nil }
        return .error(refusal.description)
    }
}
