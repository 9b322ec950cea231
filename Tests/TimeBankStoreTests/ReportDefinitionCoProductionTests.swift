import Foundation
import Testing
import TimeBank
import TimeBankImport
@testable import TimeBankStore

/// Issue #13: the pot, opening balances, group activities, organisations, members who came
/// through a service, breakdowns by area and kind, and safeguarding, on hand-built ledgers.
extension ReportDefinitionTests {
    // MARK: 7. The pot, opening balances and group activities

    @Test("Pot grants and donations are reported apart, never as exchanges, hours or activity; a class's shares are exchanges")
    func potAndGroupActivities() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker"), cat = try l.member("Cat Cooper")
        let dan = try l.member("Dan Dyer"), eve = try l.member("Eve Evans"), fay = try l.member("Fay Fox")
        let grant = try l.give(.member(eve), .pot, 120, on: reportDay(3, 2))    // the pot credits Eve 2:00
        try l.give(.pot, .member(fay), 30, on: reportDay(3, 3))                // Fay gives 0:30 to the pot
        let undone = try l.give(.member(cat), .pot, 60, on: reportDay(3, 4))
        try l.reverse(undone, on: reportDay(3, 6))
        // Ann leads a class of three for 100 minutes: 33 each, the 1-minute remainder from the pot.
        let lesson = try GroupActivity.oneToMany(leader: .member(ann), attendees: [.member(bob), .member(cat), .member(dan)],
                                                 leaderMinutes: 100, date: reportDay(3, 10), categoryCode: nil, description: "Yoga")
        _ = try l.store.recordGroup(lesson, by: l.broker, acceptCreditLimit: true)
        try l.give(ann, bob, 45, on: reportDay(3, 12))

        // Exchanges between members: 33 × 3 + 45. Active: Ann, Bob, Cat, Dan (not Eve nor Fay).
        // Granted: 120 + 60 - 60 + 1 = 121. Donated: 30.
        let march = try l.report(.month(2026, 3))
        expectFigures(march.current, [
            "exchanges": 4, "minutes_exchanged": 144, "active_members": 4, "givers": 1, "receivers": 3,
            "connections": 3, "pot_granted_minutes": 121, "pot_donated_minutes": 30,
        ], "March")
        #expect(march.current.value("minutes_exchanged", section: .byMonth, breakdown: "2026-03") == .minutes(144))

