import TerminalUI

/// The actions every screen shares, each one action under one name, so help, the status line
/// and the command menu call them alike wherever the broker is.
enum ScreenAction {
    /// Save the form (Ctrl-S or F2).
    static let save: ActionID = "save"
    /// Back one step: out of a form (asking first when something typed would be lost), a card,
    /// or a view inside a screen (Esc).
    static let back: ActionID = "back"

    static func saveBinding(scope: KeyScope, help: String = "Save") -> KeyBinding {
        KeyBinding(action: save, keys: [.ctrl("s"), .function(2)], help: help, scope: scope, hint: "Save", priority: 1)
    }

    static func backBinding(scope: KeyScope, help: String) -> KeyBinding {
        KeyBinding(action: back, keys: [.escape], help: help, scope: scope, hint: "Back", priority: 2)
    }
}
