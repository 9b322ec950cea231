import Foundation
import Testing
import TimeBank
import TimeBankStore

/// Issue 12, referrals: done is written with its hours. Marking a referral done opens Record hours
/// filled in; discarding that slip leaves the referral agreed, never done without hours.
@Suite("referral done with its hours", .enabled(if: Fixture.tmux != nil, "tmux is not installed (.ci/run installs it)"))
struct ReferralDoneConsoleTests {
    @Test func aDiscardedDoneSlipLeavesTheReferralAgreed() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.path("tb.sqlite")
            let tb = TimeBankCLI(db: db)
            try await Fixture.demo(tb, members: 40, seed: 7)
            // One agreed referral, moved there through the store as a broker would have done last week.
            let store = try Store(path: db)
            let me = try store.signIn(username: Fixture.unixUser())
            let referred = Set(try store.referralRows(limit: 10_000).map(\.referral.need))
            let needs = try CSV.parse(try await tb.ok("export", "needs", "--format", "csv").stdout).records
            var made: Referral?
            for n in needs where n["status"] == "open" && !referred.contains(Int(n["id"] ?? "") ?? -1) {
                guard let id = Int(n["id"] ?? ""), let helper = try store.rankHelpers(forNeed: id, limit: 1).first else { continue }
                made = try store.propose(need: id, helper: helper.member, offer: nil, by: me)
                break
            }
            let referral = try #require(made, "the demo has an open need with a helper")
            _ = try store.move(referral: referral.id, to: .agreed, by: me)

            try await withTmux([try Binary.timebank(), "--db", db], width: 80, height: 24, environment: ["NO_COLOR": "1"]) { t in
                try await t.waitFor("This month")
                try await t.press("4")
                try await t.waitFor("Open needs (")
                try await t.press("C-r")
                try await t.waitFor("Referrals still moving")
                try await t.press("Enter")  // the most recently moved is at the top
                try await t.waitFor("Referral \(referral.id) · agreed")
                try await t.waitFor("› done (then Record hours)")
                try await t.press("Enter")
                try await t.waitFor("[F5 One exchange]")
                try await t.press("Escape")
                try await t.waitFor("Discard this slip?")
                try await t.press("d")
                try await t.waitFor("Referral \(referral.id) stays agreed")
            }
            let rows = try CSV.parse(try await tb.ok("export", "referrals", "--format", "csv").stdout).records
            #expect(rows.first { $0["id"] == String(referral.id) }?["status"] == "agreed")
        }
    }
}
