import Foundation
import GRDB
import Testing
import TimeBank
import TimeBankImport
@testable import TimeBankStore

/// The aggregates reports read (migrations v11a-report-aggregates and v12a-report-month-aggregates)
/// stay equal, after every kind of ledger write, to what the rule says: per member and month the net
/// minutes given and received (a reversal negative in its own month, against the original's giver
/// and receiver), the originals of the month no reversal undid, and the minutes given through the
/// month; per pair and month the originals still standing; per month and category the net minutes
/// and exchanges; and the first date of an original never reversed, per member and per pair. The
/// pot and opening balances are never in them.
@Suite("Report aggregates kept with the ledger", .serialized)
struct ReportAggregateTests {
    static let y = Fixture.lastYear

    /// The kept rows, as text, sorted: every column of every aggregate table.
    func kept(_ f: Fixture) throws -> [String] { try kept(f.temp) }

    func kept(_ temp: TempDatabase) throws -> [String] {
        try temp.rawQueue().read { db in
            try String.fetchAll(db, sql: """
                SELECT 'member ' || member || ' ' || month || ' net ' || given_minutes || '/' || received_minutes
                       || ' kept ' || kept_given || 'x' || kept_given_minutes || '/' || kept_received || 'x' || kept_received_minutes
                       || ' through ' || given_through FROM report_member_month
                UNION ALL SELECT 'pairmonth ' || a || '-' || b || ' ' || month || ' ' || kept FROM report_pair_month
                UNION ALL SELECT 'category ' || month || ' [' || category || '] ' || minutes || ' ' || exchanges FROM report_month_category
                UNION ALL SELECT 'first ' || member || ' ' || first_exchange FROM report_member_first
                UNION ALL SELECT 'pair ' || a || '-' || b || ' ' || first_exchange FROM report_pair_first
                ORDER BY 1
                """)
        }
    }

    /// The same rows recomputed here from the raw ledger, written from the rule, not from the store's SQL:
    /// a reversal's giver is the original's receiver, so it counts against the original's two sides.
    func fromLedger(_ f: Fixture) throws -> [String] { try fromLedger(f.temp) }

    func fromLedger(_ temp: TempDatabase) throws -> [String] {
        try temp.rawQueue().read { db in
            try String.fetchAll(db, sql: """
                WITH \(Self.betweenMembersAndStanding),
                signed AS (
                    SELECT month, gm AS original_giver, rm AS original_receiver, minutes AS net FROM between_members WHERE reverses IS NULL
                    UNION ALL SELECT month, rm, gm, -minutes FROM between_members WHERE reverses IS NOT NULL),
                member_months AS (
                    SELECT original_giver AS m, month FROM signed UNION SELECT original_receiver, month FROM signed),
                member_rows AS (
                    SELECT mm.m, mm.month,
                        (SELECT coalesce(sum(net), 0) FROM signed s WHERE s.original_giver = mm.m AND s.month = mm.month) AS given,
                        (SELECT coalesce(sum(net), 0) FROM signed s WHERE s.original_receiver = mm.m AND s.month = mm.month) AS received,
                        (SELECT count(*) FROM standing s WHERE s.gm = mm.m AND s.month = mm.month) AS kg,
                        (SELECT coalesce(sum(minutes), 0) FROM standing s WHERE s.gm = mm.m AND s.month = mm.month) AS kgm,
                        (SELECT count(*) FROM standing s WHERE s.rm = mm.m AND s.month = mm.month) AS kr,
                        (SELECT coalesce(sum(minutes), 0) FROM standing s WHERE s.rm = mm.m AND s.month = mm.month) AS krm,
                        (SELECT coalesce(sum(net), 0) FROM signed s WHERE s.original_giver = mm.m AND s.month <= mm.month) AS through
                    FROM member_months mm)
                SELECT 'member ' || m || ' ' || month || ' net ' || given || '/' || received
                       || ' kept ' || kg || 'x' || kgm || '/' || kr || 'x' || krm || ' through ' || through FROM member_rows
                UNION ALL SELECT 'pairmonth ' || min(gm, rm) || '-' || max(gm, rm) || ' ' || month || ' ' || count(*)
                    FROM standing GROUP BY min(gm, rm), max(gm, rm), month
                UNION ALL SELECT 'category ' || month || ' [' || category || '] '
                       || sum(CASE WHEN reverses IS NULL THEN minutes ELSE -minutes END) || ' '
                       || sum(CASE WHEN reverses IS NULL THEN 1 ELSE -1 END)
                    FROM between_members GROUP BY month, category
                UNION ALL SELECT 'first ' || m || ' ' || min(date) FROM (SELECT gm AS m, date FROM standing UNION ALL SELECT rm, date FROM standing) GROUP BY m
                UNION ALL SELECT 'pair ' || min(gm, rm) || '-' || max(gm, rm) || ' ' || min(date) FROM standing GROUP BY min(gm, rm), max(gm, rm)
                ORDER BY 1
                """)
        }
    }

