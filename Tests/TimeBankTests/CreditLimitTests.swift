import Testing
@testable import TimeBank

/// SPEC: a member may go negative down to a configurable credit limit; past it the broker is warned.
@Suite("Credit limit")
struct CreditLimitTests {
    @Test("Down to the limit is fine; one minute past it warns", arguments: [
        (0, 600, 600, nil), (0, 601, 600, -601), (120, 720, 600, nil), (120, 721, 600, -601), (-600, 1, 600, -601),
        (0, 1, 0, -1), (-700, 60, 600, -760), (500, 60, 600, nil),
    ] as [(Int, Int, Int, Int?)])
    func boundary(balance: Int, paying: Int, limit: Int, warnedAt: Int?) {
        let w = CreditLimit.check(receiver: .member(1001), name: "Zoë", balance: balance, paying: paying, limit: limit)
        #expect(w?.balanceAfter == warnedAt)
        if let w {
            #expect(w.account == .member(1001))
            #expect(w.limit == limit)
        }
    }

    @Test("The pot has no limit")
    func pot() {
        #expect(CreditLimit.check(receiver: .pot, name: "Community pot", balance: -100_000, paying: 1440, limit: 0) == nil)
    }

    @Test("The warning is one sentence with clock figures")
    func message() {
        let w = CreditLimit.check(receiver: .member(1001), name: "Zoë", balance: -540, paying: 61, limit: 600)!
        #expect(w.description == "Zoë would go to -10:01, past the credit limit of -10:00.")
    }
}
