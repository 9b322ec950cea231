/// A named thing the broker can do ("save", "search", "go-members"). The app
/// declares its actions as static constants; the registry maps keys to them.
public struct ActionID: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }
    public var description: String { name }
}

/// Where a binding applies: `.global`, or a screen such as "members".
public struct KeyScope: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let name: String
    /// The heading used in the help overlay.
    public let title: String

    public init(_ name: String, title: String? = nil) {
        self.name = name
        self.title = title ?? (name.prefix(1).uppercased() + name.dropFirst())
    }

    public init(stringLiteral value: String) { self.init(value) }

    public static let global = KeyScope("global", title: "Everywhere")
    public var description: String { name }

    // Scopes are the same scope when their names match; the title is only a label.
    public static func == (lhs: KeyScope, rhs: KeyScope) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// One entry of the key map, from which dispatch, the status line, the help
/// overlay and the command menu are all generated, so they cannot drift apart.
public struct KeyBinding: Sendable, Hashable {
    public var action: ActionID
    /// Keys that run it; empty for actions reachable only from the command menu.
    public var keys: [Key]
    /// Sentence for the help overlay and command menu ("Save the form").
    public var help: String
    public var scope: KeyScope
    /// Short label for the status line ("Save"); nil keeps it off the status line.
    public var hint: String?
    /// Lower comes first on the status line when space is short.
    public var priority: Int
    /// The keys are acted on by the mode's widget (a list moving, a field editing), not run as an
    /// action: they are listed in help and on the status line, and they reach the screen's `handle`.
    public var isWidgetKey: Bool
    /// Stands for these printable characters: typed into the focused field or search line.
    public var typed: TypedCharacters?
    public var coversTyping: Bool { typed != nil }

    public init(action: ActionID, keys: [Key], help: String, scope: KeyScope = .global, hint: String? = nil, priority: Int = 100,
                isWidgetKey: Bool = false, typed: TypedCharacters? = nil) {
        self.action = action
        self.keys = keys
        self.help = help
        self.scope = scope
        self.hint = hint
        self.priority = priority
        self.isWidgetKey = isWidgetKey
        self.typed = typed
    }

    /// Keys that the mode's widget acts on (see `isWidgetKey`).
    public static func widget(_ name: String, _ keys: [Key], _ help: String, scope: KeyScope, hint: String? = nil, priority: Int = 100) -> KeyBinding {
        KeyBinding(action: ActionID("\(scope.name).\(name)"), keys: keys, help: help, scope: scope, hint: hint, priority: priority, isWidgetKey: true)
    }

    /// Printable characters typed into the field that has the focus (or that start a search).
    public static func typing(_ help: String, scope: KeyScope, _ characters: TypedCharacters = .all) -> KeyBinding {
        KeyBinding(action: ActionID("\(scope.name).typing"), keys: [], help: help, scope: scope, isWidgetKey: true, typed: characters)
    }

    /// Whether this binding stands for the character `c` being typed.
    public func covers(_ c: Character) -> Bool { typed?.contains(c) ?? false }

    /// The keys as a broker reads them: "Ctrl-S, F2" ("letters, digits" for typing).
    public var keyNames: String {
        let names = keys.map(\.description)
        return ((typed.map { [$0.name] } ?? []) + names).joined(separator: ", ")
    }
}

/// Which printable characters a typing binding stands for.
public enum TypedCharacters: Sendable, Hashable {
    /// Letters of any script.
    case letters
    /// Letters and digits.
    case lettersAndDigits
    /// Every printable character.
    case all

    public func contains(_ c: Character) -> Bool {
        switch self {
        case .letters: return c.isLetter
        case .lettersAndDigits: return c.isLetter || c.isNumber
        case .all: return true
        }
    }

    /// As help shows it, where other bindings show their keys.
    public var name: String {
        switch self {
        case .letters: return "letters"
        case .lettersAndDigits: return "letters, digits"
        case .all: return "typing"
        }
    }
}
