import TerminalUI

/// The one rule for typing on a list, the same on every screen: a letter starts a fresh search
/// with it (the last search is replaced, not added to), `j` and `k` keep moving and `q` keeps
/// quitting, and digits stay the screen numbers (no search line has the focus). So a list's own
/// commands live on Ctrl keys and F-keys, never on letters.
enum ListTyping {
    /// Letters that keep their list meaning: to search for a word starting with one, press "/" first.
    static let listLetters: Set<Character> = ["j", "k", "q"]

    /// The letter `key` starts a fresh search with, or nil when it is not one.
    static func searchLetter(_ key: Key) -> Character? {
        guard case .char(let c) = key, c.isLetter, !listLetters.contains(c) else { return nil }
        return c
    }

    /// Help's line for the rule on a list, and `q` as quit there (a letter, so the rule names it).
    /// `search` says what the letter does ("starts a fresh search", "searches the needs afresh").
    static func bindings(scope: KeyScope, search: String = "starts a fresh search") -> [KeyBinding] {
        [
            .typing("A letter \(search); j and k move, q quits", scope: scope, .letters),
            KeyBinding(action: GlobalAction.quit, keys: [.char("q")], help: "Quit (asks first if something is unsaved)", scope: scope),
        ]
    }
}