        // Eve's grant reversed in April: -120 granted, nothing else.
        try l.reverse(grant, on: reportDay(4, 2))
        expectFigures(try l.report(.month(2026, 4)).current, [
            "exchanges": 0, "minutes_exchanged": 0, "active_members": 0, "pot_granted_minutes": -120, "pot_donated_minutes": 0,
        ], "April")
        expectFigures(try l.report(.year(2026)).current, [
            "exchanges": 4, "minutes_exchanged": 144, "active_members": 4, "pot_granted_minutes": 1, "pot_donated_minutes": 30,
        ], "2026")
    }

    @Test("Opening balances brought in by an import are neither exchanges, hours, activity nor pot figures")
    func openingBalances() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker")
        let before = try l.store.balance(.member(ann)).balanceMinutes
        let file = try ImportFile.read(bytes: Array("member,balance_minutes\n\(ann),1800\n\(bob),-75\n".utf8), kind: .balances, format: .timebank)
        let outcome = try l.store.importRows(file, kind: .balances, source: "balances.csv", commit: true, by: l.broker)
        #expect(outcome.committed)
        #expect(try l.store.balance(.member(ann)).balanceMinutes == before + 1800)
        // Opening balances are dated the day of the import.
        let now = CalendarDate.today()
        for period in [ReportPeriod.month(now.year, now.month), .year(now.year)] {
            expectFigures(try l.report(period).current, [
                "exchanges": 0, "minutes_exchanged": 0, "active_members": 0, "givers": 0, "connections": 0,
                "pot_granted_minutes": 0, "pot_donated_minutes": 0,
            ], period?.code ?? "?")
        }
    }

    // MARK: 8. Organisations, came through a service, area and member kind

    @Test("People helped by organisations, hours of members who came through a service, and breakdowns by area and kind")
    func coProductionAndBreakdowns() throws {
        let l = try ReportLedger()
        let surgery = try l.member("Riverside Surgery", kind: .organisation, area: "North")
        let pia = try l.member("Pia Price", area: "North", cameThrough: .gpOrSocialPrescriber)
        let quinn = try l.member("Quinn Quayle", area: "South", cameThrough: .friendOrFamily)
        let ros = try l.member("Ros Reed", area: "South", cameThrough: .housing)
        try l.give(surgery, pia, 60, on: reportDay(4, 2))
        try l.give(surgery, quinn, 30, on: reportDay(4, 3))
        try l.give(surgery, pia, 30, on: reportDay(4, 4))
        let undone = try l.give(surgery, ros, 45, on: reportDay(4, 5))
        try l.reverse(undone, on: reportDay(4, 6))
        try l.give(pia, quinn, 90, on: reportDay(4, 10))
        try l.give(quinn, surgery, 20, on: reportDay(4, 12))
        try l.give(pia, ros, 15, on: reportDay(4, 14))

        // Helped by the surgery: Pia and Quinn (Ros's was reversed). The surgery gave
        // 60 + 30 + 30 + 45 - 45 = 120 and received 20. Came through a service: Pia (GP) gave
        // 90 + 15 and received 90; Ros (housing) received 45 - 45 + 15. Quinn came through a friend.
        let april = try l.report(.month(2026, 4)).current
        expectFigures(april, ["exchanges": 6, "minutes_exchanged": 245, "active_members": 4], "April")
        #expect(april.value("people_helped_by_organisations") == .count(2))
        #expect(april.value("organisation_minutes_given") == .minutes(120))
        #expect(april.value("organisation_minutes_received") == .minutes(20))
        #expect(april.value("minutes_given_by_came_through_service") == .minutes(105))
        #expect(april.value("minutes_received_by_came_through_service") == .minutes(105))
        #expect(april.value("active_came_through_service") == .count(2))

        // North: the surgery and Pia gave 120 + 105, received 20 + 90. South: Quinn and Ros gave
        // 20, received 30 + 90 and 15. Two people in each area: shown as <5.
        let north = april.value("active_members", section: .byArea, breakdown: "North")
        #expect(north == .people(2) && north?.number == nil && north?.data == "<5")
        #expect(april.value("minutes_given", section: .byArea, breakdown: "North") == .minutes(225))
        #expect(april.value("minutes_received", section: .byArea, breakdown: "North") == .minutes(110))
        #expect(april.value("active_members", section: .byArea, breakdown: "South") == .people(2))
        #expect(april.value("minutes_given", section: .byArea, breakdown: "South") == .minutes(20))
        #expect(april.value("minutes_received", section: .byArea, breakdown: "South") == .minutes(135))
        #expect(april.value("active_members", section: .byMemberKind, breakdown: "organisation") == .people(1))
        #expect(april.value("minutes_given", section: .byMemberKind, breakdown: "organisation") == .minutes(120))
        #expect(april.value("minutes_received", section: .byMemberKind, breakdown: "organisation") == .minutes(20))
        #expect(april.value("active_members", section: .byMemberKind, breakdown: "person") == .people(3))
        #expect(april.value("minutes_given", section: .byMemberKind, breakdown: "person") == .minutes(125))
        #expect(april.value("minutes_received", section: .byMemberKind, breakdown: "person") == .minutes(225))
        // Demographics of the four active: one each came through a GP, a friend, housing, and not given.
        #expect(april.value("active_members_by_came_through", section: .demographics, breakdown: "gp-or-social-prescriber") == .people(1))
        #expect(april.value("active_members_by_came_through", section: .demographics, breakdown: "friend-or-family") == .people(1))
        #expect(april.value("active_members_by_came_through", section: .demographics, breakdown: "housing") == .people(1))
        #expect(april.value("active_members_by_came_through", section: .demographics, breakdown: "(not given)") == .people(1))

        // May: five people of the South active: a count of five is shown.
        let sam = try l.member("Sam Shaw", area: "South"), tia = try l.member("Tia Tran", area: "South")
        let uma = try l.member("Uma Underwood", area: "South")
        try l.give(quinn, ros, 10, on: reportDay(5, 2))
        try l.give(sam, tia, 10, on: reportDay(5, 3))
        try l.give(uma, quinn, 10, on: reportDay(5, 4))
        let may = try l.report(.month(2026, 5)).current
        let south = may.value("active_members", section: .byArea, breakdown: "South")
        #expect(south == .people(5) && south?.number == 5 && south?.data == "5")
        #expect(may.value("minutes_given", section: .byArea, breakdown: "South") == .minutes(30))
        #expect(may.value("people_helped_by_organisations") == .count(0))
        #expect(may.value("minutes_received_by_came_through_service") == .minutes(10))   // Ros
    }

    // MARK: 9. Safeguarding

    @Test("Exchanges on needs asking for a vetted helper count, and those whose helper was vetted on the day of service")
    func safeguarding() throws {
        let l = try ReportLedger()
        let nia = try l.member("Nia Need", status: .active), mo = try l.member("Mo Moss", status: .active)
        let val = try l.member("Val Vetted", status: .active), wes = try l.member("Wes Lapsed", status: .active)
        let refs = [VettingReference(referee: "A", received: reportDay(1, 5)), VettingReference(referee: "B", received: reportDay(1, 6))]
        try l.store.saveVetting(member: val, Vetting(references: refs, idSeen: reportDay(1, 7), induction: reportDay(1, 8), review: reportDay(6, 1, 2027)), by: l.broker)
        try l.store.saveVetting(member: wes, Vetting(references: refs, idSeen: reportDay(1, 7), induction: reportDay(1, 8), review: reportDay(4, 30)), by: l.broker)
        let category = try #require(try l.store.categories().first).id
        let vettedNeed = try l.store.addNeed(Need(member: nia, categoryID: category, title: "Bathing", needsVettedHelper: true,
                                                  created: reportDay(4, 1)), by: l.broker).id
        let plainNeed = try l.store.addNeed(Need(member: mo, categoryID: category, title: "Shelves", created: reportDay(4, 1)), by: l.broker).id
        func referral(_ need: Int, _ helper: Int) throws -> Int {
            let r = try l.store.proposeSomeoneElse(need: need, helper: helper, offer: nil, by: l.broker, today: reportDay(4, 1))
            _ = try l.store.move(referral: r.id, to: .agreed, by: l.broker)
            return r.id
        }
        let toVal = try referral(vettedNeed, val), toWes = try referral(vettedNeed, wes), plain = try referral(plainNeed, val)
        try l.give(val, nia, 60, on: reportDay(5, 5), referral: toVal)      // vetted need, helper vetted
        try l.give(wes, nia, 30, on: reportDay(5, 10), referral: toWes)     // vetted need, Wes's review was due 30 April
        let undone = try l.give(val, nia, 45, on: reportDay(5, 12), referral: toVal)
        try l.reverse(undone, on: reportDay(5, 13))                         // reversed: not counted
        try l.give(val, mo, 20, on: reportDay(5, 15), referral: plain)      // a need that did not ask

        for period in [ReportPeriod.month(2026, 5), .quarter(2026, 2)] {
            let f = try l.report(period).current
            #expect(f.value("vetted_need_exchanges") == .count(2), "\(period?.code ?? "?")")
            #expect(f.value("vetted_need_exchanges_helper_vetted") == .count(1), "\(period?.code ?? "?")")
        }
        // Wes's review (30 April) is overdue at the end of May, not yet at the end of April.
        #expect(try l.report(.month(2026, 5)).current.value("vetting_reviews_overdue") == .count(1))
        #expect(try l.report(.month(2026, 4)).current.value("vetting_reviews_overdue") == .count(0))
        #expect(try l.report(.month(2026, 4)).current.value("vetted_need_exchanges") == .count(0))
    }

    @Test("A helper whose induction came after the day of service was not vetted on that day")
    func vettingCompletedAfterTheDayOfService() throws {
        let l = try ReportLedger()
        let nia = try l.member("Nia Need", status: .active), val = try l.member("Val Late", status: .active)
        // Every step done, the last (induction) on 1 June; review in 2027.
        try l.vetted(val, induction: reportDay(6, 1))
        let referral = try l.agreedReferral(toVettedNeedOf: nia, helper: val)
        try l.give(val, nia, 60, on: reportDay(5, 5), referral: referral)   // 5 May: Val's induction is still to come
        try l.give(val, nia, 60, on: reportDay(6, 5), referral: referral)   // 5 June: Val is vetted

        let may = try l.report(.month(2026, 5)).current
        #expect(may.value("vetted_need_exchanges") == .count(1))
        let june = try l.report(.month(2026, 6)).current
        #expect(june.value("vetted_need_exchanges") == .count(1))
        #expect(june.value("vetted_need_exchanges_helper_vetted") == .count(1))
        // The definition: "where the helper's vetting was complete on the date of service".
        #expect(may.value("vetted_need_exchanges_helper_vetted") == .count(0))
    }
}
