import Foundation
import GRDB
import Testing
import TimeBank
import TimeBankImport
@testable import TimeBankStore

/// The aggregates reports read (migration v11a-report-aggregates) stay equal, after every kind of
/// ledger write, to what the rule says: minutes a member gave other members per month (a reversal
/// negative in its own month), and the first date of an original never reversed, per member and
/// per pair. The pot and opening balances are never in them.
@Suite("Report aggregates kept with the ledger", .serialized)
struct ReportAggregateTests {
    static let y = Fixture.lastYear

    /// The kept rows, as text, sorted.
    func kept(_ f: Fixture) throws -> [String] { try kept(f.temp) }

    func kept(_ temp: TempDatabase) throws -> [String] {
        try temp.rawQueue().read { db in
            try String.fetchAll(db, sql: """
                SELECT 'given ' || member || ' ' || month || ' ' || given_minutes FROM report_member_month
                UNION ALL SELECT 'first ' || member || ' ' || first_exchange FROM report_member_first
                UNION ALL SELECT 'pair ' || a || '-' || b || ' ' || first_exchange FROM report_pair_first
                ORDER BY 1
                """)
        }
    }

    /// The same rows recomputed here from the raw ledger, written from the rule, not from the store's SQL.
    func fromLedger(_ f: Fixture) throws -> [String] { try fromLedger(f.temp) }

    func fromLedger(_ temp: TempDatabase) throws -> [String] {
        try temp.rawQueue().read { db in
            try String.fetchAll(db, sql: """
                WITH between_members AS (
                    SELECT e.id, e.date, e.minutes, e.reverses, g.member AS gm, r.member AS rm FROM exchange e
                    JOIN account g ON g.id = e.giver JOIN account r ON r.id = e.receiver
                    WHERE g.kind = 'member' AND r.kind = 'member'),
                signed AS (
                    SELECT gm AS m, substr(date, 1, 7) AS month, minutes FROM between_members WHERE reverses IS NULL
                    UNION ALL SELECT rm, substr(date, 1, 7), -minutes FROM between_members WHERE reverses IS NOT NULL),
                standing AS (
                    SELECT * FROM between_members WHERE reverses IS NULL
                      AND id NOT IN (SELECT reverses FROM exchange WHERE reverses IS NOT NULL))
                SELECT 'given ' || m || ' ' || month || ' ' || sum(minutes) FROM signed GROUP BY m, month
                UNION ALL SELECT 'first ' || m || ' ' || min(date) FROM (SELECT gm AS m, date FROM standing UNION ALL SELECT rm, date FROM standing) GROUP BY m
                UNION ALL SELECT 'pair ' || min(gm, rm) || '-' || max(gm, rm) || ' ' || min(date) FROM standing GROUP BY min(gm, rm), max(gm, rm)
                ORDER BY 1
                """)
        }
    }

