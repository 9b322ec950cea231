import TerminalUI

/// The console's global actions and their keys: the one registry from which the status
/// line, the help overlay and the command menu are generated.
enum GlobalAction {
    static let help: ActionID = "help"
    static let commands: ActionID = "commands"
    static let quit: ActionID = "quit"
    static let redraw: ActionID = "redraw"
    static let lock: ActionID = "lock"

    static func open(_ screen: ScreenID) -> ActionID { ActionID("open-\(screen.rawValue)") }

    static func screen(for action: ActionID) -> ScreenID? {
        guard action.name.hasPrefix("open-"), let n = Int(action.name.dropFirst(5)) else { return nil }
        return ScreenID(rawValue: n)
    }

    static var bindings: [KeyBinding] {
        var list = [
            KeyBinding(action: help, keys: [.char("?"), .function(1)], help: "Show every key of this screen", hint: "Help", priority: 10),
            KeyBinding(action: commands, keys: [.char(":"), .function(10)], help: "Command menu: find any action by typing", hint: "Menu", priority: 20),
            KeyBinding(action: quit, keys: [.char("q"), .ctrl("c")], help: "Quit (asks first if something is unsaved)", hint: "Quit", priority: 30),
            KeyBinding(action: redraw, keys: [.ctrl("l")], help: "Redraw the screen"),
            // No status hint, so every screen's status line stays as it was; help and the menu list it.
            KeyBinding(action: lock, keys: [.function(12)], help: "Lock the console now (your PIN unlocks it)"),
        ]
        for screen in ScreenID.allCases {
            // No status hint: the screen bar under the header shows these keys all the time.
            list.append(KeyBinding(action: open(screen), keys: [.char(screen.key)], help: "Go to \(screen.title)"))
        }
        return list
    }
}
