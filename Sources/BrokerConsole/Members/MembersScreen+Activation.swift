import TerminalUI
import TimeBank
import TimeBankStore

/// A pending member whose vetting has just come out complete is offered activation in the
/// same step, and the message names the welcome credit the activation granted.
extension MembersScreen {
    mutating func offerActivation(_ number: Int, _ context: ConsoleContext) {
        let today = context.today()
        guard let member = (try? context.store.member(number)) ?? nil, member.status == .pending,
              let vetting = try? context.store.vetting(member: number), vetting.state(today: today) == .complete else { return }
        let welcome = (try? context.store.settings().welcomeCreditMinutes) ?? 0
        let credit = welcome > 0 ? " The welcome credit of \(SlipFormat.clock(welcome)) from the community pot goes on their account." : ""
        question = Confirmation(.activate(member: number), title: "Make active?",
                                message: "Vetting of \(member.name) is complete. Make them active now?\(credit)",
                                buttons: ["Make active", "Not now"], defaultButton: 0)
    }

    mutating func activate(_ number: Int, _ context: ConsoleContext) -> ScreenResponse {
        guard var member = (try? context.store.member(number)) ?? nil else { return .message(.error("There is no member \(number) now.")) }
        let before = (try? context.store.balance(.member(number)))?.balanceMinutes
        member.status = .active
        do {
            let saved = try context.store.updateMember(member, by: context.broker, today: context.today())
            let after = (try? context.store.balance(.member(number)))?.balanceMinutes
            return .message(.success(Self.activated(saved.name, credited: before.flatMap { b in after.map { $0 - b } } ?? 0)))
        } catch {
            return .message(.error("Not made active: \(error)"))
        }
    }

    /// "Welcome credit of 2:00 from the pot granted; Ann Lee is active." The credit comes first
    /// so that a long name, not the amount, is what 80 columns may cut.
    static func activated(_ name: String, credited: Minutes) -> String {
        credited > 0 ? "\(welcome(credited)); \(name) is active." : "\(name) is active."
    }

    static func welcome(_ credited: Minutes) -> String {
        "Welcome credit of \(SlipFormat.clock(credited)) from the pot granted"
    }
}
