import TimeBank

/// One generated member and the facts the later phases need about their history.
struct DemoMember {
    var member: Member
    var vetting: Vetting
    var area: Int
    /// The day they became active (induction, welcome credit); nil if they never have.
    var activeFrom: Int?
    /// The last day they could take part: yesterday, or the day they paused or left.
    var activeUntil: Int
    /// Vetting complete and in date today: may be proposed for a need that wants a vetted helper.
    var vettedToday: Bool
    var account: Int64 = 0

    var number: Int { member.number }
    var isPerson: Bool { member.kind == .person }

    func isActive(on day: Int) -> Bool {
        guard let from = activeFrom else { return false }
        return from <= day && day <= activeUntil
    }
}
