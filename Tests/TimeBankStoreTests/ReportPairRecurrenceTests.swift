import Foundation
import GRDB
import Testing
import TimeBank
import TimeBankImport
@testable import TimeBankStore

/// Each pair-month of the report (`report_pair_month`, migration v12h-report-pair-recurrence)
/// knows the pair's previous month: the greatest earlier month in which the same two members have
/// a standing exchange, none when there is no such month. It stays exact after every kind of
/// ledger write, months written out of order included, so that a report can read only the pairs
/// that exchanged in more than one month of a period.
@Suite("A pair's previous month kept with each pair-month", .serialized)
struct ReportPairRecurrenceTests {
    static let y = Fixture.lastYear

    /// A month of last year as the tables write it.
    func m(_ month: Int) -> String { String(format: "%04d-%02d", Self.y, month) }

    /// A pair as the tables write it, the smaller member number first.
    func pair(_ x: Int, _ y: Int) -> String { "\(min(x, y))-\(max(x, y))" }

    /// The kept rows, as text: pair, month, and the previous month kept with it.
    func kept(_ temp: TempDatabase) throws -> [String] {
        try temp.rawQueue().read { db in
            try String.fetchAll(db, sql: """
                SELECT a || '-' || b || ' ' || month || ' after ' || coalesce(prev_month, 'none')
                FROM report_pair_month ORDER BY a, b, month
                """)
        }
    }

    /// The same rows with the previous month found here, from the rule: the greatest month of the
    /// same pair earlier than the row's own.
    func fromRule(_ temp: TempDatabase) throws -> [String] {
        try temp.rawQueue().read { db in
            try String.fetchAll(db, sql: """
                SELECT k.a || '-' || k.b || ' ' || k.month || ' after '
                       || coalesce((SELECT max(p.month) FROM report_pair_month p
                                    WHERE p.a = k.a AND p.b = k.b AND p.month < k.month), 'none')
                FROM report_pair_month k ORDER BY k.a, k.b, k.month
                """)
        }
    }

