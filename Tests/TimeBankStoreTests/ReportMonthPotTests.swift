import Foundation
import GRDB
import Testing
import TimeBank
import TimeBankImport
@testable import TimeBankStore

/// The pot's monthly sums (migration v12k-report-month-pot): minutes granted from the pot to
/// members and donated by members to it, originals less their reversals, each in the month of its
/// own date, kept with every entry whoever writes; a period of whole months reads them, a range of
/// days sums its entries. Opening balances are not the pot.
@Suite("The pot's minutes kept per month")
struct ReportMonthPotTests {
    /// The kept rows as `month granted donated`.
    func kept(_ temp: TempDatabase) throws -> [String] {
        try temp.rawQueue().read { db in
            try String.fetchAll(db, sql: "SELECT month || ' ' || granted || ' ' || donated FROM report_month_pot ORDER BY month")
        }
    }

    /// Grants, a donation, a class's remainder from the pot, reversals in the same and a later
    /// month, and opening balances brought in by an import.
    func ledger() throws -> ReportLedger {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker"), cat = try l.member("Cat Cooper")
        let eve = try l.member("Eve Evans"), fay = try l.member("Fay Fox")
        let grant = try l.give(.member(eve), .pot, 120, on: reportDay(3, 2))    // the pot credits Eve 2:00
        try l.give(.pot, .member(fay), 30, on: reportDay(3, 3))                // Fay gives 0:30 to the pot
        let undone = try l.give(.member(cat), .pot, 60, on: reportDay(3, 4))
        try l.reverse(undone, on: reportDay(3, 6))
        // Ann leads a class of two for 101 minutes: 50 each, the 1-minute remainder from the pot.
        let lesson = try GroupActivity.oneToMany(leader: .member(ann), attendees: [.member(bob), .member(cat)],
                                                 leaderMinutes: 101, date: reportDay(3, 10), categoryCode: nil, description: "Yoga")
        _ = try l.store.recordGroup(lesson, by: l.broker, acceptCreditLimit: true)
        let gift = try l.give(.pot, .member(bob), 15, on: reportDay(4, 20))    // Bob gives 0:15 to the pot
        try l.reverse(grant, on: reportDay(4, 2))
        try l.reverse(gift, on: reportDay(5, 1))
        let file = try ImportFile.read(bytes: Array("member,balance_minutes\n\(ann),600\n\(bob),-90\n".utf8), kind: .balances, format: .timebank)
        #expect(try l.store.importRows(file, kind: .balances, source: "balances.csv", commit: true, by: l.broker).committed)
        return l
    }

    @Test("Each month keeps the minutes granted from and donated to the pot, reversals in their own month; a period reads them, a range of days sums its entries")
    func keptAndReported() throws {
        let l = try ledger()
        // March: granted 120 + 60 - 60 + 1, donated 30. April: the grant reversed, Bob's 15 donated.
        // May: Bob's gift reversed.
        #expect(try kept(l.temp) == ["2026-03 121 30", "2026-04 -120 15", "2026-05 0 -15"])
        expectFigures(try l.report(.quarter(2026, 2)).current, ["pot_granted_minutes": -120, "pot_donated_minutes": 0], "Q2")
        expectFigures(try l.report(.month(2026, 3)).current, ["pot_granted_minutes": 121, "pot_donated_minutes": 30], "March")
        // 4 March to 20 April: Cat's 60 and its reversal, the remainder, the grant's reversal, Bob's gift.
        let days = ReportPeriod(kind: .range, first: reportDay(3, 4), last: reportDay(4, 20))
        expectFigures(try l.report(days).current, ["pot_granted_minutes": -119, "pot_donated_minutes": 15], "4 March-20 April")
        #expect(try l.store.check().filter { $0.contains("pot") }.isEmpty)
    }

    @Test("A time bank with pot entries from before the sums were kept gets them on opening")
    func backfilledOnOpening() throws {
        let l = try ledger()
        try l.temp.rawQueue().write { db in
            try db.execute(sql: """
                DROP TRIGGER report_month_pot_entry; DROP TABLE report_month_pot;
                DELETE FROM grdb_migrations WHERE identifier = 'v12k-report-month-pot';
                """)
        }
        _ = try Store(path: l.temp.path)
        #expect(try kept(l.temp) == ["2026-03 121 30", "2026-04 -120 15", "2026-05 0 -15"])
    }

    @Test("check names each month whose kept pot sums differ from the ledger")
    func checkNamesDamage() throws {
        let l = try ledger()
        try l.temp.rawQueue().write { db in
            try db.execute(sql: """
                UPDATE report_month_pot SET granted = 100 WHERE month = '2026-03';
                DELETE FROM report_month_pot WHERE month = '2026-04';
                INSERT INTO report_month_pot (month, granted, donated) VALUES ('2020-01', 0, 7);
                """)
        }
        let problems = try l.store.check()
        #expect(problems.contains("The report's minutes granted from the pot in 2026-03 (kept 100) differ from the ledger (121)."))
        #expect(problems.contains("The report's minutes granted from the pot in 2026-04 (kept 0) differ from the ledger (-120)."))
        #expect(problems.contains("The report's minutes donated to the pot in 2026-04 (kept 0) differ from the ledger (15)."))
        #expect(problems.contains("The report's minutes donated to the pot in 2020-01 (kept 7) differ from the ledger (0)."))
    }
}
