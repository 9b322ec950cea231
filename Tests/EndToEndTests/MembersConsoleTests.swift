import Foundation
import Testing

/// The Members screen in the real binary, in a real terminal, from the keyboard alone.
@Suite("Members console", .enabled(if: Fixture.tmux != nil, "tmux is not installed (.ci/run installs it)"))
struct MembersConsoleTests {
    static let zoe = "Zoë 王 O'Brien"

    func console(_ db: String, _ body: (Tmux) async throws -> Void) async throws {
        try Fixture.setPin(db: db)
        try await withTmux([try Binary.timebank(), "--db", db], width: 80, height: 24) { t in
            try await t.waitFor("1 Today")
            try await body(t)
        }
    }

    /// Opens her card from the list by typing "zoe".
    func openCard(_ t: Tmux) async throws {
        try await t.press("2")
        try await t.waitFor("F5 status")
        try await t.type("zoe")
        try await t.waitFor("1 row")
        try await t.press("Enter")
        try await t.waitFor("[Profile]")
    }

    /// Tabs from the form's first field (person or organisation) to the phone.
    func tabToPhone(_ t: Tmux) async throws {
        for _ in 0..<4 { try await t.press("Tab") }
    }

    @Test func addFindNoteAndEditFromTheKeyboard() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.path("tb.sqlite")
            try await console(db) { t in
                try await t.press("2")
                try await t.waitFor("No members yet: press + to add the first.")
                try await t.press("+")
                try await t.waitFor("Add a member")
                // The add form opens with the cursor in Full name.
                try await t.type(Self.zoe)
                try await t.press("Tab", "Tab", "Tab")
                try await t.type("07700 900123")
                try await t.press("C-s")
                try await t.waitFor("Done: Added member")
                try await t.waitFor("07700 900123")

                try await t.press("Escape")
                try await t.waitFor("No. Name")
                try await t.type("zoe")
                let found = try await t.waitFor("1 row")
                #expect(found.contains(Self.zoe))
                try await t.press("Enter")
                try await t.waitFor("[Profile]")

                try await t.press("C-n")
                try await t.waitFor("New note, signed")
                try await t.type("Rang about the garden; q and 2 are just text here.")
                try await t.press("C-s")
                try await t.waitFor("Done: Note added")
                try await t.waitFor("Rang about the garden; q and 2 are just text here.")

                try await t.press("C-e")
                try await t.waitFor("Edit member")
                try await tabToPhone(t)
                try await t.press("C-u")
                try await t.type("01452 765432")
                try await t.press("C-s")
                try await t.waitFor("Done: Saved member")
                try await t.waitFor("01452 765432")
            }
        }
    }

    @Test func twoConsolesEditingOneMember() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.path("tb.sqlite")
            try await console(db) { first in
                // The first console adds her, so both consoles open an existing member.
                try await first.press("2", "+")
                try await first.waitFor("Add a member")
                try await first.type(Self.zoe)
                try await first.press("C-s")
                try await first.waitFor("Done: Added member")
                try await first.press("Escape")
                try await first.waitFor("No. Name")
                try await first.press("Escape")

                try await console(db) { second in
                    try await openCard(first)
                    try await openCard(second)

                    // A change saved in one console shows on the other's open card without a key.
                    try await second.press("C-e")
                    try await second.waitFor("Edit member")
                    try await tabToPhone(second)
                    try await second.type("07700 900777")
                    try await second.press("C-s")
                    try await second.waitFor("Done: Saved member")
                    try await first.waitFor("07700 900777", timeout: 3)

                    // Both edit; the second save is refused, naming who saved and keeping the edit.
                    try await first.press("C-e")
                    try await first.waitFor("Edit member")
                    try await second.press("C-e")
                    try await second.waitFor("Edit member")
                    for _ in 0..<5 { try await first.press("Tab") }
                    try await first.type("zoe@example.org")      // email
                    try await tabToPhone(second)
                    try await second.press("C-u")
                    try await second.type("01452 111222")
                    try await second.press("C-s")
                    try await second.waitFor("Done: Saved member")
                    try await first.waitFor("saved this member just now", timeout: 3)
                    try await first.press("C-s")
                    let refused = try await first.waitFor("NOT SAVED")
                    #expect(refused.contains("while you were editing"))
                    #expect(refused.contains("Phone → 01452 111222"))
                    #expect(refused.contains("zoe@example.org"))
                    #expect(refused.contains("Edit member"))
                    try await first.press("C-s")
                    try await first.waitFor("Done: Saved member")
                    let card = try await first.waitFor("zoe@example.org")
                    #expect(card.contains("01452 111222"))
                }
            }
        }
    }
}
