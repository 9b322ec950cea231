import Testing
import TimeBank
@testable import TimeBankStore

@Suite("Sign-up with offers, and the vetting review setting")
struct SignUpTests {
    @Test func theMemberAndTheirOffersAreSavedTogether() throws {
        let f = try Fixture()
        let lawn = try #require(try f.store.categories().first { $0.code == "garden.lawn" })
        let (member, offers) = try f.store.signUp(Member(name: "Dee Dale", joined: Fixture.today),
                                                  offers: [Offer(member: 0, categoryID: lawn.id, title: "Mowing", created: Fixture.today)], by: f.admin)
        #expect(offers.count == 1 && offers[0].member == member.number)
        #expect(try f.store.offers(member: member.number).map(\.title) == ["Mowing"])
        // The member search finds them by what they offer.
        #expect(try f.store.members(MemberQuery(search: "mowing")).rows.map(\.number) == [member.number])
    }

    @Test func aBadOfferSavesNothingNotEvenTheMember() throws {
        let f = try Fixture()
        let lawn = try #require(try f.store.categories().first { $0.code == "garden.lawn" })
        let before = try f.store.members(MemberQuery()).total
        #expect(throws: StoreError.self) {
            try f.store.signUp(Member(name: "Dee Dale", joined: Fixture.today),
                               offers: [Offer(member: 0, categoryID: lawn.id, title: "Mowing", created: Fixture.today),
                                        Offer(member: 0, categoryID: 999_999, title: "Nothing real", created: Fixture.today)], by: f.admin)
        }
        #expect(try f.store.members(MemberQuery()).total == before)
        #expect(try f.store.offers().isEmpty)
    }

    @Test func theReviewPeriodIsThreeYearsUntilAnAdminChangesIt() throws {
        let f = try Fixture()
        #expect(try f.store.vettingReviewYears() == 3)
        try f.store.setVettingReviewYears(5, by: f.admin)
        #expect(try f.store.vettingReviewYears() == 5)
        #expect(throws: StoreError.self) { try f.store.setVettingReviewYears(0, by: f.admin) }
        let viewer = try f.store.addBroker(username: "vic", displayName: "Vic Viewer", role: .viewer, by: f.admin)
        #expect(throws: StoreError.self) { try f.store.setVettingReviewYears(2, by: viewer) }
        #expect(try f.store.vettingReviewYears() == 5)
    }
}
