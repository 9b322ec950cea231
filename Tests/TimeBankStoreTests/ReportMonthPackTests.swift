import Foundation
import GRDB
import Testing
import TimeBank
@testable import TimeBankStore

/// Months' member rows packed for reports (migration v12m-report-month-packs): a report reads a
/// month's pack, with the rows of the members changed since, instead of every row; the figures
/// must be the same whatever is packed and whatever changed after.
@Suite("Months' member rows packed for reports", .serialized)
struct ReportMonthPackTests {
    typealias Row = MemberMonthPack.Row

    static let rows = [
        Row(member: 1, keptGivenMinutes: 0, keptReceivedMinutes: 60, givenThrough: 0, partners: 1, activeBefore: 0),
        Row(member: 2, keptGivenMinutes: 127, keptReceivedMinutes: 128, givenThrough: 16_384, partners: 2, activeBefore: 1),
        Row(member: 100_992, keptGivenMinutes: -1, keptReceivedMinutes: Int.max, givenThrough: Int.min, partners: 0, activeBefore: 1),
    ]

    @Test("A pack gives back the rows it was made from, however large or negative, and in chunks of any size")
    func roundTrip() throws {
        let packed = MemberMonthPack.pack(Self.rows)
        #expect(try MemberMonthPack.rows(packed) == Self.rows)
        // One byte at a time: every value and row crosses a chunk's end.
        var at = 0
        var reader = try MemberMonthPack.Reader(chunks: {
            guard at < packed.count else { return nil }
            defer { at += 1 }
            return [packed[at]]
        })
        var read: [Row] = []
        while let r = try reader.next() { read.append(r) }
        #expect(read == Self.rows)
        #expect(try MemberMonthPack.rows([MemberMonthPack.version]).isEmpty)
    }

    @Test("A blob that is not a pack, or ends inside a row, is refused")
    func damagedRefused() throws {
        let packed = MemberMonthPack.pack(Self.rows)
        #expect(throws: MemberMonthPack.Damaged.self) { try MemberMonthPack.rows([]) }
        #expect(throws: MemberMonthPack.Damaged.self) { try MemberMonthPack.rows([2] + packed.dropFirst()) }
        #expect(throws: MemberMonthPack.Damaged.self) { try MemberMonthPack.rows(Array(packed.dropLast())) }
        // A varint that never ends within 64 bits.
        #expect(throws: MemberMonthPack.Damaged.self) { try MemberMonthPack.rows([MemberMonthPack.version] + Array(repeating: 0xff, count: 12)) }
    }

    /// The months that have member rows, and those that have a pack.
    func months(_ store: Store) throws -> (rows: [String], packs: [String]) {
        try store.read { db in
            (try String.fetchAll(db, sql: "SELECT DISTINCT month FROM report_member_month ORDER BY month"),
             try String.fetchAll(db, sql: "SELECT month FROM report_month_pack ORDER BY month"))
        }
    }

    func changed(_ store: Store) throws -> [String] {
        try store.read { db in
            try String.fetchAll(db, sql: "SELECT month || ' ' || member FROM report_month_pack_changed ORDER BY month, member")
        }
    }

    @Test("Every figure of every period is the same from packed months, with members changed since, as from the exchanges",
          arguments: [UInt64(5), 17])
    func packedFiguresAlike(seed: UInt64) throws {
        let demo = try ReportFigureTests.Demo(seed: seed)
        #expect(try months(demo.store).packs.isEmpty)
        let packed = try demo.store.packMonths()
        let (rowMonths, packs) = try months(demo.store)
        #expect(!rowMonths.isEmpty && packs == rowMonths && packed == rowMonths.count)
        #expect(try changed(demo.store).isEmpty)
        #expect(try demo.store.packMonths() == 0)

        // After packing: an exchange dated in March, and a January original reversed in February.
        let members = try demo.store.members(MemberQuery(status: .active, sort: .number), limit: 2).rows.map(\.number)
        try #require(members.count == 2)
        _ = try demo.store.record(ExchangeRequest(date: reportDay(3, 14), giver: .member(members[0]), receiver: .member(members[1]),
                                                  minutes: 45, description: "after packing"), by: demo.broker, acceptCreditLimit: true)
        let january = try demo.store.read { db in
            try String.fetchOne(db, sql: """
                SELECT e.id FROM exchange e JOIN account g ON g.id = e.giver JOIN account r ON r.id = e.receiver
                WHERE e.reverses IS NULL AND g.kind = 'member' AND r.kind = 'member' AND e.date LIKE '2026-01-%'
                  AND NOT EXISTS (SELECT 1 FROM exchange x WHERE x.reverses = e.id) ORDER BY e.seq LIMIT 1
                """)
        }
        let original = try #require(january.flatMap(UUID.init(uuidString:)))
        _ = try demo.store.reverse(original, reason: "wrong member", date: reportDay(2, 3), by: demo.broker)
        let changedMonths = Set(try changed(demo.store).map { String($0.prefix(7)) })
        #expect(changedMonths.isSuperset(of: ["2026-01", "2026-03"]), "\(changedMonths)")

        try ReportTallyPathTests.expectEveryFigureAlike(demo.store, "seed \(seed), months packed")
        #expect(try demo.store.check().isEmpty)
    }

