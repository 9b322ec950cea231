import Foundation
import GRDB
import Testing
import TimeBank
@testable import TimeBankStore

/// Erasure on request and subject access, against the real file.
@Suite("Erasure and subject access")
struct ErasureTests {
    static let personal = ["Zoë 王 O'Brien", "Zozo", "07700 900321", "zoe.obrien@example.org", "12 Quayside Lane",
                           "Needs a quiet room for visits", "Sews curtains beautifully", "Curtain hemming for Zoë",
                           "Hems by hand at her kitchen table", "Zoë will bring her own pins to Ann's"]

    /// A member with something in every kind of personal record, who exchanged hours with Ann.
    func zoe(_ f: Fixture) throws -> Int {
        var m = Member(name: Self.personal[0], preferredName: Self.personal[1], phone: Self.personal[2], email: Self.personal[3],
                       address: Self.personal[4], postcode: "GL1 2AB", area: "Westgate", joined: day(Fixture.lastYear, 1, 1),
                       demographics: Demographics(ageBand: "35-44", gender: "female", cameThrough: .gpOrSocialPrescriber))
        m.doNotMatch = [f.bob]
        let n = try f.store.addMember(m, by: f.admin).number
        try f.store.addNote(member: n, text: Self.personal[5], by: f.admin)
        let category = try #require(try f.store.categories().first).id
        var offer = try f.store.addOffer(Offer(member: n, categoryID: category, title: Self.personal[6], created: day(Fixture.lastYear, 2, 1)), by: f.admin)
        // An edit is kept in the audit log with the text before and after.
        offer.description = Self.personal[8]
        offer = try f.store.updateOffer(offer, by: f.admin)
        // A referral to Ann's need, with a signed note that names Zoë.
        let need = try f.store.addNeed(Need(member: f.ann, categoryID: category, title: "Curtains taken up", created: day(Fixture.lastYear, 2, 2)),
                                       by: f.admin)
        let referral = try f.store.propose(need: need.id, helper: n, offer: offer.id, by: f.admin)
        try f.store.addNote(referral: referral.id, note: Self.personal[9], by: f.admin)
        try f.store.saveVetting(member: n, Vetting(references: [VettingReference(referee: "Mrs Referee Quayside", received: day(Fixture.lastYear, 1, 5))]),
                                by: f.admin)
        try f.record(.member(n), .member(f.ann), 90, description: Self.personal[7], accept: true)
        try f.record(.member(f.bob), .member(n), 30, accept: true)
        return n
    }

    func figures(_ f: Fixture) throws -> [String] {
        try f.temp.rawQueue().read { db in
            try String.fetchAll(db, sql: """
                SELECT 'a' || id || ':' || given_minutes || '/' || received_minutes FROM account
                UNION ALL SELECT 'm' || month || category || with_pot || ':' || minutes || '/' || exchanges FROM month_total
                ORDER BY 1
                """)
        }
    }