    func expectKeptEqualsRule(_ temp: TempDatabase, _ store: Store, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try kept(temp) == fromRule(temp), sourceLocation: sourceLocation)
        #expect(try store.check() == [], sourceLocation: sourceLocation)
    }

    @Test("A pair's first month has no previous month; a later month, and a second exchange in it, point back to the first")
    func firstAndLater() throws {
        let f = try Fixture()
        let ab = pair(f.ann, f.bob)
        try f.record(.member(f.ann), .member(f.bob), 60, on: day(Self.y, 3, 10), accept: true)
        #expect(try kept(f.temp) == ["\(ab) \(m(3)) after none"])
        try f.record(.member(f.bob), .member(f.ann), 30, on: day(Self.y, 6, 2), accept: true)
        try f.record(.member(f.ann), .member(f.bob), 15, on: day(Self.y, 6, 20), accept: true)
        try f.record(.member(f.ann), .member(f.bob), 10, on: day(Self.y, 3, 11), accept: true)
        #expect(try kept(f.temp) == ["\(ab) \(m(3)) after none", "\(ab) \(m(6)) after \(m(3))"])
        try expectKeptEqualsRule(f.temp, f.store)
    }

    @Test("A month backdated between two months of the pair, or before the first, is linked in; other pairs are untouched")
    func backdated() throws {
        let f = try Fixture()
        let (ab, bc) = (pair(f.ann, f.bob), pair(f.bob, f.cat))
        try f.record(.member(f.ann), .member(f.bob), 60, on: day(Self.y, 3, 10), accept: true)
        try f.record(.member(f.ann), .member(f.bob), 60, on: day(Self.y, 7, 10), accept: true)
        try f.record(.member(f.bob), .member(f.cat), 20, on: day(Self.y, 5, 1), accept: true)
        try f.record(.member(f.bob), .member(f.ann), 30, on: day(Self.y, 5, 15), accept: true)
        #expect(try kept(f.temp) == [
            "\(ab) \(m(3)) after none", "\(ab) \(m(5)) after \(m(3))", "\(ab) \(m(7)) after \(m(5))",
            "\(bc) \(m(5)) after none",
        ].sorted())
        try f.record(.member(f.ann), .member(f.bob), 45, on: day(Self.y, 1, 31), accept: true)
        #expect(try kept(f.temp) == [
            "\(ab) \(m(1)) after none", "\(ab) \(m(3)) after \(m(1))", "\(ab) \(m(5)) after \(m(3))", "\(ab) \(m(7)) after \(m(5))",
            "\(bc) \(m(5)) after none",
        ].sorted())
        try expectKeptEqualsRule(f.temp, f.store)
    }

    @Test("Reversing the only exchange of a middle month: the later month's previous month skips it; a month that still stands stays linked")
    func reversalOfMiddleMonth() throws {
        let f = try Fixture()
        let ab = pair(f.ann, f.bob)
        try f.record(.member(f.ann), .member(f.bob), 60, on: day(Self.y, 3, 10), accept: true)
        let may = try f.record(.member(f.ann), .member(f.bob), 30, on: day(Self.y, 5, 10), accept: true)
        let july = try f.record(.member(f.ann), .member(f.bob), 20, on: day(Self.y, 7, 10), accept: true)
        try f.record(.member(f.bob), .member(f.ann), 25, on: day(Self.y, 7, 12), accept: true)
        // One of July's two undone: July still stands, nothing moves.
        _ = try f.store.reverse(july.id, reason: "entered twice", date: day(Self.y, 8, 1), by: f.admin)
        #expect(try kept(f.temp) == ["\(ab) \(m(3)) after none", "\(ab) \(m(5)) after \(m(3))", "\(ab) \(m(7)) after \(m(5))"])
        _ = try f.store.reverse(may.id, reason: "wrong member", date: day(Self.y, 8, 2), by: f.admin)
        #expect(try kept(f.temp) == ["\(ab) \(m(3)) after none", "\(ab) \(m(7)) after \(m(3))"])
        try expectKeptEqualsRule(f.temp, f.store)
    }

    @Test("Reversing the only exchange of the pair's last month removes it and leaves the earlier months as they were")
    func reversalOfLastMonth() throws {
        let f = try Fixture()
        let ab = pair(f.ann, f.bob)
        let first = try f.record(.member(f.ann), .member(f.bob), 60, on: day(Self.y, 3, 10), accept: true)
        try f.record(.member(f.bob), .member(f.ann), 30, on: day(Self.y, 4, 10), accept: true)
        let last = try f.record(.member(f.ann), .member(f.bob), 20, on: day(Self.y, 9, 10), accept: true)
        _ = try f.store.reverse(last.id, reason: "wrong member", date: day(Self.y, 9, 11), by: f.admin)
        #expect(try kept(f.temp) == ["\(ab) \(m(3)) after none", "\(ab) \(m(4)) after \(m(3))"])
        // The pair's first month undone as well: April becomes the first.
        _ = try f.store.reverse(first.id, reason: "wrong member", date: day(Self.y, 9, 12), by: f.admin)
        #expect(try kept(f.temp) == ["\(ab) \(m(4)) after none"])
        try expectKeptEqualsRule(f.temp, f.store)
    }

    @Test("A class links each attendee's pair with the leader to their earlier month; first-time pairs have none")
    func group() throws {
        let f = try Fixture()
        let dee = try f.store.addMember(Member(name: "Zoë 王 O'Brien", joined: day(Self.y, 1, 1)), by: f.admin).number
        try f.record(.member(f.bob), .member(f.ann), 30, on: day(Self.y, 2, 14), accept: true)
        let lesson = try GroupActivity.oneToMany(leader: .member(f.ann), attendees: [.member(f.bob), .member(f.cat), .member(dee)],
                                                 leaderMinutes: 90, date: day(Self.y, 4, 4), categoryCode: nil, description: "Yoga")
        _ = try f.store.recordGroup(lesson, by: f.admin, acceptCreditLimit: true)
        #expect(try kept(f.temp) == [
            "\(pair(f.ann, f.bob)) \(m(2)) after none", "\(pair(f.ann, f.bob)) \(m(4)) after \(m(2))",
            "\(pair(f.ann, f.cat)) \(m(4)) after none", "\(pair(f.ann, dee)) \(m(4)) after none",
        ].sorted())
        try expectKeptEqualsRule(f.temp, f.store)
    }

    func importBytes(_ f: Fixture, _ text: String, _ kind: ImportKind) throws -> ImportOutcome {
        let file = try ImportFile.read(bytes: Array(text.utf8), kind: kind, format: .timebank)
        return try f.store.importRows(file, kind: kind, source: "test.csv", commit: true, by: f.admin)
    }

    @Test("An import with months out of order and a reversal of a middle month leaves each pair-month after its true previous month")
    func imports() throws {
        let f = try Fixture()
        let outcome = try importBytes(f, """
            id,date,giver,receiver,minutes,hours,category,description,reverses,recorded_by,recorded_at
            aaaaaaaa-0000-4000-8000-000000000001,2025-03-01,\(f.ann),\(f.bob),90,1.50,,,,carol,2025-03-02T09:00:00.000Z
            aaaaaaaa-0000-4000-8000-000000000002,2025-06-10,\(f.bob),\(f.ann),30,0.50,,,,carol,2025-06-10T09:00:00.000Z
            aaaaaaaa-0000-4000-8000-000000000003,2025-04-05,\(f.ann),\(f.bob),20,0.33,,,,carol,2025-04-05T09:00:00.000Z
            aaaaaaaa-0000-4000-8000-000000000004,2025-05-07,\(f.ann),\(f.bob),15,0.25,,,,carol,2025-05-07T09:00:00.000Z
            aaaaaaaa-0000-4000-8000-000000000005,2025-07-01,\(f.bob),\(f.ann),20,0.33,,,aaaaaaaa-0000-4000-8000-000000000003,carol,2025-07-01T09:00:00.000Z
            aaaaaaaa-0000-4000-8000-000000000006,2025-03-09,\(f.cat),\(f.bob),60,1.00,,,,carol,2025-03-09T09:00:00.000Z

            """, .exchanges)
        #expect(outcome.committed && outcome.created == 6)
        let ab = pair(f.ann, f.bob)
        #expect(try kept(f.temp) == [
            "\(ab) 2025-03 after none", "\(ab) 2025-05 after 2025-03", "\(ab) 2025-06 after 2025-05",
            "\(pair(f.bob, f.cat)) 2025-03 after none",
        ].sorted())
        try expectKeptEqualsRule(f.temp, f.store)
    }

    @Test("On a demo time bank with reversals across months every pair-month's previous month follows the rule")
    func demo() throws {
        let demo = try ReportFigureTests.Demo(seed: 7, members: 120)
        let rows = try kept(demo.temp)
        #expect(rows.count > 100)
        #expect(rows.contains { !$0.hasSuffix(" after none") })
        #expect(rows == (try fromRule(demo.temp)))
        #expect(try demo.store.check() == [])
    }

    @Test("Migrating a file built before v12h fills the previous months from the pair-months already there; the triggers run from then on")
    func backfill() throws {
        let f = try Fixture()
        let (ab, bc, ac) = (pair(f.ann, f.bob), pair(f.bob, f.cat), pair(f.ann, f.cat))
        try f.record(.member(f.ann), .member(f.bob), 60, on: day(Self.y, 2, 10), accept: true)
        try f.record(.member(f.ann), .member(f.bob), 60, on: day(Self.y, 6, 10), accept: true)
        try f.record(.member(f.bob), .member(f.cat), 20, on: day(Self.y, 5, 1), accept: true)
        // Back to the schema before v12h: no column, index or triggers.
        try f.temp.rawQueue().write { db in
            try db.execute(sql: """
                DROP TRIGGER report_pair_month_prev_on_insert; DROP TRIGGER report_pair_month_prev_on_delete;
                DROP INDEX report_pair_month_recurring;
                ALTER TABLE report_pair_month DROP COLUMN prev_month;
                """)
        }
        // Recorded while no trigger keeps a previous month: backdated between the pair's months.
        try f.record(.member(f.bob), .member(f.ann), 15, on: day(Self.y, 4, 5), accept: true)
        try f.record(.member(f.bob), .member(f.cat), 20, on: day(Self.y, 8, 1), accept: true)
        try f.temp.rawQueue().write { db in try Schema.addReportPairRecurrence(db) }
        #expect(try kept(f.temp) == [
            "\(ab) \(m(2)) after none", "\(ab) \(m(4)) after \(m(2))", "\(ab) \(m(6)) after \(m(4))",
            "\(bc) \(m(5)) after none", "\(bc) \(m(8)) after \(m(5))",
        ].sorted())
        #expect(try f.store.check() == [])
        // The new triggers run from here on.
        try f.record(.member(f.cat), .member(f.bob), 10, on: day(Self.y, 7, 1), accept: true)
        try f.record(.member(f.cat), .member(f.ann), 10, on: day(Self.y, 7, 1), accept: true)
        #expect(try kept(f.temp) == [
            "\(ab) \(m(2)) after none", "\(ab) \(m(4)) after \(m(2))", "\(ab) \(m(6)) after \(m(4))",
            "\(ac) \(m(7)) after none",
            "\(bc) \(m(5)) after none", "\(bc) \(m(7)) after \(m(5))", "\(bc) \(m(8)) after \(m(7))",
        ].sorted())
        try expectKeptEqualsRule(f.temp, f.store)
    }

    @Test("check names each pair-month whose kept previous month differs from the pair's months")
    func checkNamesDamage() throws {
        let f = try Fixture()
        let (a, b) = (min(f.ann, f.bob), max(f.ann, f.bob))
        try f.record(.member(f.ann), .member(f.bob), 60, on: day(Self.y, 2, 10), accept: true)
        try f.record(.member(f.ann), .member(f.bob), 60, on: day(Self.y, 6, 10), accept: true)
        try f.record(.member(f.bob), .member(f.cat), 20, on: day(Self.y, 5, 1), accept: true)
        try f.temp.rawQueue().write { db in
            try db.execute(sql: "UPDATE report_pair_month SET prev_month = NULL WHERE a = ? AND b = ? AND month = ?", arguments: [a, b, m(6)])
            try db.execute(sql: "UPDATE report_pair_month SET prev_month = '2020-01' WHERE a = ? AND b = ?",
                           arguments: [min(f.bob, f.cat), max(f.bob, f.cat)])
        }
        let problems = try f.store.check()
        #expect(problems.contains("The report's previous month of exchanges between members \(a) and \(b) before \(m(6)) (kept none) "
            + "differs from their months (\(m(2)))."))
        #expect(problems.contains("The report's previous month of exchanges between members \(min(f.bob, f.cat)) and \(max(f.bob, f.cat)) "
            + "before \(m(5)) (kept 2020-01) differs from their months (none)."))
        #expect(problems.count == 2)
    }

    /// Ann and Bob exchange in January, April, twice in June and in October; Bob and Cat in March,
    /// August and September; Ann and Cat in May only; Ann and Dee in February and March.
    @Test("The recurring pair-months of March to August are exactly those whose previous month is in it too, read through the partial index")
    func recurringPairRows() throws {
        let f = try Fixture()
        let dee = try f.store.addMember(Member(name: "Zoë 王 O'Brien", joined: day(Self.y, 1, 1)), by: f.admin).number
        for (giver, receiver, month, dayOfMonth) in [
            (f.ann, f.bob, 1, 5), (f.bob, f.ann, 4, 5), (f.ann, f.bob, 6, 5), (f.ann, f.bob, 6, 25), (f.ann, f.bob, 10, 5),
            (f.bob, f.cat, 3, 1), (f.cat, f.bob, 8, 31), (f.bob, f.cat, 9, 1),
            (f.ann, f.cat, 5, 5),
            (dee, f.ann, 2, 2), (f.ann, dee, 3, 3),
        ] {
            try f.record(.member(giver), .member(receiver), 30, on: day(Self.y, month, dayOfMonth), accept: true)
        }
        let rows = try f.store.read { db in try Store.recurringPairRows(db, firstMonth: m(3), lastMonth: m(8)) }
        // Ann and Bob's April follows January, before the period; October is after it.
        // Bob and Cat's September is after it. Ann and Cat have one month; Ann and Dee's March follows February.
        #expect(rows.map { "\($0.a)-\($0.b) \($0.month) kept \($0.kept) after \($0.prevMonth)" } == [
            "\(pair(f.bob, f.cat)) \(m(8)) kept 1 after \(m(3))",
            "\(pair(f.ann, f.bob)) \(m(6)) kept 2 after \(m(4))",
        ])
        let oneMonth = try f.store.read { db in try Store.recurringPairRows(db, firstMonth: m(6), lastMonth: m(6)) }
        #expect(oneMonth.isEmpty)
        let plan = try f.temp.rawQueue().read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Store.recurringPairRowsSQL, arguments: [m(3), m(8), m(8)])
                .map { $0["detail"] as String? ?? "" }
        }
        #expect(plan.contains { $0.contains("USING COVERING INDEX report_pair_month_recurring") }, "\(plan)")
        #expect(!plan.contains { $0.contains("SCAN") || $0.contains("TEMP B-TREE") }, "\(plan)")
    }
}
