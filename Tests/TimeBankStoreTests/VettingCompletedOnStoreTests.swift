import Foundation
import GRDB
import Testing
import TimeBank
@testable import TimeBankStore

/// Issue #13 (safeguarding): the store keeps the day each member's vetting was completed
/// (`vetting.completed_on`) with every save, fills it in for files made before it existed, and the
/// report counts a helper as vetted only on days of service on or after it.
@Suite("Vetting completed on, stored")
struct VettingCompletedOnStoreTests {
    static func completedOn(_ temp: TempDatabase, _ member: Int) throws -> String? {
        try temp.rawQueue().read { db in try String.fetchOne(db, sql: "SELECT completed_on FROM vetting WHERE member = ?", arguments: [member]) }
    }

    static let refs = [VettingReference(referee: "A", received: reportDay(1, 5)), VettingReference(referee: "B", received: reportDay(1, 9))]

    @Test("Each save of a member's vetting keeps the day it was completed, and none while a step is missing")
    func followsSaves() throws {
        let l = try ReportLedger()
        let val = try l.member("Zoë 王 O'Brien")
        #expect(try Self.completedOn(l.temp, val) == nil)
        var v = Vetting(references: Self.refs, idSeen: reportDay(1, 2), induction: nil)
        try l.store.saveVetting(member: val, v, by: l.broker)
        #expect(try Self.completedOn(l.temp, val) == nil)
        v.induction = reportDay(3, 4)
        try l.store.saveVetting(member: val, v, by: l.broker)
        #expect(try Self.completedOn(l.temp, val) == "2026-03-04")
        // A DBS check becomes required: completed when its certificate was issued.
        v.dbsRequired = true
        v.dbs = DBSCheck(level: "enhanced", certificateNumber: "001234567890", issued: reportDay(4, 20), review: reportDay(4, 20, 2029))
        try l.store.saveVetting(member: val, v, by: l.broker)
        #expect(try Self.completedOn(l.temp, val) == "2026-04-20")
        v.references.removeLast()
        try l.store.saveVetting(member: val, v, by: l.broker)
        #expect(try Self.completedOn(l.temp, val) == nil)
        #expect(try l.store.check() == [])
    }

    @Test("Erasing a member forgets the day their vetting was completed with the rest of it")
    func erasureForgetsIt() throws {
        let l = try ReportLedger()
        let zoe = try l.member("Zoë 王 O'Brien")
        try l.store.saveVetting(member: zoe, Vetting(references: Self.refs, idSeen: reportDay(1, 2), induction: reportDay(3, 4)), by: l.broker)
        #expect(try Self.completedOn(l.temp, zoe) == "2026-03-04")
        try l.store.erase(member: zoe, reason: "Asked in writing", balance: .keep, by: l.broker)
        #expect(try Self.completedOn(l.temp, zoe) == nil)
        #expect(try l.store.check() == [])
    }

    @Test("Migrating a file built before v12d fills in the day each vetting was completed from its steps")
    func backfill() throws {
        let l = try ReportLedger()
        let (late, dbs, unordered, partial) = (try l.member("Late Induction"), try l.member("DBS Last"), try l.member("Refs Unordered"),
                                               try l.member("Not Yet"))
        try l.store.saveVetting(member: late, Vetting(references: Self.refs, idSeen: reportDay(1, 2), induction: reportDay(6, 1)), by: l.broker)
        try l.store.saveVetting(member: dbs, Vetting(references: Self.refs, idSeen: reportDay(1, 2), induction: reportDay(2, 1), dbsRequired: true,
                                                    dbs: DBSCheck(level: "enhanced", certificateNumber: "001234567890", issued: reportDay(7, 7),
                                                                  review: reportDay(7, 7, 2029))), by: l.broker)
        let threeRefs = [VettingReference(referee: "C", received: reportDay(9, 30)), VettingReference(referee: "A", received: reportDay(1, 5)),
                         VettingReference(referee: "B", received: reportDay(8, 8))]
        try l.store.saveVetting(member: unordered, Vetting(references: threeRefs, idSeen: reportDay(1, 2), induction: reportDay(2, 1)), by: l.broker)
        try l.store.saveVetting(member: partial, Vetting(references: Self.refs, idSeen: reportDay(1, 2)), by: l.broker)
        // Back to the schema before v12d: no completed_on, the index as it was, and none of the
        // later triggers that copy it (v12n-report-helper-vetting; the copies stay as they are).
        try l.temp.rawQueue().write { db in
            try db.execute(sql: """
                DROP TRIGGER report_referral_exchange_vetting_insert; DROP TRIGGER report_referral_exchange_vetting_helper;
                DROP TRIGGER vetting_report_helper_insert; DROP TRIGGER vetting_report_helper_update; DROP TRIGGER vetting_report_helper_delete;
                DROP INDEX vetting_state;
                ALTER TABLE vetting DROP COLUMN completed_on;
                CREATE INDEX vetting_state ON vetting(member, complete, next_review);
                """)
            try Schema.addVettingCompletedOn(db)
        }
        #expect(try Self.completedOn(l.temp, late) == "2026-06-01")
        #expect(try Self.completedOn(l.temp, dbs) == "2026-07-07")
        #expect(try Self.completedOn(l.temp, unordered) == "2026-08-08")
        #expect(try Self.completedOn(l.temp, partial) == nil)
        #expect(try l.store.check() == [])
    }

    @Test("A report of days, not whole months, counts the helper as vetted only from the day the vetting was completed")
    func rangeOfDays() throws {
        let l = try ReportLedger()
        let nia = try l.member("Nia Need", status: .active), val = try l.member("Val Late", status: .active)
        try l.store.saveVetting(member: val, Vetting(references: Self.refs, idSeen: reportDay(1, 7), induction: reportDay(6, 1),
                                                      review: reportDay(6, 1, 2027)), by: l.broker)
        let referral = try l.agreedReferral(toVettedNeedOf: nia, helper: val)
        try l.give(val, nia, 60, on: reportDay(5, 31), referral: referral)   // the day before the induction
        try l.give(val, nia, 60, on: reportDay(6, 1), referral: referral)    // the day of the induction
        let figures = try l.report(.range(reportDay(5, 10), reportDay(6, 20))).current
        #expect(figures.value("vetted_need_exchanges") == .count(2))
        #expect(figures.value("vetted_need_exchanges_helper_vetted") == .count(1))
    }
}
