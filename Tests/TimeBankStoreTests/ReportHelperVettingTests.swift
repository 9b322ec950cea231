import Foundation
import GRDB
import Testing
import TimeBank
@testable import TimeBankStore

/// Safeguarding at speed (issue #13): each exchange on a referral keeps its helper's vetting
/// (migration v12n-report-helper-vetting), so a period reads its exchanges on needs that asked
/// for a vetted helper without looking each helper up. The copy follows the vetting whenever it
/// is recorded, changed or removed, and the figures stay the definition's: the helper's vetting
/// complete on the date of service.
@Suite("Referral exchanges keep their helper's vetting")
struct ReportHelperVettingTests {
    /// The kept vetting of a helper's exchanges, as `date complete completed_on next_review`, by date.
    func kept(_ l: ReportLedger, helper: Int) throws -> [String] {
        try l.temp.rawQueue().read { db in
            try String.fetchAll(db, sql: """
                SELECT date || ' ' || coalesce(complete, '-') || ' ' || coalesce(completed_on, '-') || ' ' || coalesce(next_review, '-')
                FROM report_referral_exchange WHERE helper = ? ORDER BY date
                """, arguments: [helper])
        }
    }

    static let references = [VettingReference(referee: "A", received: reportDay(1, 5)), VettingReference(referee: "B", received: reportDay(1, 6))]

    static func vetting(induction: CalendarDate) -> Vetting {
        Vetting(references: references, idSeen: reportDay(1, 7), induction: induction, review: reportDay(6, 1, 2027))
    }

    /// Val, vetted with the induction on 8 January 2026, helped Nia on 5 May and 5 June, on a
    /// need that asked for a vetted helper.
    func valHelpedNia() throws -> (ledger: ReportLedger, val: Int) {
        let l = try ReportLedger()
        let nia = try l.member("Nia Need", status: .active), val = try l.member("Val Vetted", status: .active)
        try l.store.saveVetting(member: val, Self.vetting(induction: reportDay(1, 8)), by: l.broker)
        let referral = try l.agreedReferral(toVettedNeedOf: nia, helper: val)
        try l.give(val, nia, 60, on: reportDay(5, 5), referral: referral)
        try l.give(val, nia, 60, on: reportDay(6, 5), referral: referral)
        return (l, val)
    }

    static let keptFromJanuary = ["2026-05-05 1 2026-01-08 2027-06-01", "2026-06-05 1 2026-01-08 2027-06-01"]

    /// How many of the month's exchanges on vetted needs there were, and how many with the helper vetted that day.
    func vetted(_ l: ReportLedger, _ month: Int) throws -> [ReportValue?] {
        let f = try l.report(.month(2026, month)).current
        return [f.value("vetted_need_exchanges"), f.value("vetted_need_exchanges_helper_vetted")]
    }

    @Test("A helper's vetting changed or removed after the exchanges follows them into the report")
    func followsTheVetting() throws {
        let (l, val) = try valHelpedNia()
        #expect(try kept(l, helper: val) == Self.keptFromJanuary)
        #expect(try vetted(l, 5) == [.count(1), .count(1)])

        // The induction was in fact on 1 June: vetted for June's exchange, not May's.
        try l.store.saveVetting(member: val, Self.vetting(induction: reportDay(6, 1)), by: l.broker)
        #expect(try kept(l, helper: val) == ["2026-05-05 1 2026-06-01 2027-06-01", "2026-06-05 1 2026-06-01 2027-06-01"])
        #expect(try vetted(l, 5) == [.count(1), .count(0)])
        #expect(try vetted(l, 6) == [.count(1), .count(1)])
        #expect(try l.store.check().isEmpty)

        // Whoever writes: the vetting row removed straight from the file.
        try l.temp.rawQueue().write { db in try db.execute(sql: "DELETE FROM vetting WHERE member = ?", arguments: [val]) }
        #expect(try kept(l, helper: val) == ["2026-05-05 - - -", "2026-06-05 - - -"])
        #expect(try vetted(l, 5) == [.count(1), .count(0)])
        #expect(try vetted(l, 6) == [.count(1), .count(0)])
    }

    @Test("A referral exchange given another helper keeps that helper's vetting")
    func anotherHelper() throws {
        let (l, val) = try valHelpedNia()
        let wes = try l.member("Wes Vetted", status: .active)
        try l.store.saveVetting(member: wes, Self.vetting(induction: reportDay(1, 9)), by: l.broker)
        try l.temp.rawQueue().write { db in
            try db.execute(sql: "UPDATE report_referral_exchange SET helper = ? WHERE helper = ? AND date = '2026-05-05'", arguments: [wes, val])
        }
        #expect(try kept(l, helper: wes) == ["2026-05-05 1 2026-01-09 2027-06-01"])
        #expect(try kept(l, helper: val) == ["2026-06-05 1 2026-01-08 2027-06-01"])
    }

    @Test("A time bank whose referral exchanges were kept before their helpers' vetting was gets it on opening")
    func backfilledOnOpening() throws {
        let (l, val) = try valHelpedNia()
        try l.temp.rawQueue().write { db in
            try db.execute(sql: """
                DROP TRIGGER report_referral_exchange_vetting_insert; DROP TRIGGER report_referral_exchange_vetting_helper;
                DROP TRIGGER vetting_report_helper_insert; DROP TRIGGER vetting_report_helper_update; DROP TRIGGER vetting_report_helper_delete;
                DROP INDEX report_referral_exchange_vetting; DROP INDEX report_referral_exchange_helper; DROP INDEX report_reversal_original_date;
                ALTER TABLE report_referral_exchange DROP COLUMN complete; ALTER TABLE report_referral_exchange DROP COLUMN completed_on;
                ALTER TABLE report_referral_exchange DROP COLUMN next_review;
                DELETE FROM grdb_migrations WHERE identifier = 'v12n-report-helper-vetting';
                """)
        }
        let store = try Store(path: l.temp.path)
        #expect(try kept(l, helper: val) == Self.keptFromJanuary)
        #expect(try store.check().isEmpty)
    }

    @Test("check names each referral exchange whose kept vetting differs from its helper's")
    func checkNamesDamage() throws {
        let (l, val) = try valHelpedNia()
        let exchange = try #require(try l.temp.rawQueue().read { db in
            try Int.fetchOne(db, sql: "SELECT exchange FROM report_referral_exchange WHERE date = '2026-06-05'")
        })
        try l.temp.rawQueue().write { db in
            try db.execute(sql: "UPDATE report_referral_exchange SET complete = 0 WHERE exchange = ?", arguments: [exchange])
        }
        #expect(try l.store.check() == [
            "The report's copy of the vetting of member \(val), helper on referral exchange \(exchange), differs from the member's vetting."
        ])
    }
}
