import Foundation
import GRDB
import Testing
import TimeBank
@testable import TimeBankStore

/// A fresh database file in a folder of its own, removed when the test ends.
private final class TempStore {
    let folder: URL
    let store: Store
    let broker: Broker

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try Store(path: folder.appendingPathComponent("timebank.sqlite").path)
        broker = try store.signIn(username: "tester", displayName: "Test Broker")
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

private let fixedToday = CalendarDate(year: 2026, month: 3, day: 15)!

/// Everything a broker could see, in a comparable form.
private struct Snapshot: Equatable {
    var exchanges: [Exchange] = []
    var members: [Member] = []
    var balances: [AccountBalance] = []
    var offers: [Offer] = []
    var needs: [Need] = []
    var referrals: [Referral] = []
    var vetting: [Vetting] = []

    init(_ store: Store) throws {
        try store.forEachExchange { exchanges.append($0) }
        let numbers = try store.read { db in try Int.fetchAll(db, sql: "SELECT number FROM member ORDER BY number") }
        members = try numbers.map { try store.member($0)! }
        vetting = try numbers.map { try store.vetting(member: $0) }
        balances = try store.balances()
        offers = try store.offers()
        needs = try store.needs()
        referrals = try store.referrals()
    }
}

@Suite("Demo data", .serialized)
struct DemoDataTests {
    @Test func sameSeedGivesIdenticalData() throws {
        let a = try TempStore(), b = try TempStore()
        let sa = try a.store.populateDemo(DemoOptions(members: 300, seed: 42, today: fixedToday), by: a.broker)
        let sb = try b.store.populateDemo(DemoOptions(members: 300, seed: 42, today: fixedToday), by: b.broker)
        #expect(sa == sb)
        let x = try Snapshot(a.store), y = try Snapshot(b.store)
        #expect(x.exchanges.count > 1000)
        #expect(x.exchanges == y.exchanges)
        #expect(x.members == y.members)
        #expect(x.balances == y.balances)
        #expect(x.offers == y.offers && x.needs == y.needs && x.referrals == y.referrals && x.vetting == y.vetting)
    }

    @Test func differentSeedsDiffer() throws {
        let a = try TempStore(), b = try TempStore()
        _ = try a.store.populateDemo(DemoOptions(members: 100, seed: 1, today: fixedToday), by: a.broker)
        _ = try b.store.populateDemo(DemoOptions(members: 100, seed: 2, today: fixedToday), by: b.broker)
        let x = try Snapshot(a.store), y = try Snapshot(b.store)
        #expect(x.members.map(\.name) != y.members.map(\.name))
        #expect(x.exchanges.map(\.id) != y.exchanges.map(\.id))
    }