    /// Entries between two members (`between_members`) and the originals no reversal undid (`standing`).
    static let betweenMembersAndStanding = """
        between_members AS (
            SELECT e.id, e.date, substr(e.date, 1, 7) AS month, e.minutes, e.reverses, coalesce(e.category, '') AS category,
                   g.member AS gm, r.member AS rm FROM exchange e
            JOIN account g ON g.id = e.giver JOIN account r ON r.id = e.receiver
            WHERE g.kind = 'member' AND r.kind = 'member'),
        standing AS (
            SELECT * FROM between_members WHERE reverses IS NULL
              AND id NOT IN (SELECT reverses FROM exchange WHERE reverses IS NOT NULL))
        """

    /// The pair counts kept for a single month's report (migration v12e-report-month-partners): each
    /// member month row's partners, and each month's connections and repeat pairs. A month whose
    /// pairs have all gone keeps a row of zeros, which says the same as no row: only others are listed.
    func keptPairCounts(_ f: Fixture) throws -> [String] { try keptPairCounts(f.temp) }

    func keptPairCounts(_ temp: TempDatabase) throws -> [String] {
        try temp.rawQueue().read { db in
            try String.fetchAll(db, sql: """
                SELECT 'partners ' || member || ' ' || month || ' ' || partners FROM report_member_month
                UNION ALL SELECT 'monthpairs ' || month || ' ' || connections || ' ' || repeats FROM report_month_pairs
                    WHERE connections <> 0 OR repeats <> 0
                ORDER BY 1
                """)
        }
    }

    /// The same counts from the raw ledger, by the rule: a member's partners in a month are the distinct
    /// members they have an original of that month with that no reversal undid; a month's connections
    /// are its distinct such pairs, its repeat pairs those with two or more such originals.
    func pairCountsFromLedger(_ f: Fixture) throws -> [String] { try pairCountsFromLedger(f.temp) }

    func pairCountsFromLedger(_ temp: TempDatabase) throws -> [String] {
        try temp.rawQueue().read { db in
            try String.fetchAll(db, sql: """
                WITH \(Self.betweenMembersAndStanding),
                member_months AS (SELECT gm AS m, month FROM between_members UNION SELECT rm, month FROM between_members)
                SELECT 'partners ' || mm.m || ' ' || mm.month || ' '
                       || (SELECT count(DISTINCT CASE WHEN s.gm = mm.m THEN s.rm ELSE s.gm END) FROM standing s
                           WHERE s.month = mm.month AND mm.m IN (s.gm, s.rm))
                    FROM member_months mm
                UNION ALL SELECT 'monthpairs ' || month || ' ' || count(*) || ' ' || sum(CASE WHEN n >= 2 THEN 1 ELSE 0 END)
                    FROM (SELECT month, count(*) AS n FROM standing GROUP BY month, min(gm, rm), max(gm, rm)) GROUP BY month
                ORDER BY 1
                """)
        }
    }

