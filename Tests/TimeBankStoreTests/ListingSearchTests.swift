import Foundation
import Testing
import TimeBank
@testable import TimeBankStore

/// Offers and needs are found through a full-text index of what the broker sees of them: the
/// start of any word of the title, description, member's name, category or area, accents and
/// case ignored, every word typed narrowing; and the index follows every change.
@Suite struct ListingSearchTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 29)!

    @Test func wordsFindListingsAndTheIndexFollowsChanges() throws {
        let temp = TempDatabase()
        let store = try Store(path: temp.path)
        let admin = try store.signIn(username: "ann")
        let category = try #require(try store.categories().first)
        var sean = try store.addMember(Member(name: "Seán Murphy", area: "Tuffley", joined: Self.today), by: admin)
        let zoe = try store.addMember(Member(name: "Zoë O'Brien", area: "Westgate", joined: Self.today), by: admin)
        var guitar = try store.addOffer(Offer(member: sean.number, categoryID: category.id, title: "Guitar lessons",
                                              description: "Beginners welcome", created: Self.today), by: admin)
        let need = try store.addNeed(Need(member: zoe.number, categoryID: category.id, title: "Lift to the surgery", created: Self.today), by: admin)

        func offers(_ search: String) throws -> [Int] { try store.listings(ListingQuery(kind: .offer, search: search)).rows.map(\.id) }
        func needs(_ search: String) throws -> [Int] { try store.listings(ListingQuery(kind: .need, search: search)).rows.map(\.id) }

        #expect(try offers("sean") == [guitar.id], "the member's name, accent ignored")
        #expect(try offers("GUIT") == [guitar.id], "the start of a word, case ignored")
        #expect(try offers("beginners lessons") == [guitar.id], "words in any order")
        #expect(try offers("uitar").isEmpty, "only the start of a word")
        #expect(try offers("guitar zoe").isEmpty, "every word must be found")
        #expect(try needs("o'brien") == [need.id])
        #expect(try needs("zoe surgery") == [need.id])
        #expect(try needs(String(zoe.number)) == [need.id], "a member's number")

        guitar.title = "Piano lessons"
        guitar = try store.updateOffer(guitar, by: admin)
        #expect(try offers("piano") == [guitar.id])
        #expect(try offers("guitar").isEmpty)

        sean.name = "Sean Smith"
        sean = try store.updateMember(sean, by: admin, today: Self.today)
        #expect(try offers("smith") == [guitar.id])
        #expect(try offers("murphy").isEmpty)
    }
}
