import TerminalUI

/// The Record hours screen's own actions. Function keys, because Ctrl-letters belong to
/// the readline keys of the fields and plain keys are typing while a field has the focus.
enum RecordAction {
    static let save = ScreenAction.save
    static let single: ActionID = "record-single"
    static let group: ActionID = "record-group"
    static let statement: ActionID = "record-statement"
    static let closeMonth: ActionID = "record-close-month"
    static let statementFile: ActionID = "record-statement-file"
    static let leave = ScreenAction.back
    static let undo: ActionID = "record-undo"
    static let find: ActionID = "record-find"

    static func bindings(scope: KeyScope) -> [KeyBinding] {
        [
            KeyBinding(action: save, keys: [.ctrl("s"), .function(2)], help: "Save: record the slip, group or reversal (or close the month)",
                       scope: scope, hint: "Save", priority: 1),
            KeyBinding(action: group, keys: [.function(3)], help: "Group activity: a class or an event, one ledger entry per participant, saved together", scope: scope, hint: "Group", priority: 2),
            KeyBinding(action: statement, keys: [.function(4)], help: "Statement: see an account's entries and reverse a wrong one",
                       scope: scope, hint: "Reverse", priority: 3),
            KeyBinding(action: single, keys: [.function(5)], help: "One exchange: the form for a single slip", scope: scope, hint: "Slip", priority: 4),
            KeyBinding(action: closeMonth, keys: [.function(6)], help: "Close a month (admins): no more entries dated in it",
                       scope: scope, hint: "Close month", priority: 6),
            KeyBinding(action: statementFile, keys: [.function(7)], help: "Write the shown statement to a file to print", scope: scope),
            KeyBinding(action: undo, keys: [.function(8)], help: "Undo the last slip of this session (a reversal, after a yes)",
                       scope: scope, hint: "Undo", priority: 7),
            KeyBinding(action: find, keys: [.ctrl("r"), .function(9)], help: "Find an exchange in the whole ledger by member, date, hours or words, to reverse it",
                       scope: scope),
            KeyBinding(action: leave, keys: [.escape], help: "Leave the form (asks first if anything would be lost)", scope: scope),
        ]
    }
}
