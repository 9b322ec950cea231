import Foundation
import Testing
import TimeBank
@testable import TimeBankStore

@Suite("Ranking helpers from the store")
struct MatchRankingStoreTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 29)!

    @Test("Property: on random demo time banks every proposed helper obeys the hard rules", arguments: [UInt64(3), 11, 29])
    func hardRulesHoldOnDemoData(seed: UInt64) throws {
        let temp = TempDatabase()
        let db = (store: try Store(path: temp.path), temp: temp)
        let admin = try db.store.signIn(username: "ann")
        _ = try db.store.populateDemo(DemoOptions(members: 250, seed: seed, today: Self.today), by: admin)
        var checked = 0
        for need in try db.store.needs() where need.status == .open {
            let results = try db.store.rankHelpers(forNeed: need.id, limit: 15, today: Self.today)
            let blocked = Set((try db.store.member(need.member)?.doNotMatch ?? []))
            for r in results {
                let m = try #require(try db.store.member(r.member))
                #expect(m.status == .active)
                #expect(m.number != need.member)
                #expect(!blocked.contains(m.number) && !(m.doNotMatch.contains(need.member)))
                if need.needsVettedHelper {
                    #expect(try db.store.vetting(member: m.number).state(today: Self.today) == .complete)
                }
                #expect(!r.reasons.isEmpty)
                checked += 1
            }
            #expect(results.map(\.score) == results.map(\.score).sorted(by: >))
        }
        #expect(checked > 100)
    }

    @Test func aHelperOfferingTheNeedsCategoryInTheSameAreaComesFirst() throws {
        let temp = TempDatabase()
        let db = (store: try Store(path: temp.path), temp: temp)
        let admin = try db.store.signIn(username: "ann")
        let categories = try db.store.categories()
        let weeding = try #require(categories.first { $0.code.hasPrefix("garden.") })
        func member(_ name: String, area: String) throws -> Int {
            var m = Member(name: name, area: area, joined: Self.today, status: .pending)
            m = try db.store.addMember(m, by: admin)
            try db.store.saveVetting(member: m.number, Vetting(references: [.init(referee: "A", received: Self.today), .init(referee: "B", received: Self.today)],
                                                               idSeen: Self.today, induction: Self.today, review: Self.today.adding(days: 365)), by: admin)
            m.status = .active
            return try db.store.updateMember(m, by: admin, today: Self.today).number
        }
        let inNeed = try member("Mrs Khan", area: "Kingsholm")
        let near = try member("Ann Lee", area: "Kingsholm")
        let far = try member("Bob Marsh", area: "Quedgeley")
        let other = try member("Cy Twombly", area: "Kingsholm")
        for helper in [near, far] {
            _ = try db.store.addOffer(Offer(member: helper, categoryID: weeding.id, title: "Weeding and tidying borders", created: Self.today), by: admin)
        }
        let arts = try #require(categories.first { $0.code.hasPrefix("arts.") })
        _ = try db.store.addOffer(Offer(member: other, categoryID: arts.id, title: "Watercolour lessons", created: Self.today), by: admin)
        let need = try db.store.addNeed(Need(member: inNeed, categoryID: weeding.id, title: "Weeding my front garden", area: "Kingsholm", created: Self.today), by: admin)
        let ranked = try db.store.rankHelpers(forNeed: need.id, today: Self.today)
        #expect(ranked.map(\.member).prefix(2) == [near, far])
        #expect(ranked[0].reasons.contains("same area (Kingsholm)"))
        #expect(ranked[0].reasons.contains(weeding.name))
        #expect(!ranked.contains { $0.member == inNeed })
        let reverse = try db.store.needsFitting(offer: try db.store.offers(member: near)[0].id, today: Self.today)
        #expect(reverse.map(\.need.id) == [need.id])
    }

    @Test("Stopping once nobody left can reach the list ranks exactly as reading every candidate", arguments: [UInt64(5), 17])
    func stoppingEarlyRanksAsReadingEveryone(seed: UInt64) throws {
        let temp = TempDatabase()
        let store = try Store(path: temp.path)
        let admin = try store.signIn(username: "ann")
        _ = try store.populateDemo(DemoOptions(members: 300, seed: seed, today: Self.today), by: admin)
        var compared = 0
        for need in try store.needs() where need.status == .open {
            for limit in [1, 5, 20] {
                let early = try store.rankHelpers(forNeed: need.id, limit: limit, today: Self.today, exhaustive: false)
                let everyone = try store.rankHelpers(forNeed: need.id, limit: limit, today: Self.today, exhaustive: true)
                #expect(early == everyone, "need \(need.id), limit \(limit)")
                compared += early.count
            }
        }
        #expect(compared > 200)
    }

    @Test("Words meet their stems, and a closed offer stops bringing its member in by its words")
    func offerWordsAreStemmedAndOnlyOpenOffersCount() throws {
        let temp = TempDatabase()
        let store = try Store(path: temp.path)
        let admin = try store.signIn(username: "ann")
        let categories = try store.categories()
        let cleaning = try #require(categories.first { $0.code == "home.cleaning" })
        let unrelated = try #require(categories.first { $0.group != cleaning.group && !$0.keywords.contains("cook") })
        func active(_ name: String) throws -> Int {
            var m = try store.addMember(Member(name: name, joined: Self.today, status: .pending), by: admin)
            try store.saveVetting(member: m.number, Vetting(references: [.init(referee: "A", received: Self.today), .init(referee: "B", received: Self.today)],
                                                           idSeen: Self.today, induction: Self.today, review: Self.today.adding(days: 365)), by: admin)
            m.status = .active
            return try store.updateMember(m, by: admin, today: Self.today).number
        }
        let inNeed = try active("Mrs Khan")
        let cook = try active("Ann Lee")
        var offer = try store.addOffer(Offer(member: cook, categoryID: unrelated.id, title: "Cooked meals for a neighbour", created: Self.today), by: admin)
        let need = try store.addNeed(Need(member: inNeed, categoryID: cleaning.id, title: "Cooking dinner after my operation", created: Self.today), by: admin)
        let found = try store.rankHelpers(forNeed: need.id, today: Self.today)
        #expect(found.map(\.member) == [cook])
        #expect(found.first?.reasons.contains("offers “Cooked meals for a neighbour”") == true, "\(found)")
        offer.status = .closed
        offer = try store.updateOffer(offer, by: admin)
        #expect(try store.rankHelpers(forNeed: need.id, today: Self.today).isEmpty)
    }

    @Test("From an offer, each fitting need scores its member exactly as ranking helpers for that need does")
    func needsFittingAnOfferScoreAsTheMatchScreen() throws {
        let temp = TempDatabase()
        let store = try Store(path: temp.path)
        let admin = try store.signIn(username: "ann")
        _ = try store.populateDemo(DemoOptions(members: 200, seed: 7, today: Self.today), by: admin)
        var compared = 0
        for offer in try store.offers().filter({ $0.status == .open }).prefix(25) {
            for fit in try store.needsFitting(offer: offer.id, limit: 200, today: Self.today) {
                let ranked = try store.rankHelpers(forNeed: fit.need.id, limit: 10_000, today: Self.today, exhaustive: true)
                if let same = ranked.first(where: { $0.member == offer.member }) {
                    #expect(same == fit.result, "offer \(offer.id), need \(fit.need.id)")
                    compared += 1
                }
            }
        }
        #expect(compared > 50)
    }

    @Test func anUnknownNeedIsAClearError() throws {
        let temp = TempDatabase()
        let db = (store: try Store(path: temp.path), temp: temp)
        #expect(throws: StoreError.notFound("There is no need number 999.")) { try db.store.rankHelpers(forNeed: 999) }
    }
}