    /// Every row of `report_month_pairs`, zeros included.
    func monthPairRows(_ f: Fixture) throws -> [String] {
        try f.temp.rawQueue().read { db in
            try String.fetchAll(db, sql: "SELECT month || ' ' || connections || ' ' || repeats FROM report_month_pairs ORDER BY month")
        }
    }

    /// A pair as the tables write it, the smaller member number first.
    func pair(_ x: Int, _ y: Int) -> String { "\(min(x, y))-\(max(x, y))" }

    func expectKeptEqualsLedger(_ f: Fixture, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try kept(f) == fromLedger(f), sourceLocation: sourceLocation)
        #expect(try keptPairCounts(f) == pairCountsFromLedger(f), sourceLocation: sourceLocation)
        #expect(try f.store.check() == [], sourceLocation: sourceLocation)
    }

    @Test("Recording keeps every month figure, standing pair and category, and first dates; entries with the pot are left out")
    func record() throws {
        let f = try Fixture()
        try f.record(.member(f.ann), .member(f.bob), 90, on: day(Self.y, 6, 10), accept: true)
        try f.record(.member(f.bob), .member(f.ann), 30, on: day(Self.y, 6, 20), accept: true)
        try f.record(.member(f.ann), .member(f.bob), 45, on: day(Self.y, 5, 2), accept: true)
        try f.record(.member(f.cat), .pot, 60, on: day(Self.y, 4, 1), accept: true)
        try f.record(.pot, .member(f.cat), 120, on: day(Self.y, 3, 1), accept: true)
        let (ann, bob, y) = (f.ann, f.bob, Self.y)
        #expect(try kept(f) == [
            "member \(ann) \(y)-05 net 45/0 kept 1x45/0x0 through 45",
            "member \(bob) \(y)-05 net 0/45 kept 0x0/1x45 through 0",
            "member \(ann) \(y)-06 net 90/30 kept 1x90/1x30 through 135",
            "member \(bob) \(y)-06 net 30/90 kept 1x30/1x90 through 30",
            "pairmonth \(pair(ann, bob)) \(y)-05 1", "pairmonth \(pair(ann, bob)) \(y)-06 2",
            "category \(y)-05 [] 45 1", "category \(y)-06 [] 120 2",
            "first \(ann) \(y)-05-02", "first \(bob) \(y)-05-02",
            "pair \(pair(ann, bob)) \(y)-05-02",
        ].sorted())
        // Ann and Bob are each other's one partner in May and in June, where their two standing
        // originals make a repeat pair; Cat exchanged only with the pot, so has no month row.
        #expect(try keptPairCounts(f) == [
            "partners \(ann) \(y)-05 1", "partners \(bob) \(y)-05 1", "partners \(ann) \(y)-06 1", "partners \(bob) \(y)-06 1",
            "monthpairs \(y)-05 1 0", "monthpairs \(y)-06 1 1",
        ].sorted())
        try expectKeptEqualsLedger(f)
    }

    @Test("A reversal dated in a later month counts net in its own month and unkeeps its original in the original's month; first dates move on")
    func reverse() throws {
        let f = try Fixture()
        let first = try f.record(.member(f.ann), .member(f.bob), 90, on: day(Self.y, 6, 10), accept: true)
        try f.record(.member(f.bob), .member(f.ann), 30, on: day(Self.y, 6, 20), accept: true)
        let only = try f.record(.member(f.cat), .member(f.ann), 15, on: day(Self.y, 6, 1), accept: true)
        #expect(try keptPairCounts(f) == [
            "partners \(f.ann) \(Self.y)-06 2", "partners \(f.bob) \(Self.y)-06 1", "partners \(f.cat) \(Self.y)-06 1",
            "monthpairs \(Self.y)-06 2 1",
        ].sorted())
        _ = try f.store.reverse(first.id, reason: "wrong member", date: day(Self.y, 7, 2), by: f.admin)
        _ = try f.store.reverse(only.id, reason: "entered twice", date: day(Self.y, 6, 3), by: f.admin)
        let (ann, bob, cat, y) = (f.ann, f.bob, f.cat, Self.y)
        // The July reversal is net in July and unkeeps June; the June one nets out within June.
        #expect(try kept(f) == [
            "member \(ann) \(y)-06 net 90/30 kept 0x0/1x30 through 90",
            "member \(ann) \(y)-07 net -90/0 kept 0x0/0x0 through 0",
            "member \(bob) \(y)-06 net 30/90 kept 1x30/0x0 through 30",
            "member \(bob) \(y)-07 net 0/-90 kept 0x0/0x0 through 30",
            "member \(cat) \(y)-06 net 0/0 kept 0x0/0x0 through 0",
            "pairmonth \(pair(ann, bob)) \(y)-06 1",
            "category \(y)-06 [] 120 2", "category \(y)-07 [] -90 -1",
            "first \(ann) \(y)-06-20", "first \(bob) \(y)-06-20",
            "pair \(pair(ann, bob)) \(y)-06-20",
        ].sorted())
        // June keeps one original of Ann and Bob (no longer a repeat pair); Cat and Ann's only one is undone.
        #expect(try keptPairCounts(f) == [
            "partners \(ann) \(y)-06 1", "partners \(ann) \(y)-07 0", "partners \(bob) \(y)-06 1", "partners \(bob) \(y)-07 0",
            "partners \(cat) \(y)-06 0", "monthpairs \(y)-06 1 0",
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
        // 33 minutes to each of three attendees; the one left over goes to the pot and is not here.
        #expect(try kept(f).contains("member \(f.ann) \(Self.y)-04 net 99/0 kept 3x99/0x0 through 99"))
        #expect(try kept(f).contains("member \(dee) \(Self.y)-04 net 0/33 kept 0x0/1x33 through 0"))
        #expect(try kept(f).contains("pairmonth \(pair(f.ann, dee)) \(Self.y)-04 1"))
        #expect(try kept(f).contains("category \(Self.y)-04 [] 99 3"))
        #expect(try kept(f).contains("first \(dee) \(Self.y)-04-04"))
        #expect(try keptPairCounts(f).contains("partners \(f.ann) \(Self.y)-04 3"))
        #expect(try keptPairCounts(f).contains("partners \(dee) \(Self.y)-04 1"))
        #expect(try keptPairCounts(f).contains("monthpairs \(Self.y)-04 3 0"))
        _ = try f.store.reverse(recorded[0].id, reason: "did not come", date: day(Self.y, 5, 1), by: f.admin)
        // One attendee's share undone: the leader has two partners left.
        #expect(try keptPairCounts(f).contains("partners \(f.ann) \(Self.y)-04 2"))
        #expect(try keptPairCounts(f).contains("monthpairs \(Self.y)-04 2 0"))
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
            "member \(ann) 2025-03 net 90/0 kept 0x0/0x0 through 90",
            "member \(bob) 2025-03 net 0/150 kept 0x0/1x60 through 0",
            "member \(cat) 2025-03 net 60/0 kept 1x60/0x0 through 60",
            "member \(ann) 2025-04 net -90/0 kept 0x0/0x0 through 0",
            "member \(bob) 2025-04 net 0/-90 kept 0x0/0x0 through 0",
            "pairmonth \(pair(bob, cat)) 2025-03 1",
            "category 2025-03 [] 150 2", "category 2025-04 [] -90 -1",
            "first \(bob) 2025-03-09", "first \(cat) 2025-03-09",
            "pair \(pair(bob, cat)) 2025-03-09",
        ].sorted()
        #expect(try kept(f) == afterExchanges)
        // Ann and Bob's March original is undone in April: only Bob and Cat stay partners in March.
        let pairCounts = [
            "partners \(ann) 2025-03 0", "partners \(bob) 2025-03 1", "partners \(cat) 2025-03 1",
            "partners \(ann) 2025-04 0", "partners \(bob) 2025-04 0", "monthpairs 2025-03 1 0",
        ].sorted()
        #expect(try keptPairCounts(f) == pairCounts)
        let balances = try importBytes(f, "member,balance_minutes\n\(f.ann),1800\n\(f.bob),-75\n", .balances)
        #expect(balances.committed)
        #expect(try kept(f) == afterExchanges)
        #expect(try keptPairCounts(f) == pairCounts)
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

    @Test("Migrating a file built before v12a fills the month aggregates from the ledger already there")
    func backfill() throws {
        let f = try Fixture()
        try f.record(.member(f.ann), .member(f.bob), 90, on: day(Self.y, 6, 10), accept: true)
        let wrong = try f.record(.member(f.bob), .member(f.cat), 20, on: day(Self.y, 6, 11), accept: true)
        _ = try f.store.reverse(wrong.id, reason: "wrong member", date: day(Self.y, 8, 1), by: f.admin)
        try f.record(.member(f.cat), .member(f.ann), 30, on: day(Self.y, 2, 3), accept: true)
        // Back to the schema before v12a: its tables and triggers, as v11a made them.
        try f.temp.rawQueue().write { db in
            try db.execute(sql: """
                DROP TRIGGER report_month_aggregates_original; DROP TRIGGER report_month_aggregates_reversal;
                DROP TABLE report_member_month; DROP TABLE report_pair_month; DROP TABLE report_month_category;
                DROP TABLE report_member_first; DROP TABLE report_pair_first;
                DROP TABLE report_month_new_pairs; DROP TABLE report_month_active; DROP TABLE report_month_pairs;
                DROP TRIGGER report_member_first_joined_member;
                """)
            try Schema.addReportAggregates(db)
        }
        // Recorded while only the v11a triggers run, and backdated between Ann's months.
        try f.record(.member(f.ann), .member(f.cat), 15, on: day(Self.y, 3, 5), accept: true)
        let expected = try fromLedger(f)
        // v12a, and the later migrations that build on its tables, in the migrator's order.
        try f.temp.rawQueue().write { db in
            try Schema.addReportMonthAggregates(db)
            try Schema.addReportNewPairs(db)
            try Schema.addReportMonthActive(db)
            try Schema.addReportMonthPartners(db)
            try Schema.addReportPairRecurrence(db)
            try Schema.addReportJoinerFirsts(db)
        }
        #expect(try kept(f) == expected)
        let (ann, bob, cat, y) = (f.ann, f.bob, f.cat, Self.y)
        #expect(expected.contains("member \(ann) \(y)-02 net 0/30 kept 0x0/1x30 through 0"))
        #expect(expected.contains("member \(ann) \(y)-03 net 15/0 kept 1x15/0x0 through 15"))
        #expect(expected.contains("member \(ann) \(y)-06 net 90/0 kept 1x90/0x0 through 105"))
        #expect(expected.contains("member \(bob) \(y)-08 net -20/0 kept 0x0/0x0 through 0"))
        #expect(expected.contains("pairmonth \(pair(ann, cat)) \(y)-02 1"))
        #expect(!expected.contains { $0.hasPrefix("pairmonth \(pair(bob, cat))") })
        #expect(try f.store.check() == [])
        // The new triggers run from here on.
        try f.record(.member(f.bob), .member(f.ann), 10, on: day(Self.y, 1, 20), accept: true)
        try expectKeptEqualsLedger(f)
    }

    @Test("Migrating a file built before v12e counts partners, connections and repeat pairs from the standing pairs already there")
    func backfillPairCounts() throws {
        let f = try Fixture()
        let (ann, bob, cat, y) = (f.ann, f.bob, f.cat, Self.y)
        try f.record(.member(ann), .member(bob), 90, on: day(y, 6, 10), accept: true)
        try f.record(.member(bob), .member(ann), 30, on: day(y, 6, 12), accept: true)
        let wrong = try f.record(.member(bob), .member(cat), 20, on: day(y, 6, 11), accept: true)
        // Back to the schema before v12e.
        try f.temp.rawQueue().write { db in
            try db.execute(sql: """
                DROP TRIGGER report_pair_month_added; DROP TRIGGER report_pair_month_kept; DROP TRIGGER report_pair_month_removed;
                DROP TABLE report_month_pairs; ALTER TABLE report_member_month DROP COLUMN partners;
                """)
        }
        // Recorded while only the triggers before v12e run: a reversal in a later month, and a backdated entry.
        _ = try f.store.reverse(wrong.id, reason: "wrong member", date: day(y, 7, 1), by: f.admin)
        try f.record(.member(cat), .member(ann), 15, on: day(y, 2, 3), accept: true)
        try f.temp.rawQueue().write { db in try Schema.addReportMonthPartners(db) }
        // June: Ann and Bob twice (a repeat pair); Bob and Cat's one undone. February: Cat and Ann.
        #expect(try keptPairCounts(f) == [
            "partners \(ann) \(y)-02 1", "partners \(cat) \(y)-02 1",
            "partners \(ann) \(y)-06 1", "partners \(bob) \(y)-06 1", "partners \(cat) \(y)-06 0",
            "partners \(bob) \(y)-07 0", "partners \(cat) \(y)-07 0",
            "monthpairs \(y)-02 1 0", "monthpairs \(y)-06 1 1",
        ].sorted())
        #expect(try f.store.check() == [])
        // The new triggers run from here on.
        try f.record(.member(cat), .member(bob), 10, on: day(y, 6, 20), accept: true)
        #expect(try keptPairCounts(f).contains("monthpairs \(y)-06 2 1"))
        #expect(try keptPairCounts(f).contains("partners \(bob) \(y)-06 2"))
        try expectKeptEqualsLedger(f)
    }

    @Test("An entry backdated into an earlier month between a member's rows moves the minutes given through every later month")
    func backdated() throws {
        let f = try Fixture()
        let (ann, cat, y) = (f.ann, f.cat, Self.y)
        let march = try f.record(.member(f.ann), .member(f.bob), 60, on: day(y, 3, 10), accept: true)
        try f.record(.member(f.ann), .member(f.bob), 30, on: day(y, 7, 10), accept: true)
        try f.record(.member(f.ann), .member(f.cat), 20, on: day(y, 5, 10), accept: true)
        try f.record(.member(f.ann), .member(f.bob), 10, on: day(y, 3, 1), accept: true)
        try f.record(.member(f.bob), .member(f.cat), 5, on: day(y, 4, 1), accept: true)
        let annRows = try kept(f).filter { $0.hasPrefix("member \(ann) ") }
        #expect(annRows == [
            "member \(ann) \(y)-03 net 70/0 kept 2x70/0x0 through 70",
            "member \(ann) \(y)-05 net 20/0 kept 1x20/0x0 through 90",
            "member \(ann) \(y)-07 net 30/0 kept 1x30/0x0 through 120",
        ])
        // Cat only received: her rows start from nothing given and stay there.
        #expect(try kept(f).filter { $0.hasPrefix("member \(cat) ") } == [
            "member \(cat) \(y)-04 net 0/5 kept 0x0/1x5 through 0",
            "member \(cat) \(y)-05 net 0/20 kept 0x0/1x20 through 0",
        ])
        // Ann and Bob's two March originals make March's one repeat pair.
        #expect(try keptPairCounts(f).filter { $0.hasPrefix("monthpairs ") } == [
            "monthpairs \(y)-03 1 1", "monthpairs \(y)-04 1 0", "monthpairs \(y)-05 1 0", "monthpairs \(y)-07 1 0",
        ])
        #expect(try keptPairCounts(f).filter { $0.hasPrefix("partners \(ann) ") } == [
            "partners \(ann) \(y)-03 1", "partners \(ann) \(y)-05 1", "partners \(ann) \(y)-07 1",
        ])
        // A reversal of a March entry dated in April: a new April row for Ann between her months.
        _ = try f.store.reverse(march.id, reason: "wrong member", date: day(y, 4, 20), by: f.admin)
        #expect(try kept(f).filter { $0.hasPrefix("member \(ann) ") } == [
            "member \(ann) \(y)-03 net 70/0 kept 1x10/0x0 through 70",
            "member \(ann) \(y)-04 net -60/0 kept 0x0/0x0 through 10",
            "member \(ann) \(y)-05 net 20/0 kept 1x20/0x0 through 30",
            "member \(ann) \(y)-07 net 30/0 kept 1x30/0x0 through 60",
        ])
        // March keeps one of the two: no longer a repeat pair. Ann's April row has no partner.
        #expect(try keptPairCounts(f).contains("monthpairs \(y)-03 1 0"))
        #expect(try keptPairCounts(f).filter { $0.hasPrefix("partners \(ann) ") } == [
            "partners \(ann) \(y)-03 1", "partners \(ann) \(y)-04 0", "partners \(ann) \(y)-05 1", "partners \(ann) \(y)-07 1",
        ])
        try expectKeptEqualsLedger(f)
    }

    @Test("Reversing the only standing exchange of a pair in a month removes that month's pair row; the member rows stay")
    func pairRowGoes() throws {
        let f = try Fixture()
        let (ann, bob, y) = (f.ann, f.bob, Self.y)
        let june = try f.record(.member(f.ann), .member(f.bob), 90, on: day(y, 6, 10), accept: true)
        try f.record(.member(f.bob), .member(f.ann), 45, on: day(y, 7, 1), accept: true)
        #expect(try kept(f).filter { $0.hasPrefix("pairmonth ") } == ["pairmonth \(pair(ann, bob)) \(y)-06 1", "pairmonth \(pair(ann, bob)) \(y)-07 1"])
        _ = try f.store.reverse(june.id, reason: "wrong member", date: day(y, 7, 2), by: f.admin)
        #expect(try kept(f).filter { $0.hasPrefix("pairmonth ") } == ["pairmonth \(pair(ann, bob)) \(y)-07 1"])
        #expect(try kept(f).contains("member \(ann) \(y)-06 net 90/0 kept 0x0/0x0 through 90"))
        #expect(try kept(f).contains("member \(bob) \(y)-06 net 0/90 kept 0x0/0x0 through 0"))
        // Both lose their June partner and June its connection; the month's row stays, at zero.
        #expect(try keptPairCounts(f).filter { $0.contains("-06") } == ["partners \(ann) \(y)-06 0", "partners \(bob) \(y)-06 0"])
        #expect(try monthPairRows(f) == ["\(y)-06 0 0", "\(y)-07 1 0"])
        try expectKeptEqualsLedger(f)
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

    /// A single month's report reads its pair counts (v12e) and looks up only the pairs whose
    /// originals of the month were reversed after it; those stood at the month's end.
    @Test("A month's connections, repeat pairs and partners count originals reversed after its end, beside the pair's standing ones")
    func monthWithLateReversals() throws {
        let f = try Fixture()
        let (ann, bob, cat, y) = (f.ann, f.bob, f.cat, Self.y)
        try f.record(.member(ann), .member(bob), 60, on: day(y, 6, 5), accept: true)
        let annBobAgain = try f.record(.member(ann), .member(bob), 30, on: day(y, 6, 8), accept: true)
        let bobCat = try f.record(.member(bob), .member(cat), 45, on: day(y, 6, 9), accept: true)
        let catAnn = try f.record(.member(cat), .member(ann), 20, on: day(y, 6, 10), accept: true)
        _ = try f.store.reverse(catAnn.id, reason: "entered twice", date: day(y, 6, 20), by: f.admin)
        _ = try f.store.reverse(annBobAgain.id, reason: "wrong member", date: day(y, 7, 3), by: f.admin)
        _ = try f.store.reverse(bobCat.id, reason: "wrong member", date: day(y, 7, 4), by: f.admin)

        // At June's end Ann and Bob had two originals standing (a repeat pair), Bob and Cat one;
        // Cat and Ann's was already undone. Partners: Ann 1, Bob 2, Cat 1.
        let june = try f.store.report(.month(y, 6)!, today: day(y + 1, 1, 1)).current
        #expect(june.value("connections") == .count(2))
        #expect(june.value("repeat_pairs") == .count(1))
        #expect(june.value("new_connections") == .count(2))
        #expect(june.value("median_partners") == .measure(1))
        // Today only Ann and Bob's first original stands.
        #expect(try keptPairCounts(f).filter { $0.hasPrefix("monthpairs ") } == ["monthpairs \(y)-06 1 0"])
        try expectKeptEqualsLedger(f)
    }

    @Test("check names each kept row that differs from the ledger, is missing or is extra")
    func checkNamesDamage() throws {
        let f = try Fixture()
        try f.record(.member(f.ann), .member(f.bob), 90, on: day(Self.y, 6, 10), accept: true)
        try f.record(.member(f.cat), .member(f.ann), 30, on: day(Self.y, 6, 12), accept: true)
        try f.temp.rawQueue().write { db in
            try db.execute(sql: "UPDATE report_member_month SET given_through = 91 WHERE member = ? AND month = ?", arguments: [f.ann, "\(Self.y)-06"])
            try db.execute(sql: "DELETE FROM report_pair_month WHERE a = ? AND b = ?", arguments: [min(f.ann, f.bob), max(f.ann, f.bob)])
            try db.execute(sql: "INSERT INTO report_month_category (month, category, minutes, exchanges) VALUES ('2020-01', 'garden', 5, 1)")
            try db.execute(sql: "DELETE FROM report_member_first WHERE member = ?", arguments: [f.cat])
            try db.execute(sql: "UPDATE report_member_month SET partners = 5 WHERE member = ? AND month = ?", arguments: [f.cat, "\(Self.y)-06"])
            try db.execute(sql: "UPDATE report_month_pairs SET connections = 7 WHERE month = ?", arguments: ["\(Self.y)-06"])
            try db.execute(sql: "INSERT INTO report_pair_first (a, b, first_exchange) VALUES (?, ?, '2020-01-01')",
                           arguments: [min(f.bob, f.cat), max(f.bob, f.cat)])
        }
        let problems = try f.store.check()
        let annJune = "given 90 and received 30 minutes, 1 standing given for 90 minutes, 1 standing received for 30 minutes"
        #expect(problems.contains("The report's month figures of member \(f.ann) in \(Self.y)-06 (kept: \(annJune), 91 minutes given through the month) "
            + "differ from the ledger (\(annJune), 90 minutes given through the month)."))
        #expect(problems.contains("The report's standing exchanges between members \(min(f.ann, f.bob)) and \(max(f.ann, f.bob)) in \(Self.y)-06 (kept none) differ from the ledger (1)."))
        #expect(problems.contains("The report's net exchanges in category garden in 2020-01 (kept 1 exchange for 5 minutes) differ from the ledger (none)."))
        #expect(problems.contains("The report's first exchange of member \(f.cat) (kept none) differs from the ledger (\(Self.y)-06-12)."))
        #expect(problems.contains("The report's first exchange between members \(min(f.bob, f.cat)) and \(max(f.bob, f.cat)) (kept 2020-01-01) differs from the ledger (none)."))
        // The pair row deleted above took its partners and connection with it (the triggers count
        // from the pair rows): June has Cat and Ann only.
        #expect(problems.contains("The report's partners of member \(f.cat) in \(Self.y)-06 (kept 5) differ from the standing pairs of that month (1)."))
        #expect(problems.contains("The report's connections in \(Self.y)-06 (kept 7 connections, 0 repeat pairs) "
            + "differ from the standing pairs of that month (1 connection, 0 repeat pairs)."))
        #expect(problems.count == 7)
    }
}
