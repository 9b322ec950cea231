import Testing
@testable import TimeBank

/// Issue 12: the referral panel shows how to reach each member, the way they agreed to.
@Suite struct MemberContactTests {
    @Test func thePreferredWayComesFirstAndRefusedWaysAreSaid() {
        #expect(MemberContact(phone: "01452 123456", email: "a@b.org", byPhone: true, byEmail: true).line
            == "tel 01452 123456 (prefers phone) · a@b.org")
        #expect(MemberContact(phone: "01452 123456", email: "a@b.org", byPhone: false, byEmail: true).line
            == "email a@b.org (prefers email) · tel 01452 123456 not to be rung")
        #expect(MemberContact(phone: "01452 123456", email: "", byPhone: false, byEmail: false).line
            == "not to be contacted directly: through the broker")
        #expect(MemberContact(phone: " ", email: "", byPhone: true, byEmail: true).line == "no phone or email on file")
    }
}
