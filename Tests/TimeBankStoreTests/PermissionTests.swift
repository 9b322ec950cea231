import Foundation
import Testing
import TimeBank
@testable import TimeBankStore

/// Who may do what, as the store enforces it for every kind of write, whoever calls it.
@Suite("Roles decide every write")
struct PermissionTests {
    /// One kind of write, the least role that may make it, and how it reads in a refusal.
    struct Write: CustomStringConvertible, Sendable {
        var name: String
        var needs: BrokerRole
        var phrase: String
        /// What must exist first, written by the admin before the attempt is measured.
        var setUp: @Sendable (Fixture) throws -> Void = { _ in }
        var perform: @Sendable (Fixture, Broker) throws -> Void
        var description: String { name }
    }

    static let recorded = UUID(uuidString: "6f1c2a8e-0000-4000-8000-000000000001")!

    static let lastYear = Fixture.lastYear

    static let writes: [Write] = [
        Write(name: "sign up a member", needs: .broker, phrase: "change members") { f, b in
            _ = try f.store.addMember(Member(name: "Dan Dyer", joined: day(lastYear, 2, 1)), by: b)
        },
        Write(name: "edit a member", needs: .broker, phrase: "change members") { f, b in
            var m = try #require(try f.store.member(f.ann))
            m.phone = "01452 000000"
            _ = try f.store.updateMember(m, by: b)
        },
        Write(name: "write a note", needs: .broker, phrase: "write notes") { f, b in
            try f.store.addNote(member: f.ann, text: "Rang about Tuesday.", by: b)
        },
        Write(name: "record vetting", needs: .broker, phrase: "record vetting") { f, b in
            try f.store.saveVetting(member: f.ann, Vetting(idSeen: day(lastYear, 2, 2)), by: b)
        },
        Write(name: "add an offer", needs: .broker, phrase: "change offers and needs") { f, b in
            _ = try f.store.addOffer(Offer(member: f.ann, categoryID: try PermissionTests.category(f), title: "Dog walking", created: day(lastYear, 2, 3)), by: b)
        },
        Write(name: "add a need", needs: .broker, phrase: "change offers and needs") { f, b in
            _ = try f.store.addNeed(Need(member: f.bob, categoryID: try PermissionTests.category(f), title: "Dog walked", created: day(lastYear, 2, 3)), by: b)
        },
        Write(name: "close an offer", needs: .broker, phrase: "change offers and needs", setUp: { f in
            _ = try f.store.addOffer(Offer(member: f.ann, categoryID: try PermissionTests.category(f), title: "Dog walking", created: day(lastYear, 2, 3)), by: f.admin)
        }) { f, b in
            let o = try #require(try f.store.offers(member: f.ann).last)
            try f.store.setStatus(.offer, id: o.id, to: .closed, by: b)
        },
        Write(name: "propose a referral", needs: .broker, phrase: "make or move referrals", setUp: { f in
            _ = try f.store.addNeed(Need(member: f.bob, categoryID: try PermissionTests.category(f), title: "Dog walked", created: day(lastYear, 2, 3)), by: f.admin)
        }) { f, b in
            let n = try #require(try f.store.needs(member: f.bob).last)
            _ = try f.store.propose(need: n.id, helper: f.ann, offer: nil, by: b)
        },
        Write(name: "record hours", needs: .broker, phrase: "record hours") { f, b in
            _ = try f.store.record(ExchangeRequest(date: day(lastYear, 3, 3), giver: .member(f.ann), receiver: .member(f.bob), minutes: 60), by: b)
        },
        Write(name: "record a group activity", needs: .broker, phrase: "record hours") { f, b in
            _ = try f.store.recordGroup([
                ExchangeRequest(date: day(lastYear, 3, 3), giver: .member(f.ann), receiver: .member(f.bob), minutes: 30),
                ExchangeRequest(date: day(lastYear, 3, 3), giver: .member(f.ann), receiver: .member(f.cat), minutes: 30),
            ], by: b)
        },
        Write(name: "reverse hours", needs: .broker, phrase: "reverse hours", setUp: { f in
            try f.record(.member(f.ann), .member(f.bob), 60, id: recorded)
        }) { f, b in
            _ = try f.store.reverse(recorded, reason: "Wrong day", date: .today(), by: b)
        },
        Write(name: "close a month", needs: .admin, phrase: "close a month") { f, b in
            try f.store.closeMonth("\(lastYear)-01", by: b)
        },
        Write(name: "edit a category", needs: .admin, phrase: "edit the categories") { f, b in
            _ = try f.store.saveCategory(Category(code: "pets.walking", group: "Pets", name: "Dog walking"), by: b)
        },
        Write(name: "change a setting", needs: .admin, phrase: "change settings") { f, b in
            _ = try f.store.updateSetting(.idleLockMinutes, to: "10", by: b)
        },
        Write(name: "add a broker", needs: .admin, phrase: "manage brokers") { f, b in
            _ = try f.store.addBroker(username: "eve", displayName: "Eve", role: .broker, by: b)
        },
        Write(name: "change another broker's role", needs: .admin, phrase: "change a broker's role") { f, b in
            try f.store.setRole(username: "other", to: .viewer, by: b)
        },
        Write(name: "mark a shared login", needs: .admin, phrase: "manage brokers") { f, b in
            try f.store.markSharedLogin("centre", by: b)
        },
        Write(name: "link a broker to a member", needs: .admin, phrase: "manage brokers") { f, b in
            try f.store.linkMember(username: "other", to: f.cat, by: b)
        },
        Write(name: "set another broker's PIN", needs: .admin, phrase: "manage brokers") { f, b in
            try f.store.setPin(username: "other", to: PinSecret(bytes: Array("482916".utf8)), by: b, iterations: 1000)
        },
    ]

