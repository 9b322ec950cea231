import Foundation
import Testing
import TerminalUI
import TimeBank
import TimeBankStore
@testable import BrokerConsole

/// A referral from proposal to recorded hours: every step dated, signed and with its note, and
/// done arriving in Record hours with the slip filled in.
@Suite struct ReferralsFlowTests {
    @Test func movesThroughTheStatusesToRecordHours() throws {
        let f = try MatchFixture()
        let need = try f.vettedNeed()
        f.openMatch(for: need.id)
        let helper = try f.store.rankHelpers(forNeed: need.id, limit: 1, today: MatchFixture.today)[0]
        // The ranked helper's row says how to reach them.
        let member = try #require(try f.store.member(helper.member))
        let reach = MemberContact(phone: member.phone, email: member.email, byPhone: member.consent.contactByPhone,
                                  byEmail: member.consent.contactByEmail).line
        #expect(f.line(containing: "(\(helper.member))")?.contains("· " + reach.prefix(20)) == true, "\(f.screen)")
        f.press(.ctrl("p"))
        let id = try #require(try f.store.referralRows(need: need.id).first).id

        f.press(.ctrl("r"))
        #expect(f.line(containing: "Referrals still moving")?.isEmpty == false)
        #expect(f.lines.firstIndex { $0.contains("\(id) proposed") } != nil)
        f.press(.enter)  // the newest referral is at the top
        #expect(f.screen.contains("Referral \(id) · proposed"))
        #expect(f.screen.contains("\(helper.name): tel ") || f.screen.contains("\(helper.name): no phone") || f.screen.contains("\(helper.name): email"))
        #expect(f.screen.contains("› contacted"))
        f.type("Rang both; 1234 is her landline")  // digits and letters are the note, not keys
        f.press(.enter)
        #expect(f.message.contains("Referral \(id) is now contacted"))
        #expect(f.app.current == .match)

        f.press(.enter)
        #expect(f.screen.contains("Rang both; 1234 is her landline"))
        f.press(.enter)  // agreed is first now
        f.press(.enter)
        #expect(f.screen.contains("› done (then Record hours)"))
        f.type("Went well")
        f.press(.enter)
        // Done is written with its hours, not before.
        #expect(try f.store.referralRow(id)?.referral.status == .agreed)
        #expect(try f.store.need(need.id)?.status == .matched)

        #expect(f.app.current == .recordHours)
        let giver = try #require(f.line(containing: "Giver"))
        #expect(giver.contains("\(helper.member)") && giver.contains(helper.name))
        #expect(try #require(f.line(containing: "Receiver")).contains(need.memberName))
        #expect(try #require(f.line(containing: "Category")).contains(need.category.code))
        #expect(try #require(f.line(containing: "Description")).contains(need.title.prefix(20)))
        f.type("1:30")
        f.press(.ctrl("s"))
        #expect(f.message.hasPrefix("Done: Recorded: \(helper.name) gave \(need.memberName) 1:30"))
        #expect(f.message.hasSuffix("; referral \(id) is done."))
        let steps = try f.store.referralSteps(id)
        #expect(steps.map(\.status) == [.proposed, .contacted, .agreed, .done])
        #expect(steps.allSatisfy { $0.broker == "ann" })
        #expect(steps.map(\.note) == ["", "Rang both; 1234 is her landline", "", "Went well · 1:30 recorded for \(MatchFixture.today.british)"])
        var linked: [Exchange] = []
        try f.store.forEachExchange { if $0.referral == id { linked.append($0) } }
        #expect(linked.count == 1)
        #expect(linked.first?.categoryCode == need.category.code && linked.first?.minutes == 90)
    }

    @Test func aDiscardedDoneSlipLeavesTheReferralAgreed() throws {
        let f = try MatchFixture()
        let need = try f.vettedNeed()
        let helper = try f.store.rankHelpers(forNeed: need.id, limit: 1, today: MatchFixture.today)[0]
        let r = try f.store.propose(need: need.id, helper: helper.member, offer: nil, by: f.broker)
        _ = try f.store.move(referral: r.id, to: .agreed, by: f.broker)
        f.press(.char("4"), .ctrl("r"), .enter)
        #expect(f.screen.contains("› done (then Record hours)"))
        f.press(.enter)
        #expect(f.app.current == .recordHours)
        f.press(.escape, .char("d"))  // Discard
        #expect(f.message.contains("Referral \(r.id) stays agreed"))
        #expect(try f.store.referralRow(r.id)?.referral.status == .agreed)
        #expect(try f.store.doneReferralsWithoutHours().isEmpty)
    }

