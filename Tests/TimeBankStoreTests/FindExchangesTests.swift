import Foundation
import Testing
import TimeBank
@testable import TimeBankStore

/// Issue #12: "A ledger-wide search finds an exchange by member, date, hours or words, for
/// reversing it without knowing whose statement it is on." On a real SQLite file.
@Suite("Ledger-wide search: the store's query")
struct FindExchangesTests {
    struct Ledger {
        let f: Fixture
        let zoe: Int
        let garden: Exchange, knit: Exchange, visit: Exchange, potGrant: Exchange
    }

    /// Four entries across three members and the pot, on different days, lengths and words.
    func ledger() throws -> Ledger {
        let f = try Fixture()
        let y = Fixture.lastYear
        let zoe = try f.store.addMember(Member(name: "Zoë 王 O'Brien", joined: day(y, 1, 1)), by: f.admin).number
        func record(_ g: AccountRef, _ r: AccountRef, _ m: Minutes, _ d: CalendarDate, _ code: String?, _ text: String) throws -> Exchange {
            try f.store.record(ExchangeRequest(date: d, giver: g, receiver: r, minutes: m, categoryCode: code, description: text),
                               by: f.admin, acceptCreditLimit: true).exchange
        }
        let garden = try record(.member(f.ann), .member(f.bob), 90, day(y, 3, 5), "garden.planting", "Planted the window boxes")
        let knit = try record(.member(zoe), .member(f.ann), 60, day(y, 3, 6), nil, "Knitting lesson")
        let visit = try record(.member(f.bob), .member(zoe), 90, day(y, 4, 2), nil, "Hospital visit")
        let potGrant = try record(.member(f.cat), .pot, 120, day(y, 4, 3), nil, "Welcome credit")
        return Ledger(f: f, zoe: zoe, garden: garden, knit: knit, visit: visit, potGrant: potGrant)
    }

    func find(_ l: Ledger, _ text: String) throws -> [UUID] {
        try l.f.store.findExchanges(ExchangeSearch.parse(text, today: Fixture.today), offset: 0, limit: 50).rows.map(\.id)
    }

    @Test("By a member's number or name words, as giver or receiver, newest first")
    func byMember() throws {
        let l = try ledger()
        #expect(try find(l, String(l.zoe)) == [l.visit.id, l.knit.id])
        #expect(try find(l, "obrien") == [l.visit.id, l.knit.id])
        #expect(try find(l, "zo") == [l.visit.id, l.knit.id])
        #expect(try find(l, "王") == [l.visit.id, l.knit.id])
        #expect(try find(l, "ann archer") == [l.knit.id, l.garden.id])
        #expect(try find(l, "999999") == [])
        #expect(try find(l, "community pot") == [l.potGrant.id])
        #expect(try find(l, "pot cat") == [l.potGrant.id])
    }

    @Test("By a day or a range of days")
    func byDate() throws {
        let l = try ledger()
        let y = Fixture.lastYear
        #expect(try find(l, "\(y)-03-06") == [l.knit.id])
        #expect(try find(l, "\(y)-04") == [l.potGrant.id, l.visit.id])
        #expect(try find(l, "\(y)-03-06..\(y)-04-02") == [l.visit.id, l.knit.id])
    }

    @Test("By hours, however they are typed")
    func byHours() throws {
        let l = try ledger()
        #expect(try find(l, "1:30") == [l.visit.id, l.garden.id])
        #expect(try find(l, "90m") == [l.visit.id, l.garden.id])
        #expect(try find(l, "2h") == [l.potGrant.id])
    }

    @Test("By words of the description, the category code or the category's name")
    func byWords() throws {
        let l = try ledger()
        #expect(try find(l, "window") == [l.garden.id])
        #expect(try find(l, "knit") == [l.knit.id])
        #expect(try find(l, "planting") == [l.garden.id])   // category name "Planting and growing" and code garden.planting
        #expect(try find(l, "growing") == [l.garden.id])
        #expect(try find(l, "welcome credit") == [l.potGrant.id])
        #expect(try find(l, "nothing-like-it") == [])
    }

    @Test("Terms combine: every one must hold")
    func combined() throws {
        let l = try ledger()
        #expect(try find(l, "bob 1:30") == [l.visit.id, l.garden.id])
        #expect(try find(l, "bob 1:30 hospital") == [l.visit.id])
        #expect(try find(l, "ann 1:30 \(Fixture.lastYear)-03") == [l.garden.id])
        #expect(try find(l, "\(l.zoe) knitting 1:30") == [])
    }

    @Test("A reversed entry says so, its reversal is found by its reason and says it is one")
    func reversed() throws {
        let l = try ledger()
        let r = try l.f.store.reverse(l.visit.id, reason: "entered on the wrong slip", date: Fixture.today, by: l.f.admin)
        let page = try l.f.store.findExchanges(ExchangeSearch.parse("hospital", today: Fixture.today), offset: 0, limit: 10)
        #expect(page.rows.map(\.id) == [l.visit.id])
        #expect(page.rows.first?.reversedBy == r.id)
        #expect(page.rows.first?.isReversal == false)
        #expect(page.rows.first?.giverName == "Bob Baker")
        #expect(page.rows.first?.receiverName == "Zoë 王 O'Brien")
        let reversal = try l.f.store.findExchanges(ExchangeSearch.parse("wrong slip", today: Fixture.today), offset: 0, limit: 10)
        #expect(reversal.rows.map(\.id) == [r.id])
        #expect(reversal.rows.first?.isReversal == true)
    }

    @Test("A window and the total: the total counts every match, the window only its rows")
    func window() throws {
        let l = try ledger()
        let all = try l.f.store.findExchanges(ExchangeSearch(terms: []), offset: 1, limit: 2)
        #expect(all.total == 4)
        #expect(all.totalIsAtLeast == false)
        #expect(all.rows.map(\.id) == [l.visit.id, l.knit.id])
        #expect(all.rows.first?.categoryName == "")
        let garden = try l.f.store.findExchanges(ExchangeSearch.parse("garden", today: Fixture.today), offset: 0, limit: 1)
        #expect(garden.rows.first?.categoryName == "Planting and growing")
    }

    @Test("An erased member's descriptions leave the index with them")
    func erased() throws {
        let l = try ledger()
        #expect(try find(l, "hospital") == [l.visit.id])
        try l.f.store.erase(member: l.zoe, reason: "asked to be forgotten", balance: .keep, by: l.f.admin)
        #expect(try find(l, "hospital") == [])
        #expect(try find(l, "obrien") == [])
    }
}

/// `timebank check` compares the exchange search index with the ledger, as it does the member search index.
@Suite("Ledger-wide search: check")
struct FindExchangesCheckTests {
    @Test("An index row lost or changed behind the program's back is named by check")
    func checkNamesADamagedIndex() throws {
        let f = try Fixture()
        try f.record(.member(f.ann), .member(f.bob), 60, description: "Hospital visit")
        try f.record(.member(f.bob), .member(f.ann), 30, description: "Shopping")
        #expect(try f.store.check().isEmpty)
        try f.temp.rawQueue().write { db in
            try db.execute(sql: "DELETE FROM exchange_text WHERE rowid = (SELECT min(seq) FROM exchange)")
        }
        #expect(try f.store.check() == ["The exchange search index disagrees with the ledger for 1 exchange."])
    }
}
