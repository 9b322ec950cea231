import Foundation
import Testing
import TerminalUI
import TimeBank
import TimeBankStore
@testable import BrokerConsole

/// Offers & needs: adding, editing and closing by keys, the vetted-helper flag, browsing by
/// category, the reverse match, and category edits kept for admins.
@Suite struct OffersNeedsScreenTests {
    func activeMember(_ f: MatchFixture) throws -> Member {
        let row = try #require(try f.store.members(MemberQuery(status: .active), limit: 1, today: MatchFixture.today).rows.first)
        return try #require(try f.store.member(row.number))
    }

    @Test func addANeedForAVettedHelper() throws {
        let f = try MatchFixture()
        let m = try activeMember(f)
        f.press(.char("3"), .tab)
        #expect(f.line(containing: "[Needs]") != nil)
        f.press(.char("+"))
        #expect(f.line(containing: "New need") != nil)
        f.type("\(m.number)")
        f.press(.tab)
        f.type("hedges")
        #expect(f.line(containing: "Category: garden.hedges · Garden and outdoors › Hedge and shrub trimming") != nil)
        f.press(.tab)
        f.type("Hedge trimming for Mrs Ávila")
        f.press(.tab, .tab, .tab, .tab)  // description, area, availability left blank: the member's own
        #expect(f.line(containing: "Needs a vetted helper [ ]") != nil)  // hedges do not usually need one
        f.press(.char(" "))
        f.press(.ctrl("s"))
        #expect(f.message.hasPrefix("Done: Added need"))
        let saved = try #require(try f.store.needs(member: m.number).last)
        #expect(saved.title == "Hedge trimming for Mrs Ávila")
        #expect(saved.needsVettedHelper)
        #expect(saved.area == m.area && saved.availability == m.availability)
        #expect(saved.created == MatchFixture.today && saved.status == .open)
        let row = try #require(f.line(containing: "Hedge trimming for Mrs"))
        #expect(row.contains(" yes ") && row.contains(String(m.name.prefix(8))))
    }

    @Test func aCategoryThatUsuallyNeedsVettingTicksTheBox() throws {
        let f = try MatchFixture()
        let vetted = try #require(try f.store.categories().first { $0.suggestsVetting })
        f.press(.char("3"), .tab, .char("+"), .tab)
        f.type(vetted.code)
        #expect(f.line(containing: "Needs a vetted helper [x]") != nil)
        #expect(f.line(containing: "Category (usually needs a vetted helper): \(vetted.code) · \(vetted.group)") != nil)
    }

    @Test func missingFieldsAreMarkedAndNothingIsSaved() throws {
        let f = try MatchFixture()
        let before = try f.store.offers().count
        f.press(.char("3"), .insert)
        f.type("999999")
        f.press(.tab)
        f.type("zzzz")
        f.press(.ctrl("s"))
        #expect(f.message.hasPrefix("Error: Not saved"))
        #expect(f.screen.contains("! No such member"))
        #expect(f.screen.contains("! No such category"))
        #expect(f.screen.contains("! Required"))
        #expect(try f.store.offers().count == before)
        #expect(f.app.hasUnsavedInput)
        f.press(.escape)  // typed input is never thrown away without asking
        #expect(f.screen.contains("Discard?") && f.app.hasUnsavedInput)
        f.press(.char("k"))  // Keep editing
        #expect(f.screen.contains("! No such member") && f.app.hasUnsavedInput)
        f.press(.escape, .char("d"))
        #expect(!f.app.hasUnsavedInput && !f.screen.contains("Discard?"))
    }

    @Test func editAndCloseAnOffer() throws {
        let f = try MatchFixture()
        f.press(.char("3"))
        let first = try #require(try f.store.listings(ListingQuery(kind: .offer), limit: 1).rows.first)
        f.press(.ctrl("e"))
        #expect(f.line(containing: "Editing offer \(first.id)") != nil)
        f.press(.ctrl("u"))
        f.type("Bike repairs and puncture fixing")
        f.press(.ctrl("s"))
        #expect(f.message.hasPrefix("Done: Saved offer \(first.id)"))
        #expect(try f.store.offer(first.id)?.title == "Bike repairs and puncture fixing")
        #expect(try f.store.offer(first.id)?.categoryID == first.category.id)

        f.press(.ctrl("x"))
        #expect(f.screen.contains("Close offer?"))
        f.press(.enter)  // the default is to keep it
        #expect(try f.store.offer(first.id)?.status == .open)
        f.press(.function(7), .char("c"))
        #expect(try f.store.offer(first.id)?.status == .closed)
        #expect(f.line(containing: "Bike repairs and puncture fixing") == nil)
        f.press(.ctrl("o"))
        f.type("puncture")
        #expect(f.line(containing: "Bike repairs and puncture")?.contains(" closed") == true)
    }