    @Test func aNoteWithoutMovingAndABackdatedStep() throws {
        let f = try MatchFixture()
        let need = try f.vettedNeed()
        let helper = try f.store.rankHelpers(forNeed: need.id, limit: 1, today: MatchFixture.today)[0]
        let r = try f.store.propose(need: need.id, helper: helper.member, offer: nil, by: f.broker)
        f.press(.char("4"), .ctrl("r"), .enter)
        for _ in 0..<4 { f.press(.down) }  // past contacted, agreed, declined, cancelled
        #expect(f.screen.contains("› note only (stays proposed)"))
        f.type("Left a message")
        f.press(.enter)
        #expect(f.message.contains("Note added to referral \(r.id); it stays proposed."))
        #expect(try f.store.referralRow(r.id)?.referral.status == .proposed)
        #expect(try f.store.referralSteps(r.id).map(\.note) == ["", "Left a message"])

        f.press(.enter)  // contacted, dated two days back
        f.type("Rang on Friday")
        f.press(.tab)
        f.type("-2")
        f.press(.enter)
        #expect(try f.store.referralRow(r.id)?.referral.status == .contacted)
        let stepped = try #require(try f.store.referralSteps(r.id).first { $0.status == .contacted })
        #expect(ReferralText.date(stepped.at) == MatchFixture.today.adding(days: -2).british)

        f.press(.enter, .tab)  // a future date is refused and nothing moves
        f.type("\(MatchFixture.today.adding(days: 1).iso)")
        f.press(.enter)
        #expect(f.message.contains("is in the future; a step is dated the day it happened."))
        #expect(try f.store.referralRow(r.id)?.referral.status == .contacted)
    }

    @Test func declinedIsFinalAndEscClosesWithoutMoving() throws {
        let f = try MatchFixture()
        let need = try f.vettedNeed()
        let helper = try f.store.rankHelpers(forNeed: need.id, limit: 1, today: MatchFixture.today)[0]
        let r = try f.store.propose(need: need.id, helper: helper.member, offer: nil, by: f.broker)
        f.press(.char("4"), .ctrl("r"), .enter)
        f.press(.escape)
        #expect(try f.store.referralRow(r.id)?.referral.status == .proposed)
        f.press(.enter, .down, .down)
        #expect(f.screen.contains("› declined"))
        f.type("Too far")
        f.press(.enter)
        #expect(try f.store.referralRow(r.id)?.referral.status == .declined)
        f.press(.ctrl("o"))  // closed ones too
        let total = try f.store.referralCount()
        #expect(f.screen.contains("All referrals (\(total)):"))
        let declined = try #require(f.line(containing: "\(r.id) declined"))
        #expect(declined.hasSuffix(ReferralText.date(Date())), "the whole date: \(declined)")
        f.press(.enter)
        #expect(f.screen.contains("cannot move on"))
    }

    @Test func storeListsReferralsWithNamesForAMemberCard() throws {
        let t = try TestStore(demoMembers: 120, seed: 3, today: MatchFixture.today)
        let all = try t.store.referralRows()
        let sample = try #require(all.first)
        let forHelper = try t.store.referralRows(member: sample.referral.helper)
        #expect(forHelper.contains { $0.id == sample.id })
        #expect(forHelper.allSatisfy { $0.referral.helper == sample.referral.helper || $0.receiver == sample.referral.helper })
        #expect(!sample.helperName.isEmpty && !sample.receiverName.isEmpty && !sample.needTitle.isEmpty)
        #expect(try t.store.referralSteps(sample.id).first?.status == .proposed)
        #expect(try t.store.referralRows(openOnly: true).allSatisfy { !$0.referral.status.isClosed })
    }
}
