import Foundation
import Testing
import TimeBank
@testable import BrokerConsole
@testable import TimeBankStore

/// Issue #16: a live refresh must not move the highlight of the "move referral" dialog from
/// "agreed" to "declined" under the same row; a referral moved underneath is said before acting.
@Suite("Referral panel follows identity")
struct ReferralPanelIdentityTests {
    static func panel(_ status: ReferralStatus, version: Int, broker: String = "alice") -> ReferralPanel {
        let referral = Referral(id: 3, need: 7, offer: nil, helper: 1001, status: status, created: Date(), updated: Date(), broker: broker,
                                version: version)
        return ReferralPanel(row: ReferralRow(referral: referral, needTitle: "Lift", receiver: 1002, receiverName: "Bob", helperName: "Ann",
                                              categoryCode: "transport.lifts", categoryName: "Lifts", offerTitle: nil),
                             steps: [])
    }

    @Test("The chosen step is kept by what it is when the list of steps changes")
    func keepsTheStatus() throws {
        // Proposed: contacted, agreed, declined, cancelled; the broker highlights agreed (row 2).
        var open = Self.panel(.proposed, version: 1)
        open.choice = try #require(open.options.firstIndex(of: .agreed))
        // Another broker marks it contacted: agreed, declined, cancelled; row 2 is now declined.
        let fresh = Self.panel(.contacted, version: 2, broker: "bob")
        let kept = open.refreshed(from: fresh)
        #expect(kept.options[kept.choice] == .agreed, "the highlight moved to \(kept.options[kept.choice])")
        #expect(kept.changedUnderneath == "bob moved this referral to contacted meanwhile; check the step, then Enter.")
    }

    @Test("After a change underneath, the first Enter only acknowledges it; the next one moves")
    func enterAcknowledgesFirst() throws {
        var open = Self.panel(.proposed, version: 1)
        open.choice = try #require(open.options.firstIndex(of: .contacted))
        var kept = open.refreshed(from: Self.panel(.proposed, version: 1))
        #expect(kept.changedUnderneath == nil)
        kept = open.refreshed(from: Self.panel(.contacted, version: 2, broker: "bob"))
        #expect(kept.handle(.enter) == .handled)
        #expect(kept.changedUnderneath == nil)
        if case .move = kept.handle(.enter) {} else { Issue.record("the second Enter did not move") }
    }

    @Test("An unchanged refresh keeps the choice and the note")
    func unchanged() throws {
        var open = Self.panel(.contacted, version: 2)
        open.choice = try #require(open.options.firstIndex(of: .declined))
        open.note.text = "rang twice"
        let kept = open.refreshed(from: Self.panel(.contacted, version: 2))
        #expect(kept.options[kept.choice] == .declined)
        #expect(kept.note.text == "rang twice")
    }
}