    @Test("A change to a packed month notes its members, a month without a pack notes none, and packing again forgets them")
    func changesNoted() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker"), cy = try l.member("Cy Cole")
        try l.give(ann, bob, 60, on: reportDay(3, 2))
        try l.give(bob, cy, 30, on: reportDay(3, 9))
        try l.give(cy, ann, 90, on: reportDay(4, 1))
        #expect(try l.store.packMonths() == 2)
        #expect(try changed(l.store).isEmpty)

        // Cy gives Bob in March: both March rows change, and Cy's running total in April too.
        let late = try l.give(cy, bob, 15, on: reportDay(3, 20))
        #expect(try changed(l.store) == ["2026-03 \(bob)", "2026-03 \(cy)", "2026-04 \(cy)"])
        // May has no pack: nothing is noted for it.
        try l.give(ann, cy, 20, on: reportDay(5, 5))
        #expect(try changed(l.store).allSatisfy { !$0.hasPrefix("2026-05") })
        // A reversal dated in May of the March entry changes March's kept figures.
        try l.reverse(late, on: reportDay(5, 6))
        #expect(try changed(l.store).count == 3)

        // Two of March's three members changed and one of April's two, more than a twentieth of
        // each: both are packed again, and May for the first time.
        #expect(try l.store.packMonths() == 3)
        #expect(try changed(l.store).isEmpty)
        #expect(try l.store.check().isEmpty)
    }

    @Test("Packing in the background packs every month once, however often it is asked for")
    func packedInBackground() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker")
        for month in 1...6 { try l.give(ann, bob, 30 * month, on: reportDay(month, 10)) }
        for _ in 0..<3 { l.store.packMonthsInBackground() }
        var waited = 0
        while l.store.packingMonths.withLock({ $0 }) && waited < 200 {
            Thread.sleep(forTimeInterval: 0.05)
            waited += 1
        }
        #expect(try months(l.store).packs == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"])
        #expect(try l.store.packMonths() == 0)
    }

    @Test("check names a pack that differs from its month's rows, or is no pack at all")
    func checkNamesDamage() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker")
        try l.give(ann, bob, 60, on: reportDay(3, 2))
        try l.give(bob, ann, 30, on: reportDay(4, 9))
        try l.store.packMonths()
        let wrong = MemberMonthPack.pack([Row(member: ann, keptGivenMinutes: 61, keptReceivedMinutes: 0, givenThrough: 61, partners: 1,
                                              activeBefore: 0),
                                          Row(member: bob, keptGivenMinutes: 0, keptReceivedMinutes: 60, givenThrough: 0, partners: 1,
                                              activeBefore: 0)])
        try l.temp.rawQueue().write { db in
            try db.execute(sql: "UPDATE report_month_pack SET rows = ? WHERE month = '2026-03'", arguments: [Data(wrong)])
            try db.execute(sql: "UPDATE report_month_pack SET rows = x'02' WHERE month = '2026-04'")
        }
        #expect(try l.store.check() == [
            "The report's packed members of 2026-03 differ from its member rows.",
            "The report's packed members of 2026-04 differ from its member rows.",
        ])
        // A report passes over the pack that is no pack and reads April's rows: Bob gave Ann 30 minutes.
        expectFigures(try l.report(.month(2026, 4)).current, [
            "exchanges": 1, "minutes_exchanged": 30, "active_members": 2, "givers": 1, "receivers": 1,
        ], "April with a damaged pack")
    }
}
