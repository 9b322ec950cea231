import Foundation
import Testing
import TimeBank
import TimeBankStore

/// Issue 15, erasure in the console: an admin erases a member from the card after giving the
/// reason, choosing what becomes of the balance and typing the member number again; a wrong
/// number erases nothing.
@Suite("Erase from the console", .enabled(if: Fixture.tmux != nil, "tmux is not installed (.ci/run installs it)"))
struct EraseConsoleTests {
    @Test func anAdminErasesAMemberFromTheCard() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.path("tb.sqlite")
            let store = try Store(path: db)
            let me = try store.signIn(username: Fixture.unixUser())
            let joined = CalendarDate(year: 2025, month: 6, day: 1)!
            let zoe = try store.addMember(Member(name: "Zoë 王 O'Brien", preferredName: "Zoë", phone: "07700 900123", email: "zoe@example.org",
                                                 postcode: "GL1 2AB", area: "Westgate", joined: joined, status: .active), by: me).number
            let sean = try store.addMember(Member(name: "Seán Murphy", phone: "01452 555777", postcode: "GL4 6NH", area: "Tuffley",
                                                  joined: joined, status: .active), by: me).number
            // Zoë gave an hour, so her balance is +1:00 h and the form asks what becomes of it.
            _ = try store.record(ExchangeRequest(date: .today(), giver: .member(zoe), receiver: .member(sean), minutes: 60,
                                                 description: "Garden"), by: me)
            try Fixture.setPin(db: db)

            try await withTmux([try Binary.timebank(), "--db", db], width: 80, height: 24) { t in
                try await t.waitFor("1 Today")
                try await t.press("2")
                try await t.waitFor("F5 status")
                try await t.type("zoe")
                try await t.waitFor("1 row")
                try await t.press("Enter")
                try await t.waitFor("[Profile]")
                try await t.press("C-d")
                try await t.waitFor("Erase member \(zoe)")
                try await t.type("Asked to be forgotten")
                try await t.press("Tab", "Space", "Space", "Tab")
                try await t.waitFor("Keep it on the former member")
                try await t.type(String(sean))
                try await t.press("C-s")
                try await t.waitFor("The number typed is not \(zoe), so nothing was erased.")
                #expect(try store.member(zoe)?.name == "Zoë 王 O'Brien")

                try await t.press("C-u")
                try await t.type(String(zoe))
                try await t.press("C-s")
                try await t.waitFor("Erase member \(zoe)?")
                try await t.press("e")
                try await t.waitFor("\(zoe) Former member \(zoe)")
                let screen = try await t.waitFor("their hours stay in the ledger")
                #expect(!screen.contains("Zoë"))
            }
            #expect(try store.member(zoe)?.name == "Former member \(zoe)")
            #expect(try store.member(sean)?.name == "Seán Murphy", "the wrongly typed number erased nobody")
            #expect(try store.balance(.member(zoe)).balanceMinutes == 60, "kept on the former member's account")
            let audit = try store.auditLog(entity: "member", id: String(zoe))
            let erasure = try #require(audit.first { $0.action == "erase" })
            #expect(erasure.broker == me.username)
            #expect(erasure.details.contains("reason: Asked to be forgotten") && erasure.details.contains("keep"))
            #expect(audit.allSatisfy { !$0.details.contains("Zoë") && !$0.details.contains("07700") })
        }
    }
}
