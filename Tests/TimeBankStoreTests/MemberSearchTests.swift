import Foundation
import Testing
import TimeBank
@testable import TimeBankStore

/// SPEC: Members screen searches as you type by name, number, phone, postcode, skill; with filters.
@Suite("Finding members")
struct MemberSearchTests {
    struct Bank {
        let f: Fixture
        let zoe: Int, lukasz: Int, school: Int, expired: Int, due: Int, complete: Int

        init() throws {
            f = try Fixture()
            let t = Fixture.today
            zoe = try f.store.addMember(Member(name: "Zoë 王 O'Brien", phone: "07700900123", email: "zoe@example.org", postcode: "GL1 2AB",
                                               area: "Barton", joined: t), by: f.admin).number
            lukasz = try f.store.addMember(Member(name: "Łukasz Nowak", phone: "01452 600700", postcode: "GL4 6XY", joined: t), by: f.admin).number
            school = try f.store.addMember(Member(kind: .organisation, name: "St Mary's School", joined: t, contactPerson: "Mrs Patel"), by: f.admin).number
            expired = try f.store.addMember(Member(name: "Eve Expired", joined: t), by: f.admin).number
            due = try f.store.addMember(Member(name: "Dan Due", joined: t), by: f.admin).number
            complete = try f.store.addMember(Member(name: "Cal Complete", joined: t), by: f.admin).number
            func vetting(review: CalendarDate) -> Vetting {
                Vetting(references: [VettingReference(referee: "A", received: t.adding(days: -400)), VettingReference(referee: "B", received: t.adding(days: -400))],
                        idSeen: t.adding(days: -400), induction: t.adding(days: -400), review: review)
            }
            try f.store.saveVetting(member: expired, vetting(review: t.adding(days: -1)), by: f.admin)
            try f.store.saveVetting(member: due, vetting(review: t.adding(days: 10)), by: f.admin)
            try f.store.saveVetting(member: complete, vetting(review: t.adding(days: 200)), by: f.admin)
            var cal = try #require(try f.store.member(complete)); cal.status = .active
            _ = try f.store.updateMember(cal, by: f.admin)
            let category = try #require(try f.store.categories().first)
            _ = try f.store.addOffer(Offer(member: zoe, categoryID: category.id, title: "Dog walking",
                                           description: "Happy to walk dogs on weekday mornings", created: t), by: f.admin)
            _ = try f.store.addNeed(Need(member: f.bob, categoryID: category.id, title: "Help with shopping", created: t), by: f.admin)
            _ = try f.store.addNeed(Need(member: f.cat, categoryID: category.id, title: "Old need", status: .closed, created: t), by: f.admin)
        }

        func find(_ text: String) throws -> [Int] { try f.store.members(MemberQuery(search: text)).rows.map(\.number) }
        func find(_ q: MemberQuery) throws -> Set<Int> {
            let result = try f.store.members(q, limit: 1000)
            #expect(result.total == result.rows.count)
            return Set(result.rows.map(\.number))
        }
    }

    @Test("Zoë 王 O'Brien is found however her name is typed", arguments: ["zoe", "Zoë", "ZOE", "obrien", "O'Brien", "o’brien", "王", "zo", "zoe obrien", "obr"])
    func byName(text: String) throws {
        let b = try Bank()
        #expect(try b.find(text) == [b.zoe])
    }

    @Test("A phone number typed with or without spaces finds the member", arguments: ["07700 900123", "07700900123", "07700", "0770 0900 123", "01452 600700"])
    func byPhone(text: String) throws {
        let b = try Bank()
        let expected = text.hasPrefix("01452") ? b.lukasz : b.zoe
        #expect(try b.find(text) == [expected])
    }

    @Test("A postcode typed any way finds the member stored as GL1 2AB", arguments: ["gl1 2ab", "GL12AB", "GL1 2AB", "gl12", "gl1  2ab"])
    func byPostcode(text: String) throws {
        let b = try Bank()
        #expect(try b.find(text) == [b.zoe])
        #expect(try b.f.store.member(b.zoe)?.postcode == "GL1 2AB")
    }