    func expectKeptEqualsLedger(_ f: Fixture, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try kept(f) == fromLedger(f), sourceLocation: sourceLocation)
        #expect(try f.store.check() == [], sourceLocation: sourceLocation)
    }

    @Test("Recording keeps minutes given per month and first dates; entries with the pot are left out")
    func record() throws {
        let f = try Fixture()
        try f.record(.member(f.ann), .member(f.bob), 90, on: day(Self.y, 6, 10), accept: true)
        try f.record(.member(f.bob), .member(f.ann), 30, on: day(Self.y, 6, 20), accept: true)
        try f.record(.member(f.ann), .member(f.bob), 45, on: day(Self.y, 5, 2), accept: true)
        try f.record(.member(f.cat), .pot, 60, on: day(Self.y, 4, 1), accept: true)
        try f.record(.pot, .member(f.cat), 120, on: day(Self.y, 3, 1), accept: true)
        let (ann, bob) = (f.ann, f.bob)
        #expect(try kept(f) == [
            "first \(ann) \(Self.y)-05-02", "first \(bob) \(Self.y)-05-02",
            "given \(ann) \(Self.y)-05 45", "given \(ann) \(Self.y)-06 90", "given \(bob) \(Self.y)-06 30",
            "pair \(min(ann, bob))-\(max(ann, bob)) \(Self.y)-05-02",
        ].sorted())
        try expectKeptEqualsLedger(f)
    }

    @Test("A reversal counts negative in its own month and moves the first dates to the next standing original")
    func reverse() throws {
        let f = try Fixture()
        let first = try f.record(.member(f.ann), .member(f.bob), 90, on: day(Self.y, 6, 10), accept: true)
        try f.record(.member(f.bob), .member(f.ann), 30, on: day(Self.y, 6, 20), accept: true)
        let only = try f.record(.member(f.cat), .member(f.ann), 15, on: day(Self.y, 6, 1), accept: true)
        _ = try f.store.reverse(first.id, reason: "wrong member", date: day(Self.y, 7, 2), by: f.admin)
        _ = try f.store.reverse(only.id, reason: "entered twice", date: day(Self.y, 6, 3), by: f.admin)
        let (ann, bob, cat) = (f.ann, f.bob, f.cat)
        #expect(try kept(f) == [
            "first \(ann) \(Self.y)-06-20", "first \(bob) \(Self.y)-06-20",
            "given \(ann) \(Self.y)-06 90", "given \(ann) \(Self.y)-07 -90", "given \(bob) \(Self.y)-06 30",
            "given \(cat) \(Self.y)-06 0",
            "pair \(min(ann, bob))-\(max(ann, bob)) \(Self.y)-06-20",
        ].sorted())
        try expectKeptEqualsLedger(f)
    }

    @Test("A class (the leader gives each attendee a share, the remainder to the pot) keeps every member's rows")
    func group() throws {
        let f = try Fixture()
        let dee = try f.store.addMember(Member(name: "Zoë 王 O'Brien", joined: day(Self.y, 1, 1)), by: f.admin).number
        let lesson = try GroupActivity.oneToMany(leader: .member(f.ann), attendees: [.member(f.bob), .member(f.cat), .member(dee)],
                                                 leaderMinutes: 100, date: day(Self.y, 4, 4), categoryCode: nil, description: "Yoga")
        let recorded = try f.store.recordGroup(lesson, by: f.admin, acceptCreditLimit: true)
        #expect(try kept(f).contains("given \(f.ann) \(Self.y)-04 99"))
        #expect(try kept(f).contains("first \(dee) \(Self.y)-04-04"))
        _ = try f.store.reverse(recorded[0].id, reason: "did not come", date: day(Self.y, 5, 1), by: f.admin)
        try expectKeptEqualsLedger(f)
    }

    func importBytes(_ f: Fixture, _ text: String, _ kind: ImportKind) throws -> ImportOutcome {
        let file = try ImportFile.read(bytes: Array(text.utf8), kind: kind, format: .timebank)
        return try f.store.importRows(file, kind: kind, source: "test.csv", commit: true, by: f.admin)
    }

    @Test("Imported exchanges (a reversal in the same file) and opening balances keep the aggregates; balances add nothing")
    func imports() throws {
        let f = try Fixture()
        let exchanges = try importBytes(f, """
            id,date,giver,receiver,minutes,hours,category,description,reverses,recorded_by,recorded_at
            aaaaaaaa-0000-4000-8000-000000000001,2025-03-01,\(f.ann),\(f.bob),90,1.50,,,,carol,2025-03-02T09:00:00.000Z
            aaaaaaaa-0000-4000-8000-000000000002,2025-04-05,\(f.bob),\(f.ann),90,1.50,,,aaaaaaaa-0000-4000-8000-000000000001,carol,2025-04-05T09:00:00.000Z
            aaaaaaaa-0000-4000-8000-000000000003,2025-03-09,\(f.cat),\(f.bob),60,1.00,,,,carol,2025-03-09T09:00:00.000Z

            """, .exchanges)
        #expect(exchanges.committed && exchanges.created == 3)
        let (ann, bob, cat) = (f.ann, f.bob, f.cat)
        let afterExchanges = [
            "first \(bob) 2025-03-09", "first \(cat) 2025-03-09",
            "given \(ann) 2025-03 90", "given \(ann) 2025-04 -90", "given \(cat) 2025-03 60",
            "pair \(min(bob, cat))-\(max(bob, cat)) 2025-03-09",
        ].sorted()
        #expect(try kept(f) == afterExchanges)
        let balances = try importBytes(f, "member,balance_minutes\n\(f.ann),1800\n\(f.bob),-75\n", .balances)
        #expect(balances.committed)
        #expect(try kept(f) == afterExchanges)
        try expectKeptEqualsLedger(f)
    }

    @Test("Erasing a member keeps their minutes and dates in the aggregates; a donated balance adds nothing")
    func erase() throws {
        let f = try Fixture()
        try f.record(.member(f.ann), .member(f.bob), 90, on: day(Self.y, 6, 10), accept: true)
        try f.record(.member(f.cat), .member(f.ann), 30, on: day(Self.y, 6, 12), accept: true)
        let before = try kept(f)
        try f.store.erase(member: f.ann, reason: "Asked in writing", balance: .donate, by: f.admin)
        #expect(try kept(f) == before)
        try f.store.erase(member: f.bob, reason: "Asked in writing", balance: .keep, by: f.admin)
        #expect(try kept(f) == before)
        try expectKeptEqualsLedger(f)
    }

    @Test("On a demo time bank with reversals across months the kept rows equal the ledger's")
    func demo() throws {
        let demo = try ReportFigureTests.Demo(seed: 7, members: 120)
        let rows = try kept(demo.temp)
        #expect(rows.count > 100)
        #expect(rows == (try fromLedger(demo.temp)))
        #expect(try demo.store.check() == [])
    }

    @Test("The migration fills the aggregates from the ledger already there")
    func backfill() throws {
        let f = try Fixture()
        try f.record(.member(f.ann), .member(f.bob), 90, on: day(Self.y, 6, 10), accept: true)
        let wrong = try f.record(.member(f.bob), .member(f.cat), 20, on: day(Self.y, 6, 11), accept: true)
        _ = try f.store.reverse(wrong.id, reason: "wrong member", date: day(Self.y, 8, 1), by: f.admin)
        try f.record(.member(f.cat), .member(f.ann), 30, on: day(Self.y, 2, 3), accept: true)
        let expected = try fromLedger(f)
        try f.temp.rawQueue().write { db in
            try db.execute(sql: """
                DROP TRIGGER report_aggregates_original; DROP TRIGGER report_aggregates_reversal;
                DROP TABLE report_member_month; DROP TABLE report_member_first; DROP TABLE report_pair_first;
                """)
            try Schema.addReportAggregates(db)
        }
        #expect(try kept(f) == expected)
        #expect(expected.count == 9)
    }

    /// Fifty earlier partners of Ann, so a month's few pairs are looked up one by one, and a range
    /// that starts in the middle of a month, so "given before" adds that month's first days.
    @Test("New connections and milestones from the aggregates follow the rules of reversals and of a range starting mid-month")
    func connectionsAndMilestones() throws {
        let f = try Fixture()
        var partners: [Int] = []
        for i in 1...50 {
            partners.append(try f.store.addMember(Member(name: "Partner \(i)", joined: day(Self.y, 1, 1)), by: f.admin).number)
        }
        for (i, m) in partners.enumerated() {
            try f.record(.member(f.ann), .member(m), 15, on: day(Self.y, 3, i < 30 ? 5 : 20), accept: true)
        }
        // Ann and Bob's earlier original is undone only after April; Bob and Cat's within it.
        let annBob = try f.record(.member(f.ann), .member(f.bob), 30, on: day(Self.y, 3, 6), accept: true)
        let bobCat = try f.record(.member(f.bob), .member(f.cat), 30, on: day(Self.y, 3, 7), accept: true)
        _ = try f.store.reverse(bobCat.id, reason: "wrong member", date: day(Self.y, 4, 2), by: f.admin)
        try f.record(.member(f.ann), .member(f.bob), 60, on: day(Self.y, 4, 10), accept: true)
        try f.record(.member(f.cat), .member(partners[1]), 20, on: day(Self.y, 4, 12), accept: true)
        try f.record(.member(f.bob), .member(f.cat), 20, on: day(Self.y, 4, 15), accept: true)
        _ = try f.store.reverse(annBob.id, reason: "wrong member", date: day(Self.y, 5, 20), by: f.admin)

        let april = try f.store.report(.month(Self.y, 4)!, today: day(Self.y + 1, 1, 1)).current
        #expect(april.value("connections") == .count(3))
        // Ann and Bob had exchanged before April (undone only after it); Bob and Cat's earlier one was undone in it.
        #expect(april.value("new_connections") == .count(2))

        // Before 10 March Ann gave 30 x 15 + 30 = 480 minutes; in the range 20 x 15 + 60 = 360 more: past 10 hours.
        let range = try #require(ReportPeriod.range(day(Self.y, 3, 10), day(Self.y, 4, 30)))
        let spring = try f.store.report(range, today: day(Self.y + 1, 1, 1)).current
        #expect(spring.value("milestone_members", breakdown: "10h") == .people(1))
        #expect(spring.value("milestone_members", breakdown: "25h") == .people(0))
        try expectKeptEqualsLedger(f)
    }

    @Test("check names each kept row that differs from the ledger, is missing or is extra")
    func checkNamesDamage() throws {
        let f = try Fixture()
        try f.record(.member(f.ann), .member(f.bob), 90, on: day(Self.y, 6, 10), accept: true)
        try f.record(.member(f.cat), .member(f.ann), 30, on: day(Self.y, 6, 12), accept: true)
        try f.temp.rawQueue().write { db in
            try db.execute(sql: "UPDATE report_member_month SET given_minutes = 91 WHERE member = ?", arguments: [f.ann])
            try db.execute(sql: "DELETE FROM report_member_first WHERE member = ?", arguments: [f.cat])
            try db.execute(sql: "INSERT INTO report_pair_first (a, b, first_exchange) VALUES (?, ?, '2020-01-01')",
                           arguments: [min(f.bob, f.cat), max(f.bob, f.cat)])
        }
        let problems = try f.store.check()
        #expect(problems.contains("The report's minutes given by member \(f.ann) in \(Self.y)-06 (kept 91 minutes) differ from the ledger (90 minutes)."))
        #expect(problems.contains("The report's first exchange of member \(f.cat) (kept none) differs from the ledger (\(Self.y)-06-12)."))
        #expect(problems.contains("The report's first exchange between members \(min(f.bob, f.cat)) and \(max(f.bob, f.cat)) (kept 2020-01-01) differs from the ledger (none)."))
        #expect(problems.count == 3)
    }
}
