import Foundation
import GRDB
import Testing
import TimeBank
@testable import TimeBankStore

/// Issue #11: rows are read through one record type each, and a stored value the type cannot
/// take (a status, kind or role that is none of its words, a timestamp that is no moment, an
/// account that does not exist) ends the read with one sentence naming table, row and column,
/// never a quiet default; `check` names the same row.
@Suite("Stored records")
struct StoredRecordTests {
    /// Ann gave Bob 90 minutes in June last year; Ann has a need for a lift, referred to Cat.
    struct Setup {
        let f: Fixture
        let exchange: Exchange
        let need: Int
        let referral: Int
    }

    static func setup() throws -> Setup {
        let f = try Fixture()
        let exchange = try f.record(.member(f.ann), .member(f.bob), 90, accept: true)
        let category = try #require(try f.store.categories().first).id
        let need = try f.store.addNeed(Need(member: f.ann, categoryID: category, title: "Lift to the shops", created: Fixture.today), by: f.admin).id
        let referral = try f.store.propose(need: need, helper: f.cat, offer: nil, by: f.admin).id
        return Setup(f: f, exchange: exchange, need: need, referral: referral)
    }

    /// Writes as sqlite3 with its CHECK constraints and foreign keys off would, the way a file
    /// edited by hand or by another program gets values the schema never lets the program write.
    static func plant(_ f: Fixture, _ sql: String) throws {
        try f.temp.rawQueue().writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON; PRAGMA foreign_keys = OFF")
            try db.execute(sql: sql)
        }
    }

    static let memberStatuses = "'pending', 'active', 'on-hold', 'left'"
    static let listingStatuses = "'open', 'matched', 'closed'"
    static let referralStatuses = "'proposed', 'contacted', 'agreed', 'done', 'declined', 'cancelled'"

    @Test("A member status that is none of the four: the member and the members list refuse with the sentence, check names it")
    func unknownMemberStatus() throws {
        let s = try Self.setup()
        let f = s.f
        try Self.plant(f, "UPDATE member SET status = 'gone' WHERE number = \(f.cat)")
        let sentence = StoreError.damaged("member \(f.cat) has status 'gone', which is not one of \(Self.memberStatuses); run 'timebank check'.")
        #expect(throws: sentence) { try f.store.member(f.cat) }
        #expect(throws: sentence) { try f.store.members(MemberQuery()) }
        #expect(try f.store.check().contains("member \(f.cat): status 'gone' is not one of \(Self.memberStatuses)."))
    }

    @Test("A member kind that is neither person nor organisation is refused, not read as a person")
    func unknownMemberKind() throws {
        let s = try Self.setup()
        let f = s.f
        try Self.plant(f, "UPDATE member SET kind = 'robot' WHERE number = \(f.bob)")
        let sentence = StoreError.damaged("member \(f.bob) has kind 'robot', which is not one of 'person', 'organisation'; run 'timebank check'.")
        #expect(throws: sentence) { try f.store.member(f.bob) }
        #expect(throws: sentence) { try f.store.members(MemberQuery(search: "Bob")) }
        #expect(try f.store.check().contains("member \(f.bob): kind 'robot' is not one of 'person', 'organisation'."))
    }

    @Test("How a member came that is none of the answers is refused, not read as unanswered")
    func unknownCameThrough() throws {
        let s = try Self.setup()
        let f = s.f
        try Self.plant(f, "UPDATE member SET came_through = 'by balloon' WHERE number = \(f.ann)")
        let answers = "'self', 'friend-or-family', 'gp-or-social-prescriber', 'council-or-social-services', 'housing', 'charity-or-group', 'other'"
        #expect(throws: StoreError.damaged("member \(f.ann) has came_through 'by balloon', which is not one of \(answers); run 'timebank check'.")) {
            try f.store.member(f.ann)
        }
        #expect(try f.store.check().contains("member \(f.ann): came_through 'by balloon' is not one of \(answers)."))
    }

    @Test("An account of no known kind is refused when its exchanges are read, not read as a member or the pot")
    func unknownAccountKind() throws {
        let s = try Self.setup()
        let f = s.f
        let id = s.exchange.id.uuidString.lowercased()
        try Self.plant(f, "UPDATE account SET kind = 'bank' WHERE member = \(f.bob)")
        #expect(throws: StoreError.damaged("exchange \(id) has receiver '\(try Self.accountID(f, f.bob))', which is not an account; run 'timebank check'.")) {
            try f.store.exchange(id: s.exchange.id)
        }
        #expect(try f.store.check().contains("account \(try Self.accountID(f, f.bob)): kind 'bank' is not one of 'member', 'pot', 'opening'."))
    }

    static func accountID(_ f: Fixture, _ member: Int) throws -> Int64 {
        try f.temp.rawQueue().read { db in try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE member = ?", arguments: [member]) } ?? 0
    }

    @Test("A need status that is none of the three is refused by the needs, the listing and matching, not read as open")
    func unknownNeedStatus() throws {
        let s = try Self.setup()
        let f = s.f
        try Self.plant(f, "UPDATE need SET status = 'paused' WHERE id = \(s.need)")
        let sentence = StoreError.damaged("need \(s.need) has status 'paused', which is not one of \(Self.listingStatuses); run 'timebank check'.")
        #expect(throws: sentence) { try f.store.needs() }
        #expect(throws: sentence) { try f.store.listing(.need, id: s.need) }
        #expect(throws: sentence) { try f.store.rankHelpers(forNeed: s.need) }
        #expect(try f.store.check().contains("need \(s.need): status 'paused' is not one of \(Self.listingStatuses)."))
    }

    @Test("A referral status and a step status that are no status are refused, not read as proposed")
    func unknownReferralStatus() throws {
        let s = try Self.setup()
        let f = s.f
        try Self.plant(f, "UPDATE referral SET status = 'lost' WHERE id = \(s.referral); UPDATE referral_step SET status = 'lost' WHERE referral = \(s.referral)")
        let sentence = StoreError.damaged("referral \(s.referral) has status 'lost', which is not one of \(Self.referralStatuses); run 'timebank check'.")
        #expect(throws: sentence) { try f.store.referrals() }
        #expect(throws: sentence) { try f.store.referralRow(s.referral) }
        #expect(performing: { try f.store.referralSteps(s.referral) }, throws: { error in
            guard case StoreError.damaged(let text) = error else { return false }
            return text.hasPrefix("referral_step ") && text.hasSuffix(" has status 'lost', which is not one of \(Self.referralStatuses); run 'timebank check'.")
        })
        let problems = try f.store.check()
        #expect(problems.contains("referral \(s.referral): status 'lost' is not one of \(Self.referralStatuses)."), "\(problems)")
        #expect(problems.contains { $0.hasPrefix("referral_step ") && $0.hasSuffix(": status 'lost' is not one of \(Self.referralStatuses).") })
    }

    @Test("A broker role that is none of the three is refused, not read as a viewer")
    func unknownBrokerRole() throws {
        let s = try Self.setup()
        let f = s.f
        try Self.plant(f, "UPDATE broker SET role = 'superuser' WHERE username = 'alice'")
        let sentence = StoreError.damaged("broker \(f.admin.id) has role 'superuser', which is not one of 'admin', 'broker', 'viewer'; run 'timebank check'.")
        #expect(throws: sentence) { try f.store.brokers() }
        #expect(throws: sentence) { try f.store.broker(username: "alice") }
        #expect(try f.store.check().contains("broker \(f.admin.id): role 'superuser' is not one of 'admin', 'broker', 'viewer'."))
    }

    @Test("A recorded-at that is no moment: the exchange, the statement and the ledger refuse it instead of saying 1970", arguments: [
        "yesterday", "2026-02-30T10:00:00.000Z", "2026-11-29T25:00:00.000Z", "",
    ])
    func recordedAtNotAMoment(text: String) throws {
        let s = try Self.setup()
        let f = s.f
        let id = s.exchange.id.uuidString.lowercased()
        try Self.plant(f, "DROP TRIGGER exchange_no_update; UPDATE exchange SET recorded_at = '\(text)' WHERE id = '\(id)'")
        let sentence = StoreError.damaged("exchange \(id) has recorded_at '\(text)', which is not a UTC timestamp; run 'timebank check'.")
        #expect(throws: sentence) { try f.store.exchange(id: s.exchange.id) }
        #expect(throws: sentence) { try f.store.statement(for: .member(f.ann)) }
        #expect(throws: sentence) { try f.store.forEachExchange { _ in } }
        #expect(throws: sentence) { try f.store.exchange(idOrPrefix: String(id.prefix(8))) }
        #expect(try f.store.check().contains("exchange \(id): recorded_at '\(text)' is not a UTC timestamp."))
    }

    @Test("The timestamps the program writes are read back to the millisecond")
    func timestampsRoundTrip() throws {
        let s = try Self.setup()
        let stored = try s.f.temp.rawQueue().read { db in
            try String.fetchOne(db, sql: "SELECT recorded_at FROM exchange WHERE id = ?", arguments: [s.exchange.id.uuidString.lowercased()])
        }
        #expect(Store.storedTimestamp("2026-11-29T10:15:07.250Z") == Date(timeIntervalSince1970: 1_795_947_307.25))
        for text in ["2026-11-29T10:15:07.000Z", "2026-11-29T10:15:07.001Z", "2026-11-30T02:17:11.303Z", "2026-11-29T23:59:59.999Z"] {
            #expect(Store.storedTimestamp(text).map { Store.timestamp($0) } == text)
        }
        let read = try #require(try s.f.store.exchange(id: s.exchange.id))
        #expect(Store.timestamp(read.recordedAt) == stored)
    }

    @Test("A referral updated at no moment is refused by the referral lists, check names it")
    func referralTimestamp() throws {
        let s = try Self.setup()
        let f = s.f
        try Self.plant(f, "UPDATE referral SET updated_at = '2026-13-01T00:00:00.000Z' WHERE id = \(s.referral)")
        let sentence = StoreError.damaged("referral \(s.referral) has updated_at '2026-13-01T00:00:00.000Z', which is not a UTC timestamp; run 'timebank check'.")
        #expect(throws: sentence) { try f.store.referrals() }
        #expect(throws: sentence) { try f.store.referralRows() }
        #expect(try f.store.check().contains("referral \(s.referral): updated_at '2026-13-01T00:00:00.000Z' is not a UTC timestamp."))
    }

    @Test("An exchange whose giver is no account is refused, not read as the community pot")
    func missingAccount() throws {
        let s = try Self.setup()
        let f = s.f
        let id = s.exchange.id.uuidString.lowercased()
        try Self.plant(f, "DROP TRIGGER exchange_no_update; UPDATE exchange SET giver = 999 WHERE id = '\(id)'")
        let sentence = StoreError.damaged("exchange \(id) has giver '999', which is not an account; run 'timebank check'.")
        #expect(throws: sentence) { try f.store.statement(for: .member(f.bob)) }
        #expect(throws: sentence) { try f.store.forEachExchange { _ in } }
        #expect(try f.store.check().contains { $0.hasSuffix("of exchange points at a missing row in account.") })
    }

    @Test("Minutes that are text: the statement refuses the exchange instead of stopping the program, check names it")
    func minutesNotANumber() throws {
        let s = try Self.setup()
        let f = s.f
        let id = s.exchange.id.uuidString.lowercased()
        try Self.plant(f, "DROP TRIGGER exchange_no_update; UPDATE exchange SET minutes = 'lots' WHERE id = '\(id)'")
        let sentence = StoreError.damaged("exchange \(id) has minutes 'lots', which is not a whole number; run 'timebank check'.")
        #expect(throws: sentence) { try f.store.statement(for: .member(f.ann)) }
        #expect(throws: sentence) { try f.store.exchange(id: s.exchange.id) }
        #expect(try f.store.check().contains("exchange \(id): minutes 'lots' is not a whole number."))
    }

    @Test("A reference received on no day is refused, not dropped from the member's vetting")
    func referenceDate() throws {
        let s = try Self.setup()
        let f = s.f
        try Self.plant(f, """
            DROP TRIGGER vetting_reference_received_is_a_day_insert;
            INSERT INTO vetting_reference (id, member, referee, received) VALUES (41, \(f.ann), 'Dr Who', '2026-02-30')
            """)
        let sentence = StoreError.damaged("vetting_reference 41 has received '2026-02-30', which is not a day in the calendar; run 'timebank check'.")
        #expect(throws: sentence) { try f.store.vetting(member: f.ann) }
        #expect(try f.store.check().contains("vetting_reference 41: received '2026-02-30' is not a day in the calendar."))
    }

    @Test("A healthy time bank with a need, a referral and its steps has no findings")
    func healthy() throws {
        #expect(try Self.setup().f.store.check() == [])
    }
}