    @Test("Words of an offer find the member who offers it", arguments: ["dog", "walking", "dogs mornings"])
    func byOffer(text: String) throws {
        let b = try Bank()
        #expect(try b.find(text) == [b.zoe])
    }

    @Test("Member number and email find the member")
    func byNumberAndEmail() throws {
        let b = try Bank()
        #expect(try b.find(String(b.zoe)) == [b.zoe])
        #expect(try b.find("zoe@example.org") == [b.zoe])
    }

    @Test("Search follows edits: the old name stops matching, the new one matches")
    func reindexOnUpdate() throws {
        let b = try Bank()
        var m = try #require(try b.f.store.member(b.expired))
        m.name = "Evelyn Renamed"
        _ = try b.f.store.updateMember(m, by: b.f.admin)
        #expect(try b.find("evelyn") == [b.expired])
        #expect(try b.find("expired") == [])
    }

    @Test("Typing without the stroke finds Łukasz")
    func strokedLetter() throws {
        let b = try Bank()
        #expect(try b.find("lukasz") == [b.lukasz])
        #expect(try b.find("Łukasz") == [b.lukasz])
    }

    @Test("Search text that looks like FTS syntax is just text", arguments: ["\"", "AND", "zoe OR", "NEAR(", "*", "-zoe", "zoe\"", "'", "王*"])
    func hostileInput(text: String) throws {
        let b = try Bank()
        _ = try b.find(text)
    }

    @Test("Nothing typed lists everyone; nonsense lists no one")
    func emptyAndNothing() throws {
        let b = try Bank()
        #expect(try b.find("").count == 9)
        #expect(try b.find("xqzzy") == [])
    }

    @Test("Filters: status, vetting missing / expired / due soon / complete, open needs, organisations")
    func filters() throws {
        let b = try Bank()
        let everyone: Set<Int> = [b.f.ann, b.f.bob, b.f.cat, b.zoe, b.lukasz, b.school, b.expired, b.due, b.complete]
        #expect(try b.find(MemberQuery()) == everyone)
        #expect(try b.find(MemberQuery(status: .active)) == [b.complete])
        #expect(try b.find(MemberQuery(status: .pending)) == everyone.subtracting([b.complete]))
        #expect(try b.find(MemberQuery(vetting: .expired)) == [b.expired])
        #expect(try b.find(MemberQuery(vetting: .dueSoon)) == [b.due])
        #expect(try b.find(MemberQuery(vetting: .complete)) == [b.due, b.complete])
        #expect(try b.find(MemberQuery(vetting: .missing)) == everyone.subtracting([b.expired, b.due, b.complete]))
        #expect(try b.find(MemberQuery(hasOpenNeeds: true)) == [b.f.bob])
        #expect(try b.find(MemberQuery(kind: .organisation)) == [b.school])
        #expect(try b.find(MemberQuery(area: "Barton")) == [b.zoe])
        #expect(try b.find(MemberQuery(search: "zoe", status: .active)) == [])
    }

    @Test("Rows carry the vetting state, the balance and open needs the list shows")
    func summaries() throws {
        let b = try Bank()
        let rows = try b.f.store.members(MemberQuery(), limit: 100).rows
        func row(_ n: Int) -> MemberSummary? { rows.first { $0.number == n } }
        #expect(row(b.expired)?.vetting == .expired)
        #expect(row(b.due)?.vetting == .complete)
        #expect(row(b.zoe)?.vetting == .missing)
        #expect(row(b.f.bob)?.openNeeds == 1)
        #expect(row(b.f.cat)?.openNeeds == 0)
        #expect(row(b.complete)?.balanceMinutes == 120, "welcome credit")
    }

    @Test("Paging returns the total and one window of the same order")
    func paging() throws {
        let b = try Bank()
        let all = try b.f.store.members(MemberQuery(), offset: 0, limit: 100).rows.map(\.name)
        #expect(all.count == 9)
        let page = try b.f.store.members(MemberQuery(), offset: 3, limit: 2)
        #expect(page.total == 9)
        #expect(page.rows.map(\.name) == Array(all[3..<5]))
    }
}
