import Foundation
import Testing
import TimeBank
@testable import TimeBankStore

/// Issue #12: the referral helper is a type-ahead picker, so a broker can refer someone who is
/// not in the ranked list, under the ranking's hard rules: only active members, never the need's
/// own member or anyone on either's do-not-match list, and for a need that asks, only a helper
/// whose vetting is complete and in date. Each refusal is one sentence and writes nothing.
@Suite("Referring someone else to a need")
struct ReferSomeoneElseTests {
    let today = Fixture.today

    func member(_ f: Fixture, _ name: String, status: MemberStatus = .active, vetted review: CalendarDate? = nil,
                doNotMatch: [Int] = []) throws -> Int {
        var m = Member(name: name, joined: day(Fixture.lastYear, 1, 1), status: status)
        m.doNotMatch = doNotMatch
        let n = try f.store.addMember(m, by: f.admin).number
        if let review {
            let refs = [VettingReference(referee: "A", received: today), VettingReference(referee: "B", received: today)]
            try f.store.saveVetting(member: n, Vetting(references: refs, idSeen: today, induction: today, review: review), by: f.admin)
        }
        return n
    }

    func need(_ f: Fixture, of owner: Int, vetted: Bool) throws -> Int {
        let category = try #require(try f.store.categories().first).id
        return try f.store.addNeed(Need(member: owner, categoryID: category, title: "Curtains taken up", needsVettedHelper: vetted,
                                        created: today), by: f.admin).id
    }

    func refusal(_ f: Fixture, need: Int, helper: Int) -> String? {
        do {
            _ = try f.store.proposeSomeoneElse(need: need, helper: helper, offer: nil, by: f.admin, today: today)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("An active member who is not ranked is referred as a ranked helper is")
    func referred() throws {
        let f = try Fixture()
        let owner = try member(f, "Nia Need")
        let helper = try member(f, "Hal Helper")
        let needID = try need(f, of: owner, vetted: false)
        let referral = try f.store.proposeSomeoneElse(need: needID, helper: helper, offer: nil, by: f.admin, today: today)
        #expect(referral.helper == helper)
        #expect(referral.need == needID)
        #expect(referral.status == .proposed)
    }

    @Test("The need's own member, a member not active, and do-not-match are refused in one sentence")
    func refused() throws {
        let f = try Fixture()
        let owner = try member(f, "Nia Need")
        let pending = try member(f, "Pip Pending", status: .pending)
        let blocked = try member(f, "Bo Blocked", doNotMatch: [owner])
        let needID = try need(f, of: owner, vetted: false)
        #expect(refusal(f, need: needID, helper: owner) == "Nia Need is the member in need.")
        #expect(refusal(f, need: needID, helper: pending) == "Pip Pending is pending: only active members are referred.")
        #expect(refusal(f, need: needID, helper: blocked) == "Bo Blocked and the member in need are on a do-not-match list.")
        #expect(try f.store.referrals().isEmpty)
    }

    @Test("A need that asks for a vetted helper refuses missing or expired vetting and takes vetting in date")
    func vetting() throws {
        let f = try Fixture()
        let owner = try member(f, "Nia Need")
        let unvetted = try member(f, "Una Unvetted")
        let expired = try member(f, "Ed Expired", vetted: today.adding(days: -1))
        let vetted = try member(f, "Vi Vetted", vetted: today.adding(days: 30))
        let needID = try need(f, of: owner, vetted: true)
        #expect(refusal(f, need: needID, helper: unvetted) == "The need asks for a vetted helper; Una Unvetted's vetting is missing or out of date.")
        #expect(refusal(f, need: needID, helper: expired) == "The need asks for a vetted helper; Ed Expired's vetting is missing or out of date.")
        #expect(refusal(f, need: needID, helper: vetted) == nil)
        #expect(try f.store.referrals().map(\.helper) == [vetted])
    }
}
