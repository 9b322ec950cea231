/// A key press as the console sees it, independent of the terminal that produced it.
public enum Key: Hashable, Sendable {
    /// A printable character (letters, digits, punctuation, space, any script).
    case char(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case tab, backTab
    case enter, escape
    case backspace, delete, insert
    /// F1 ... F12.
    case function(Int)
    /// Ctrl plus a lowercase letter a...z (Ctrl-S is `.ctrl("s")`).
    case ctrl(Character)
    /// The terminal changed size; the new size is reported separately.
    case resize
}

extension Key: CustomStringConvertible {
    /// The name a broker reads in help and hints ("Ctrl-S", "F2", "PgDn").
    public var description: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .function(let n): return "F\(n)"
        case .ctrl(let c): return "Ctrl-\(c.uppercased())"
        case .resize: return "Resize"
        }
    }
}