    @Test func aDemoPassesCheckAndHasEverythingABrokerNeedsToSee() throws {
        let t = try TempStore()
        var phases: [String] = []
        var last = 0.0, monotonic = true
        let summary = try t.store.populateDemo(DemoOptions(members: 500, seed: 3, today: fixedToday), by: t.broker) { phase, fraction in
            if phases.last != phase { phases.append(phase) }
            if fraction < last { monotonic = false }
            last = fraction
        }
        #expect(try t.store.check() == [])
        #expect(monotonic && last == 1 && phases.contains("Exchanges"))

        let balances = try t.store.balances()
        #expect(balances.reduce(0) { $0 + $1.balanceMinutes } == 0)
        let limit = try t.store.settings().creditLimitMinutes
        let overdrawn = balances.filter { $0.account != .pot && $0.balanceMinutes < -limit }
        #expect(overdrawn.count <= 5, "members past the credit limit: \(overdrawn.count)")
        #expect(try t.store.settings().timeBankName == "Gloucester Time Bank")

        // Summary figures are the database's.
        let counts = try t.store.read { db in
            try Row.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM member) AS members, (SELECT count(*) FROM member WHERE kind = 'organisation') AS orgs,
                       (SELECT count(*) FROM offer) AS offers, (SELECT count(*) FROM need) AS needs,
                       (SELECT count(*) FROM referral) AS referrals,
                       (SELECT count(*) FROM exchange WHERE reverses IS NULL) AS exchanges,
                       (SELECT count(*) FROM exchange WHERE reverses IS NOT NULL) AS reversals,
                       (SELECT count(DISTINCT grp) FROM exchange) AS groups,
                       (SELECT count(*) FROM member_search) AS indexed,
                       (SELECT count(*) FROM audit WHERE action = 'demo') AS audits
                """)!
        }
        #expect(summary == DemoSummary(members: counts["members"], organisations: counts["orgs"], offers: counts["offers"],
                                       needs: counts["needs"], referrals: counts["referrals"], exchanges: counts["exchanges"],
                                       reversals: counts["reversals"], groupActivities: counts["groups"]))
        #expect(summary.members == 500 && (counts["indexed"] as Int) == 500 && (counts["audits"] as Int) == 1)
        #expect(summary.organisations >= 10 && summary.reversals > 0 && summary.groupActivities > 0)

        let snapshot = try Snapshot(t.store)
        for m in snapshot.members {
            #expect(MemberValidation.problems(in: m).isEmpty, "member \(m.number): \(MemberValidation.problems(in: m))")
        }
        #expect(snapshot.members.contains { DemoNames.script($0.name) != .latin })
        #expect(snapshot.members.contains { $0.name.unicodeScalars.contains { (0xC0...0x24F).contains($0.value) } })
        #expect(snapshot.members.contains { !$0.preferredName.isEmpty })
        #expect(snapshot.members.contains { !$0.doNotMatch.isEmpty })
        #expect(Set(snapshot.members.map(\.status)) == Set(MemberStatus.allCases))
        #expect(Set(snapshot.referrals.map(\.status)) == Set(ReferralStatus.allCases))
        #expect(snapshot.exchanges.allSatisfy { $0.date < fixedToday && $0.minutes > 0 && $0.minutes <= 1440 })
        #expect(snapshot.exchanges.contains { $0.categoryCode == "welcome" && $0.receiver == .pot })
        #expect(snapshot.exchanges.contains { $0.reverses != nil && $0.description.hasPrefix("Reversal: ") })
        #expect(snapshot.exchanges.contains { $0.referral != nil })
        let recorders = Set(snapshot.exchanges.map(\.recordedBy))
        #expect(recorders == ["tester", "ann", "raj"])
        #expect(try t.store.brokers().map(\.username) == ["ann", "raj", "sam", "tester"])

        // Vetting the Today screen shows: reviews due within 30 days, some lapsed, active members mostly vetted.
        let figures = try t.store.todayFigures(today: fixedToday)
        #expect(figures.vettingDueSoon > 0 && figures.vettingExpired > 0)
        let today = fixedToday
        let active = snapshot.members.indices.filter { snapshot.members[$0].status == .active }
        let vetted = active.filter { snapshot.vetting[$0].state(today: today) != .missing }
        #expect(vetted.count == active.count)
        let pending = snapshot.members.indices.filter { snapshot.members[$0].status == .pending }
        #expect(pending.allSatisfy { snapshot.vetting[$0].state(today: today) == .missing })

        // Needs that show on Today: open for more than 14 days with no referral.
        let referred = Set(snapshot.referrals.map(\.need))
        #expect(snapshot.needs.contains { $0.status == .open && !referred.contains($0.id) && today.days(since: $0.created) > 14 })
        // Follow-ups: open referrals not moved for more than a week, and some that were.
        let weekAgo = Store.parseTimestamp(today.adding(days: -7).iso + "T00:00:00.000Z")
        let open = snapshot.referrals.filter { !$0.status.isClosed }
        #expect(open.contains { $0.updated < weekAgo } && open.contains { $0.updated > weekAgo })
        let steps = try t.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM referral_step")! }
        #expect(steps >= snapshot.referrals.count)

        // The batch search index holds exactly what reindexing each member would.
        let before = try searchRows(t.store)
        try t.store.write { db in
            for n in snapshot.members.map(\.number) { try MemberSearchIndex.reindex(db, member: n) }
        }
        #expect(try searchRows(t.store) == before)
        #expect(try t.store.members(MemberQuery(search: "hoover")).total > 0)
    }

    @Test func aDatabaseWithMembersIsLeftAlone() throws {
        let t = try TempStore()
        _ = try t.store.populateDemo(DemoOptions(members: 50, seed: 9, today: fixedToday), by: t.broker)
        let before = try Snapshot(t.store)
        let audits = try t.store.revision()
        #expect(throws: StoreError.invalid("The database already has members; use a new file for demo data.")) {
            try t.store.populateDemo(DemoOptions(members: 50, seed: 10, today: fixedToday), by: t.broker)
        }
        #expect(try Snapshot(t.store) == before)
        #expect(try t.store.revision() == audits)
    }

    @Test func tinyDemosWork() throws {
        for n in [1, 2, 5, 12] {
            let t = try TempStore()
            let s = try t.store.populateDemo(DemoOptions(members: n, seed: 5, today: fixedToday), by: t.broker)
            #expect(s.members == n)
            #expect(try t.store.check() == [])
        }
    }

    /// The benchmark's busy time bank: the same people, offers and needs as a demo of the same seed,
    /// but members help 7 to 14 times a year instead of 4 to 8 (about 1.75 times as often), a class
    /// or event runs for every 8 members instead of 12, and twice as many entries are put right.
    @Test func aBusyTimeBankHasMoreHistoryOnTheSameMembers() throws {
        let usual = try TempStore(), busy = try TempStore()
        let u = try usual.store.populateDemo(DemoOptions(members: 400, seed: 4, today: fixedToday, years: 2), by: usual.broker)
        let b = try busy.store.populateDemo(DemoOptions(members: 400, seed: 4, today: fixedToday, years: 2, activity: .busy), by: busy.broker)
        #expect(b.members == u.members && b.organisations == u.organisations && b.offers == u.offers && b.needs == u.needs)
        func betweenMembers(_ store: Store) throws -> Int {
            try store.read { db in
                try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM exchange e JOIN account g ON g.id = e.giver JOIN account r ON r.id = e.receiver
                    WHERE g.kind = 'member' AND r.kind = 'member' AND e.reverses IS NULL AND e.grp IS NULL
                    """) ?? 0
            }
        }
        let usualHelp = try betweenMembers(usual.store), busyHelp = try betweenMembers(busy.store)
        #expect(usualHelp > 1000)
        #expect(Double(busyHelp) > 1.5 * Double(usualHelp), "\(busyHelp) exchanges between members against \(usualHelp)")
        #expect(Double(b.groupActivities) > 1.3 * Double(u.groupActivities), "\(b.groupActivities) group activities against \(u.groupActivities)")
        #expect(b.reversals > u.reversals)
        #expect(try busy.store.check() == [])
    }

    private func searchRows(_ store: Store) throws -> [[String]] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT rowid, names, contact, offers FROM member_search ORDER BY rowid").map {
                [String($0["rowid"] as Int), $0["names"], $0["contact"], $0["offers"]]
            }
        }
    }
}
