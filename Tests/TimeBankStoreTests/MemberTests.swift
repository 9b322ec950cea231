import Foundation
import Testing
import TimeBank
@testable import TimeBankStore

/// SPEC: no edit is silently lost (the second save is told and shown what changed); vetting before matching;
/// a welcome credit from the pot after induction; notes timestamped and signed.
@Suite("Members")
struct MemberTests {
    static func completeVetting(review: CalendarDate? = nil) -> Vetting {
        let t = Fixture.today
        return Vetting(references: [VettingReference(referee: "Rev. Green", received: t.adding(days: -20)),
                                    VettingReference(referee: "Dr Patel", received: t.adding(days: -18))],
                       idSeen: t.adding(days: -25), induction: t.adding(days: -10), review: review ?? t.adding(days: 365))
    }

    @Test("Adding a member gives a number, version 1, a normalised postcode and an account at zero")
    func add() throws {
        let f = try Fixture()
        let m = try f.store.addMember(Member(name: "  Zoë Brown ", phone: "07700 900123", postcode: "gl12ab", joined: Fixture.today), by: f.admin)
        #expect(m.number > f.cat)
        #expect(m.name == "Zoë Brown")
        #expect(m.postcode == "GL1 2AB")
        #expect(m.version == 1)
        #expect(m.status == .pending)
        #expect(try f.store.balance(.member(m.number)).balanceMinutes == 0)
        #expect(try f.store.member(m.number) == m)
    }

    @Test("Invalid members are refused with every problem, and nothing is saved")
    func invalid() throws {
        let f = try Fixture()
        let before = try f.snapshot()
        do {
            _ = try f.store.addMember(Member(name: " ", email: "nope", postcode: "XYZ", joined: Fixture.today), by: f.admin)
            Issue.record("expected invalidMember")
        } catch StoreError.invalidMember(let problems) {
            #expect(Set(problems.map(\.field)) == [.name, .email, .postcode])
        }
        #expect(try f.snapshot() == before)
    }

    @Test("A save from a stale version names the other broker and the fields they changed, and overwrites nothing")
    func staleVersion() throws {
        let f = try Fixture()
        _ = try f.store.addBroker(username: "bob", displayName: "Bob Broker", role: .broker, by: f.admin)
        let bobBroker = try f.store.signIn(username: "bob")
        let start = try #require(try f.store.member(f.ann))
        var theirs = start
        theirs.phone = "01452 123456"
        theirs.area = "Tredworth"
        let saved = try f.store.updateMember(theirs, by: bobBroker)
        #expect(saved.version == start.version + 1)

        var mine = start
        mine.email = "ann@example.org"
        let before = try f.snapshot()
        do {
            _ = try f.store.updateMember(mine, by: f.admin)
            Issue.record("expected memberChanged")
        } catch StoreError.memberChanged(let c) {
            #expect(c.member == f.ann)
            #expect(c.otherBroker == "Bob Broker")
            #expect(Set(c.changes.map(\.field)) == ["Phone", "Area"])
            #expect(c.changes.first { $0.field == "Phone" }?.after == "01452 123456")
            #expect(c.description.contains("Bob Broker"))
            #expect(c.description.contains("Phone"))
            #expect(c.description.contains("Area"))
        }
        #expect(try f.snapshot() == before)
        let now = try #require(try f.store.member(f.ann))
        #expect(now == saved)
        #expect(now.email == "")
        // Starting again from the current version works and keeps both edits.
        var retry = now
        retry.email = "ann@example.org"
        let merged = try f.store.updateMember(retry, by: f.admin)
        #expect(merged.phone == "01452 123456" && merged.email == "ann@example.org" && merged.version == now.version + 1)
    }

    @Test("Pending to active requires complete vetting and says what is missing")
    func activationNeedsVetting() throws {
        let f = try Fixture()
        var m = try #require(try f.store.member(f.ann))
        m.status = .active
        let before = try f.snapshot()
        do {
            _ = try f.store.updateMember(m, by: f.admin)
            Issue.record("expected a refusal")
        } catch StoreError.invalid(let message) {
            #expect(message.contains("Ann Archer"))
            #expect(message.contains("2 references to take up"))
            #expect(message.contains("ID not seen"))
            #expect(message.contains("induction not attended"))
        }
        #expect(try f.snapshot() == before)
        #expect(try f.store.member(f.ann)?.status == .pending)

        var expired = Self.completeVetting(review: Fixture.today.adding(days: -1))
        try f.store.saveVetting(member: f.ann, expired, by: f.admin)
        #expect(throws: StoreError.self) { try f.store.updateMember(m, by: f.admin) }
        expired.review = Fixture.today.adding(days: 200)
        try f.store.saveVetting(member: f.ann, expired, by: f.admin)
        #expect(try f.store.vetting(member: f.ann) == expired)
        let active = try f.store.updateMember(m, by: f.admin)
        #expect(active.status == .active)
    }

    @Test("Becoming active grants the welcome credit from the pot, once")
    func welcomeCredit() throws {
        let f = try Fixture(welcomeCredit: 120)
        try f.store.saveVetting(member: f.ann, Self.completeVetting(), by: f.admin)
        var m = try #require(try f.store.member(f.ann))
        m.status = .active
        m = try f.store.updateMember(m, by: f.admin)
        #expect(try f.balance(.member(f.ann)) == 120)
        #expect(try f.balance(.pot) == -120)
        m.status = .onHold; m.statusReason = "In hospital"
        m = try f.store.updateMember(m, by: f.admin)
        m.status = .active
        m = try f.store.updateMember(m, by: f.admin)
        m.status = .pending
        m = try f.store.updateMember(m, by: f.admin)
        m.status = .active
        m = try f.store.updateMember(m, by: f.admin)
        #expect(try f.balance(.member(f.ann)) == 120)
        #expect(try f.store.exchangeCount() == 1)
        #expect(try f.store.check() == [])
    }

    @Test("No welcome credit when the setting is zero")
    func noWelcomeCredit() throws {
        let f = try Fixture(welcomeCredit: 0)
        try f.store.saveVetting(member: f.ann, Self.completeVetting(), by: f.admin)
        var m = try #require(try f.store.member(f.ann))
        m.status = .active
        _ = try f.store.updateMember(m, by: f.admin)
        #expect(try f.store.exchangeCount() == 0)
    }

    @Test("Notes are signed, timestamped, newest first, and never empty")
    func notes() throws {
        let f = try Fixture()
        try f.store.addNote(member: f.ann, text: "First call", by: f.admin)
        try f.store.addNote(member: f.ann, text: "  Second call  ", by: f.admin)
        let notes = try f.store.notes(member: f.ann)
        #expect(notes.map(\.text) == ["Second call", "First call"])
        #expect(notes.allSatisfy { $0.broker == "alice" && !$0.at.isEmpty })
        #expect(throws: StoreError.invalid("A note cannot be empty.")) { try f.store.addNote(member: f.ann, text: " \n ", by: f.admin) }
        #expect(throws: StoreError.memberNotFound(4242)) { try f.store.addNote(member: 4242, text: "x", by: f.admin) }
    }
}