    func bytes(_ path: String) -> [UInt8] {
        (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))) ?? []
    }

    func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard !n.isEmpty, haystack.count >= n.count else { return false }
        return (0...(haystack.count - n.count)).contains { i in haystack[i] == n[0] && Array(haystack[i..<(i + n.count)]) == n }
    }

    @Test("After erasure the member is 'Former member N', balances and report figures are unchanged, and no former string is in the file or its WAL")
    func erasure() throws {
        let f = try Fixture()
        let n = try zoe(f)
        let before = try figures(f)
        let file = bytes(f.temp.path) + bytes(f.temp.path + "-wal")
        #expect(contains(file, Self.personal[0]), "the test must see the name in the file before erasure")
        try f.store.erase(member: n, reason: "Asked in writing", balance: .keep, by: f.admin)
        #expect(try figures(f) == before)
        #expect(try f.store.check() == [])
        let m = try #require(try f.store.member(n))
        #expect(m.name == "Former member \(n)" && m.phone.isEmpty && m.email.isEmpty && m.doNotMatch.isEmpty && m.demographics == Demographics())
        #expect(try f.store.notes(member: n).isEmpty)
        #expect(try f.store.vetting(member: n).references.isEmpty)
        let after = bytes(f.temp.path) + bytes(f.temp.path + "-wal")
        for s in Self.personal + ["Mrs Referee Quayside"] {
            #expect(!contains(after, s), "'\(s)' is still in the database file")
        }
        for word in ["zoe", "obrien", "07700900321", "quayside"] {
            #expect(try f.store.members(MemberQuery(search: word)).rows.isEmpty, "search still finds '\(word)'")
        }
        let audit = try f.store.auditLog(limit: 1000)
        let erase = try #require(audit.first { $0.action == "erase" })
        #expect(erase.broker == f.admin.username && erase.entityID == String(n) && erase.details.contains("Asked in writing"))
        for entry in audit { for s in Self.personal { #expect(!entry.details.contains(s)) } }
    }

    @Test("A balance must be donated or kept; donating moves it to the pot with an entry")
    func balanceChoice() throws {
        let f = try Fixture()
        let n = try zoe(f)
        #expect(throws: StoreError.self) { try f.store.erase(member: n, reason: "Asked", balance: nil, by: f.admin) }
        #expect(try f.store.member(n)?.name == Self.personal[0], "a refused erasure changes nothing")
        let pot = try f.store.balance(.pot).balanceMinutes
        try f.store.erase(member: n, reason: "Asked", balance: .donate, by: f.admin)
        #expect(try f.store.balance(.member(n)).balanceMinutes == 0)
        #expect(try f.store.balance(.pot).balanceMinutes == pot + 60)
        #expect(try f.store.check() == [])
    }

    @Test("Only an admin erases; a reason repeating the member's details is refused")
    func permissions() throws {
        let f = try Fixture()
        let n = try zoe(f)
        let broker = try f.store.addBroker(username: "bea", displayName: "Bea Broker", role: .broker, by: f.admin)
        let refusal = #expect(throws: StoreError.refused(.roleNeeded(.admin, action: "erase a member's personal data", have: .broker))) {
            try f.store.erase(member: n, reason: "Asked", balance: .keep, by: broker)
        }
        #expect(refusal?.description == "Only an admin can erase a member's personal data; you are a broker.")
        #expect(throws: StoreError.self) { try f.store.erase(member: n, reason: "Zoë 王 O'Brien asked", balance: .keep, by: f.admin) }
        #expect(try f.store.member(n)?.name == Self.personal[0])
    }

    @Test("The append-only guards still refuse every change but emptying an erased member's text")
    func guards() throws {
        let f = try Fixture()
        let n = try zoe(f)
        let other = try f.record(.member(f.ann), .member(f.bob), 15, description: "Not Zoë's")
        let raw = try f.temp.rawQueue()
        // Before erasure, not even the description may be emptied.
        #expect(throws: DatabaseError.self) { try raw.write { try $0.execute(sql: "UPDATE exchange SET description = '' WHERE description <> ''") } }
        try f.store.erase(member: n, reason: "Asked", balance: .keep, by: f.admin)
        #expect(throws: DatabaseError.self) { try raw.write { try $0.execute(sql: "UPDATE exchange SET minutes = minutes + 1") } }
        #expect(throws: DatabaseError.self) {
            try raw.write { try $0.execute(sql: "UPDATE exchange SET description = '' WHERE id = ?", arguments: [other.id.uuidString.lowercased()]) }
        }
        #expect(throws: DatabaseError.self) { try raw.write { try $0.execute(sql: "DELETE FROM exchange") } }
        #expect(throws: DatabaseError.self) { try raw.write { try $0.execute(sql: "UPDATE audit SET details = 'x'") } }
        #expect(throws: DatabaseError.self) { try raw.write { try $0.execute(sql: "UPDATE audit SET details = '' WHERE entity <> 'member'") } }
        #expect(throws: DatabaseError.self) { try raw.write { try $0.execute(sql: "DELETE FROM audit") } }
    }

    @Test("A subject-access record holds every part; counterparties are 'another member' unless the setting names them")
    func subjectAccess() throws {
        let f = try Fixture()
        let n = try zoe(f)
        let record = try f.store.subjectAccess(member: n)
        #expect(record.member.name == Self.personal[0])
        #expect(record.notes.map(\.text) == [Self.personal[5]])
        #expect(record.offers.map(\.title) == [Self.personal[6]])
        #expect(record.vetting.references.count == 1)
        #expect(record.exchanges.map(\.direction) == ["given", "received"])
        #expect(record.exchanges.map(\.counterparty) == ["another member", "another member"])
        #expect(record.exchanges.map(\.minutes) == [90, 30])
        #expect(!record.audit.isEmpty)
        try f.store.updatePrivacySettings(PrivacySettings(retentionYears: 6, namesCounterparties: true), by: f.admin)
        #expect(try f.store.subjectAccess(member: n).exchanges.first?.counterparty == "Ann Archer (\(f.ann))")
    }

    @Test("Members who left longer ago than the retention period are due for erasure")
    func retention() throws {
        let f = try Fixture()
        var m = try #require(try f.store.member(f.ann))
        m.status = .left
        m.statusReason = "Moved away"
        _ = try f.store.updateMember(m, by: f.admin)
        let today = CalendarDate.today()
        #expect(try f.store.membersDueForErasure(today: today).isEmpty)
        let due = try f.store.membersDueForErasure(today: today.adding(days: 6 * 366 + 1))
        #expect(due.map(\.number) == [f.ann])
        #expect(try f.store.todayLists(today: today.adding(days: 6 * 366 + 1)).dueForErasure.map(\.number) == [f.ann])
        try f.store.updatePrivacySettings(PrivacySettings(retentionYears: 1), by: f.admin)
        #expect(try f.store.membersDueForErasure(today: today.adding(days: 367)).map(\.number) == [f.ann])
    }
}
