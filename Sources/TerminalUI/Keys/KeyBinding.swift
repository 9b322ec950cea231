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

    public init(action: ActionID, keys: [Key], help: String, scope: KeyScope = .global, hint: String? = nil, priority: Int = 100) {
        self.action = action
        self.keys = keys
        self.help = help
        self.scope = scope
        self.hint = hint
        self.priority = priority
    }

    /// The keys as a broker reads them: "Ctrl-S, F2".
    public var keyNames: String { keys.map(\.description).joined(separator: ", ") }
}
