import Testing
@testable import TerminalUI

@Suite("Key binding registry")
struct KeyRegistryTests {
    static let members: KeyScope = KeyScope("members", title: "Members")

    let registry = KeyRegistry([
        KeyBinding(action: "help", keys: [.char("?"), .function(1)], help: "Show all keys", hint: "Help", priority: 0),
        KeyBinding(action: "save", keys: [.ctrl("s"), .function(2)], help: "Save changes", hint: "Save", priority: 5),
        KeyBinding(action: "menu", keys: [.function(10), .char(":")], help: "Command menu", hint: "Menu", priority: 10),
        KeyBinding(action: "quit", keys: [.char("q")], help: "Quit", hint: "Quit", priority: 50),
        KeyBinding(action: "backup", keys: [], help: "Back up the database now"),
        KeyBinding(action: "new-member", keys: [.char("n")], help: "Add a member", scope: members, hint: "New", priority: 1),
        KeyBinding(action: "close-card", keys: [.char("q")], help: "Close the member card", scope: members),
    ])

    @Test func screenKeysComeBeforeGlobalOnes() {
        #expect(registry.action(for: .char("n"), in: Self.members) == "new-member")
        #expect(registry.action(for: .char("q"), in: Self.members) == "close-card")
        #expect(registry.action(for: .char("q"), in: "today") == "quit")
        #expect(registry.action(for: .function(2), in: Self.members) == "save")
        #expect(registry.action(for: .char("n"), in: "today") == nil)
    }

    @Test func nestedScopesAreSearchedInOrder() {
        #expect(registry.action(for: .char("n"), in: ["card", Self.members, .global]) == "new-member")
    }

    @Test func statusHintsFitTheWidthMostImportantFirst() {
        let wide = registry.statusHints(for: Self.members, width: 80)
        #expect(wide.map(\.label) == ["Help", "New", "Save", "Menu"])
        let narrow = registry.statusHints(for: Self.members, width: 18)
        #expect(narrow == [KeyHint(key: "?", label: "Help"), KeyHint(key: "n", label: "New")])
        var frame = Frame(width: 18, height: 1)
        StatusLine.render(registry, scope: Self.members, into: &frame, at: frame.bounds)
        #expect(frame.lines == ["? Help  n New"])
    }

    @Test func helpListsTheScreenThenGlobalKeysItDoesNotOverride() {
        let sections = registry.helpSections(for: Self.members)
        #expect(sections.map(\.title) == ["Members", "Everywhere"])
        #expect(sections[0].entries.map(\.action) == ["new-member", "close-card"])
        #expect(sections[1].entries.map(\.action) == ["help", "save", "menu", "backup"])
    }

    @Test func helpOverlayShowsEveryKeyAligned() {
        var frame = Frame(width: 50, height: 14)
        let sections = registry.helpSections(for: Self.members)
        HelpOverlay.render(HelpOverlayState(), sections: sections, into: &frame)
        #expect(frame.lines == [
            "┌ Help (Esc to close) ───────────────────────────┐",
            "│Members                                         │",
            "│  n           Add a member                      │",
            "│  q           Close the member card             │",
            "│                                                │",
            "│Everywhere                                      │",
            "│  ?, F1       Show all keys                     │",
            "│  Ctrl-S, F2  Save changes                      │",
            "│  F10, :      Command menu                      │",
            "│  (menu)      Back up the database now          │",
            "│                                                │",
            "│Every action is also in the command menu: press…│",
            "└────────────────────────────────────────────────┘",
            "",
        ])
        #expect(frame.style(row: 1, column: 1).bold)
    }

    @Test func helpOverlayNamesWhatATypingBindingStandsFor() {
        let scope = KeyScope("list", title: "List")
        let lines = HelpOverlay.lines([HelpSection(title: "List", entries: [.typing("Starts a search", scope: scope, .letters)])])
        #expect(lines.contains("  letters  Starts a search"), "\(lines)")
    }

    @Test func helpOverlayClosesOnEscape() {
        var state = HelpOverlayState()
        let sections = registry.helpSections(for: Self.members)
        #expect(state.handle(.down, sections: sections, in: Rect(row: 0, column: 0, width: 50, height: 5)) == .handled)
        #expect(state.scrollOffset == 1)
        #expect(state.handle(.escape, sections: sections, in: Rect(row: 0, column: 0, width: 50, height: 5)) == .closed)
    }

    @Test func commandMenuFiltersAsYouTypeAndRunsTheSelection() {
        var menu = CommandMenuState()
        let screen = Rect(row: 0, column: 0, width: 60, height: 16)
        #expect(menu.matches(in: registry, scope: Self.members).count == 6)
        for character in "back" { _ = menu.handle(.char(character), registry: registry, scope: Self.members, in: screen) }
        #expect(menu.matches(in: registry, scope: Self.members).map(\.action) == ["backup"])
        #expect(menu.handle(.enter, registry: registry, scope: Self.members, in: screen) == .run("backup"))
        #expect(menu.handle(.escape, registry: registry, scope: Self.members, in: screen) == .closed)
    }

    @Test func commandMenuDrawsTheQueryAndTheSelectedAction() {
        var menu = CommandMenuState()
        let screen = Rect(row: 0, column: 0, width: 40, height: 8)
        for character in "me" { _ = menu.handle(.char(character), registry: registry, scope: Self.members, in: screen) }
        var frame = Frame(width: 40, height: 8)
        CommandMenu.render(menu, registry: registry, scope: Self.members, into: &frame)
        #expect(frame.lines == [
            "┌ Commands ────────────────────────────┐",
            "│> me                                  │",
            "│Add a member                         n│",
            "│Close the member card                q│",
            "│Command menu                    F10, :│",
            "│                                      │",
            "│                                      │",
            "└──────────────────────────────────────┘",
        ])
        #expect(frame.reverseMask(row: 2) == "." + String(repeating: "#", count: 38) + ".")
        #expect(frame.cursor == Position(row: 1, column: 5))
    }

    @Test func conflictsWithinAScopeAreReported() {
        var clashing = registry
        clashing.add(KeyBinding(action: "search", keys: [.char("?")], help: "Search"))
        let conflicts = clashing.conflicts()
        #expect(conflicts.count == 1)
        #expect(conflicts.first?.key == .char("?"))
        #expect(conflicts.first?.actions == ["help", "search"])
        #expect(registry.conflicts().isEmpty)
    }
}