    @Test func browseByCategoryAndSearch() throws {
        let f = try MatchFixture()
        f.press(.char("3"), .backTab)
        #expect(f.line(containing: "[Categories]") != nil)
        f.press(.char("/"))
        f.type("garden")
        f.press(.enter)
        let chosen = try #require(try f.store.categories().first { c in
            SearchText.words(c.code + " " + c.group + " " + c.name + " " + c.keywords.joined(separator: " ")).contains { $0.hasPrefix("garden") }
        })
        #expect(f.line(containing: "[Offers]") != nil)
        #expect(f.screen.contains(chosen.fullName))
        let expected = try f.store.listings(ListingQuery(kind: .offer, categoryID: chosen.id), limit: 500)
        #expect(f.screen.contains("\(expected.total) listed"))
        f.press(.ctrl("u"))
        #expect(!f.screen.contains(chosen.fullName))
    }

    @Test func anOfferShowsTheNeedsItCouldMeet() throws {
        let f = try MatchFixture()
        // Any open offer whose member could meet an open need will do.
        let offers = try f.store.listings(ListingQuery(kind: .offer), limit: 500).rows
        let offer = try #require(offers.first { o in ((try? f.store.needsFitting(offer: o.id, today: MatchFixture.today)) ?? []).count > 0 })
        f.press(.char("3"), .char("/"))
        f.type(String(offer.id))
        f.press(.enter, .escape)  // Enter opened the form; leave it
        f.press(.ctrl("t"))
        #expect(f.screen.contains("Open needs that \(offer.memberName)"))
        let fits = try f.store.needsFitting(offer: offer.id, limit: 50, today: MatchFixture.today)
        #expect(f.screen.contains("Why: " + fits[0].result.reasons.joined(separator: " · ").prefix(30)))
        f.press(.ctrl("p"))
        #expect(f.message.hasPrefix("Done: Referral"))
        #expect(try f.store.referralRows(need: fits[0].need.id).first?.referral.helper == offer.member)
        f.press(.enter)
        #expect(f.app.current == .match)
        #expect(f.line(containing: "Need \(fits[0].need.id):") != nil)
    }

    @Test func categoryEditsAreForAdmins() throws {
        let broker = try MatchFixture(role: .broker)
        broker.press(.char("3"), .backTab, .ctrl("e"))
        #expect(broker.message == "Error: Only an admin can edit the categories.")
        let c = try #require(try broker.store.categories().first)
        var renamed = c
        renamed.name = "Renamed"
        #expect(throws: StoreError.refused(.roleNeeded(.admin, action: "edit the categories", have: .broker))) { try broker.store.saveCategory(renamed, by: broker.broker) }

        let admin = try MatchFixture()
        admin.press(.char("3"), .backTab, .function(4))
        let first = try #require(try admin.store.categories(includeInactive: true).first)
        #expect(admin.line(containing: "Editing category \(first.code)") != nil)
        admin.press(.tab, .tab, .ctrl("u"))
        admin.type("Lawns and weeding (renamed)")
        admin.press(.ctrl("s"))
        #expect(admin.message.hasPrefix("Done: Saved category \(first.code)"))
        #expect(try admin.store.categories().first { $0.id == first.id }?.name == "Lawns and weeding (renamed)")
    }

    @Test func aMemberCardOpensTheirListings() throws {
        let f = try MatchFixture()
        let row = try #require(try f.store.listings(ListingQuery(kind: .offer), limit: 1).rows.first)
        _ = f.app.apply(.go(.offersAndNeeds, .showMember(row.member)))
        #expect(f.screen.contains("member \(row.member) \(row.memberName)"))
        let all = try f.store.listings(ListingQuery(kind: .offer, member: row.member), limit: 100)
        #expect(f.screen.contains("\(all.total) listed"))
    }
}
