import Foundation
import Testing
import TimeBank
@testable import TimeBankStore

/// The vetting rule is one rule: vetting counts on a day when it was completed and its next
/// review, if any, is not before that day. The domain and every query of the store agree on it,
/// at the boundary too (a review due today still counts; one due yesterday has expired).
@Suite struct VettingRuleTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 29)!

    @Test func theDomainRuleAtItsBoundaries() {
        let yesterday = Self.today.adding(days: -1)
        #expect(VettingState.of(complete: true, nextReview: Self.today, today: Self.today) == .complete)
        #expect(VettingState.of(complete: true, nextReview: yesterday, today: Self.today) == .expired)
        #expect(VettingState.of(complete: true, nextReview: nil, today: Self.today) == .complete)
        #expect(VettingState.of(complete: false, nextReview: Self.today.adding(days: 300), today: Self.today) == .missing)
    }

    @Test func theMembersListFiltersAndRowsFollowTheSameRule() throws {
        let temp = TempDatabase()
        let store = try Store(path: temp.path)
        let admin = try store.signIn(username: "ann")
        func member(_ name: String, complete: Bool, review: CalendarDate?) throws -> Int {
            let m = try store.addMember(Member(name: name, joined: Self.today, status: .pending), by: admin)
            let refs = [VettingReference(referee: "A", received: Self.today), VettingReference(referee: "B", received: Self.today)]
            try store.saveVetting(member: m.number, Vetting(references: refs, idSeen: Self.today, induction: complete ? Self.today : nil,
                                                            review: review), by: admin)
            return m.number
        }
        let dueToday = try member("Ada Due-Today", complete: true, review: Self.today)
        let dueYesterday = try member("Ben Due-Yesterday", complete: true, review: Self.today.adding(days: -1))
        let noReview = try member("Cy No-Review", complete: true, review: nil)
        let notDone = try member("Di Not-Done", complete: false, review: Self.today.adding(days: 100))

        func numbers(_ filter: MemberQuery.VettingFilter) throws -> Set<Int> {
            Set(try store.members(MemberQuery(vetting: filter), today: Self.today).rows.map(\.number))
        }
        #expect(try numbers(.complete) == [dueToday, noReview])
        #expect(try numbers(.expired) == [dueYesterday])
        #expect(try numbers(.missing) == [notDone])
        #expect(try numbers(.dueSoon) == [dueToday])
        let shown = Dictionary(uniqueKeysWithValues: try store.members(MemberQuery(), today: Self.today).rows.map { ($0.number, $0.vetting) })
        #expect(shown == [dueToday: .complete, dueYesterday: .expired, noReview: .complete, notDone: .missing])
        #expect(try store.vetting(member: dueYesterday).state(today: Self.today) == .expired)
    }
}
