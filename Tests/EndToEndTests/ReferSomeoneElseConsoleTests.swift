import Foundation
import Testing
import TimeBank
import TimeBankStore

/// Issue 12: "Every field that takes a member (…, referral helper) is a type-ahead picker by name
/// or number." On Match, a member outside the ranked list is referred with the one member picker,
/// under the same rules, in the real binary in a real terminal (80x24, no colour).
@Suite("referring someone else from Match", .enabled(if: Fixture.tmux != nil, "tmux is not installed (.ci/run installs it)"))
struct ReferSomeoneElseConsoleTests {
    @Test func aMemberPickedByNameIsReferredAndOneNotActiveIsRefused() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.path("tb.sqlite")
            let tb = TimeBankCLI(db: db)
            let active = try Fixture.addMembers(db: db, names: ["Nia Need", "Hal Helper"])
            let pending = try Fixture.addMembers(db: db, names: ["Pip Pending"], status: .pending)
            let store = try Store(path: db)
            let me = try store.signIn(username: Fixture.unixUser())
            let category = try #require(try store.categories().first).id
            _ = try store.addNeed(Need(member: active[0], categoryID: category, title: "Curtains taken up", created: .today()), by: me)
            try Fixture.setPin(db: db)  // else the console first asks the broker to choose a PIN
            try await withTmux([try Binary.timebank(), "--db", db], width: 80, height: 24, environment: ["NO_COLOR": "1"]) { t in
                try await t.waitFor("This month")
                try await t.press("4")
                try await t.waitFor("Curtains taken up")
                try await t.press("Enter")
                try await t.waitFor("Need ")
                try await t.press("F1")
                try await t.waitFor("Refer someone else")
                try await t.press("Escape")
                try await t.waitForAbsence(of: "Refer someone else")
                try await t.press("C-a")
                try await t.waitFor("Refer someone else to")
                try await t.type(String(pending[0]))
                try await t.press("Enter")
                try await t.waitFor("Pip Pending is pending: only active members are referred.")
                try await t.press("C-u")
                try await t.type("nia")
                try await t.waitFor("Nia Need")
                try await t.press("Enter")
                try await t.waitFor("Nia Need is the member in need.")
                try await t.press("C-u")
                try await t.type("hal hel")
                try await t.waitFor("Hal Helper")
                try await t.press("Enter")
                try await t.waitFor("proposed: Hal Helper for “Curtains taken up”")
            }
            let referrals = try CSV.parse(try await tb.ok("export", "referrals", "--format", "csv").stdout).records
            #expect(referrals.map { $0["helper"] } == [String(active[1])])
        }
    }
}