    static func category(_ f: Fixture) throws -> Int {
        try #require(try f.store.categories().first).id
    }

    /// A fixture with an acting broker of `role` and another broker to act on.
    static func fixture(role: BrokerRole) throws -> (Fixture, Broker) {
        let f = try Fixture()
        _ = try f.store.addBroker(username: "other", displayName: "Other Broker", role: .broker, by: f.admin)
        let actor = role == .admin ? f.admin : try f.store.addBroker(username: "actor", displayName: "Actor", role: role, by: f.admin)
        return (f, actor)
    }

    @Test("Each role makes each kind of write it may, and is refused the others in one sentence that writes nothing",
          arguments: [BrokerRole.admin, .broker, .viewer], writes)
    func roleTimesWrite(role: BrokerRole, write: Write) throws {
        let (f, actor) = try Self.fixture(role: role)
        try write.setUp(f)
        let mayWrite = role == .admin || (role == .broker && write.needs == .broker)
        if mayWrite {
            try write.perform(f, actor)
            return
        }
        let before = try f.store.revision()
        let who = write.needs == .admin ? "an admin" : "a broker or an admin"
        let sentence = "Only \(who) can \(write.phrase); you are a \(role.rawValue)."
        do {
            try write.perform(f, actor)
            Issue.record("\(role) could \(write.name)")
        } catch let error as StoreError {
            #expect(error.description == sentence)
        }
        #expect(try f.store.revision() == before)
    }

    @Test("A role taken away while the console is open is obeyed at the next write")
    func roleIsReadAtEachWrite() throws {
        let (f, bob) = try Self.fixture(role: .broker)
        try f.store.setRole(username: bob.username, to: .viewer, by: f.admin)
        #expect(throws: StoreError.refused(.roleNeeded(.broker, action: "record hours", have: .viewer))) {
            try f.store.record(ExchangeRequest(date: day(Self.lastYear, 3, 3), giver: .member(f.ann), receiver: .member(f.bob), minutes: 60), by: bob)
        }
    }

    @Test("A broker who is also a member never records or reverses an exchange of their own account")
    func ownExchange() throws {
        let (f, bob) = try Self.fixture(role: .broker)
        try f.store.linkMember(username: bob.username, to: f.ann, by: f.admin)
        let before = try f.store.revision()
        #expect(throws: StoreError.refused(.ownExchange(action: "record an exchange"))) {
            try f.store.record(ExchangeRequest(date: day(Self.lastYear, 3, 3), giver: .member(f.ann), receiver: .member(f.bob), minutes: 60), by: bob)
        }
        #expect(throws: StoreError.refused(.ownExchange(action: "record an exchange"))) {
            try f.store.recordGroup([ExchangeRequest(date: day(Self.lastYear, 3, 3), giver: .member(f.cat), receiver: .member(f.ann), minutes: 60)], by: bob)
        }
        #expect(try f.store.revision() == before)
        let theirs = try f.record(.member(f.bob), .member(f.ann), 60)
        let afterColleague = try f.store.revision()
        #expect(throws: StoreError.refused(.ownExchange(action: "reverse an exchange"))) {
            try f.store.reverse(theirs.id, reason: "Mine", date: .today(), by: bob)
        }
        #expect(try f.store.revision() == afterColleague)
        // Other members' hours are theirs to record as usual.
        _ = try f.store.record(ExchangeRequest(date: day(Self.lastYear, 3, 3), giver: .member(f.bob), receiver: .member(f.cat), minutes: 60), by: bob)
        #expect(StoreError.refused(.ownExchange(action: "record an exchange")).description
                == "You cannot record an exchange in which you are giver or receiver; ask another broker.")
    }

    @Test("Nobody changes their own role, not even an admin")
    func ownRole() throws {
        let f = try Fixture()
        #expect(throws: StoreError.refused(.ownRole)) { try f.store.setRole(username: f.admin.username, to: .viewer, by: f.admin) }
        #expect(try f.store.broker(username: f.admin.username)?.role == .admin)
    }
}
