import Testing
@testable import TimeBank

/// SPEC: proposed → contacted → agreed → done (or declined / cancelled).
@Suite("Referral status")
struct ReferralStatusTests {
    @Test("Forward steps along the path are allowed")
    func forward() {
        #expect(ReferralStatus.proposed.canMove(to: .contacted))
        #expect(ReferralStatus.contacted.canMove(to: .agreed))
        #expect(ReferralStatus.agreed.canMove(to: .done))
    }

    @Test("An open referral can always be declined or cancelled", arguments: [ReferralStatus.proposed, .contacted, .agreed])
    func endEarly(s: ReferralStatus) {
        #expect(!s.isClosed)
        #expect(s.canMove(to: .declined))
        #expect(s.canMove(to: .cancelled))
        #expect(!s.canMove(to: s))
    }

    @Test("Done only after agreeing; never backwards")
    func notAllowed() {
        #expect(!ReferralStatus.proposed.canMove(to: .done))
        #expect(!ReferralStatus.contacted.canMove(to: .done))
        #expect(!ReferralStatus.contacted.canMove(to: .proposed))
        #expect(!ReferralStatus.agreed.canMove(to: .contacted))
        #expect(!ReferralStatus.agreed.canMove(to: .proposed))
    }

    @Test("Closed referrals go nowhere", arguments: [ReferralStatus.done, .declined, .cancelled])
    func closed(s: ReferralStatus) {
        #expect(s.isClosed)
        #expect(s.next.isEmpty)
        for other in ReferralStatus.allCases { #expect(!s.canMove(to: other)) }
    }

    @Test("Every allowed step moves forward along proposed, contacted, agreed, closed")
    func monotone() {
        let rank: [ReferralStatus: Int] = [.proposed: 0, .contacted: 1, .agreed: 2, .done: 3, .declined: 3, .cancelled: 3]
        for s in ReferralStatus.allCases {
            for t in s.next { #expect(rank[t]! > rank[s]!, "\(s) → \(t)") }
        }
    }
}
