import Foundation
import Testing
import TimeBank
@testable import TimeBankStore

/// Issue 12: a referral is marked done in the same transaction as its hours, and Today lists a
/// referral done without hours (left by the console before this was so) until its hours come.
@Suite("Referrals done with their hours")
struct ReferralHoursStoreTests {
    static let today = day(Fixture.lastYear, 6, 10)

    /// An agreed referral of Bob (helper) to Ann's need.
    func agreed(_ f: Fixture) throws -> (Referral, Need) {
        try f.store.installTaxonomyIfEmpty([Category(code: "garden.weeding", group: "Garden", name: "Weeding")])
        let category = try #require(try f.store.categories().first { $0.code == "garden.weeding" })
        let need = try f.store.addNeed(Need(member: f.ann, categoryID: category.id, title: "Weeding", created: Self.today), by: f.admin)
        let r = try f.store.propose(need: need.id, helper: f.bob, offer: nil, by: f.admin)
        _ = try f.store.move(referral: r.id, to: .agreed, by: f.admin)
        return (r, need)
    }

    func hours(_ f: Fixture, _ referral: Int, minutes: Minutes = 90) -> ExchangeRequest {
        ExchangeRequest(date: Self.today, giver: .member(f.bob), receiver: .member(f.ann), minutes: minutes, referral: referral)
    }

    @Test("Recording the hours marks the referral done with the broker's note and the hours")
    func doneWithHours() throws {
        let f = try Fixture()
        let (r, _) = try agreed(f)
        _ = try f.store.record(hours(f, r.id), by: f.admin, today: Self.today, referralNote: "Went well")
        #expect(try f.store.referralRow(r.id)?.referral.status == .done)
        #expect(try f.store.referralSteps(r.id).last?.note == "Went well · 1:30 recorded for \(Self.today.british)")
        #expect(try f.store.doneReferralsWithoutHours().isEmpty)
        #expect(try f.store.referralCount() == 1)
        #expect(try f.store.referralCount(openOnly: true) == 0)
        // A second slip for the same referral leaves it done, with one done step.
        _ = try f.store.record(hours(f, r.id, minutes: 30), by: f.admin, today: Self.today)
        #expect(try f.store.referralSteps(r.id).filter { $0.status == .done }.count == 1)
    }

    @Test("Hours for a referral cancelled meanwhile are refused and nothing is written")
    func cancelledRefusesHours() throws {
        let f = try Fixture()
        let (r, _) = try agreed(f)
        _ = try f.store.move(referral: r.id, to: .cancelled, by: f.admin)
        let before = try f.snapshot()
        #expect(throws: StoreError.invalid("Referral \(r.id) is cancelled, so these hours cannot complete it; record them without the referral.")) {
            try f.store.record(hours(f, r.id), by: f.admin, today: Self.today)
        }
        #expect(try f.snapshot().exchanges == before.exchanges)
    }

    @Test("A referral done without hours is on Today's follow-ups until its hours are recorded")
    func doneWithoutHoursOnToday() throws {
        let f = try Fixture()
        let (r, _) = try agreed(f)
        _ = try f.store.move(referral: r.id, to: .done, by: f.admin)  // as the console did before
        #expect(try f.store.doneReferralsWithoutHours().map(\.id) == [r.id])
        let lists = try f.store.todayLists(today: Self.today)
        #expect(lists.followUps.map(\.id) == [r.id])
        #expect(lists.followUpCount == 1)
        #expect(try f.store.referralRow(r.id)?.hasHours == false)
        _ = try f.store.record(hours(f, r.id), by: f.admin, today: Self.today)
        #expect(try f.store.todayLists(today: Self.today).followUps.isEmpty)
        #expect(try f.store.referralRow(r.id)?.hasHours == true)
    }
}
