import Testing
@testable import TimeBank

@Suite("Account references")
struct AccountRefTests {
    @Test("A member number or the pot", arguments: [
        ("pot", AccountRef.pot), ("POT", .pot), (" pot ", .pot), ("1001", .member(1001)), ("1", .member(1)), (" 42 ", .member(42)),
        ("007", .member(7)), ("999999999", .member(999_999_999)),
    ])
    func reads(text: String, ref: AccountRef) {
        #expect(AccountRef(text) == ref)
    }

    @Test("Anything else is not an account", arguments: ["", " ", "0", "-1", "+5", "abc", "pots", "1001a", "10 01", "1.5", "1234567890", "١٢", "１２"])
    func refuses(text: String) {
        #expect(AccountRef(text) == nil)
    }

    @Test("The printed form reads back")
    func roundTrip() {
        for ref in [AccountRef.pot, .member(1), .member(1001), .member(999_999_999)] {
            #expect(AccountRef(ref.description) == ref)
        }
        #expect(AccountRef.pot.description == "pot")
        #expect(AccountRef.member(1001).memberNumber == 1001)
        #expect(AccountRef.pot.memberNumber == nil)
    }

    @Test("A balance is given minus received")
    func balance() {
        let b = AccountBalance(account: .member(1), name: "A", givenMinutes: 90, receivedMinutes: 150)
        #expect(b.balanceMinutes == -60)
    }
}
