/// A key and its short label, as shown on the status line.
public struct KeyHint: Sendable, Hashable {
    public var key: String
    public var label: String
    public init(key: String, label: String) {
        self.key = key
        self.label = label
    }
}

/// One group of the help overlay: a scope's title and its bindings.
public struct HelpSection: Sendable, Hashable {
    public var title: String
    public var entries: [KeyBinding]
}

/// The one table of key bindings. Screen scopes are searched before the
/// global scope, so a screen can give a key its own meaning.
public struct KeyRegistry: Sendable {
    public private(set) var bindings: [KeyBinding]

    public init(_ bindings: [KeyBinding] = []) {
        self.bindings = bindings
    }

    public mutating func add(_ binding: KeyBinding) {
        bindings.append(binding)
    }

    /// The action a key runs in `scope`, falling back to the global scope.
    public func action(for key: Key, in scope: KeyScope) -> ActionID? {
        action(for: key, in: searchOrder(scope))
    }

    /// The action a key runs, looking through scopes in the given order
    /// (e.g. ["member-card", "members", "global"] for nested screens). Nil when no binding
    /// has the key, or when the first that has it is a widget key: the screen's `handle` acts on it.
    public func action(for key: Key, in scopes: [KeyScope]) -> ActionID? {
        for scope in scopes {
            if let binding = bindings.first(where: { $0.scope == scope && $0.keys.contains(key) }) {
                return binding.isWidgetKey ? nil : binding.action
            }
            if case .char(let c) = key, bindings.contains(where: { $0.scope == scope && $0.covers(c) }) { return nil }
        }
        return nil
    }

    /// Whether help for `scope` names what `key` does: a binding lists it, or it is a printable
    /// character and the scope says typing goes into a field.
    public func describes(_ key: Key, in scope: KeyScope) -> Bool {
        let sections = helpSections(for: scope).flatMap(\.entries)
        if sections.contains(where: { $0.keys.contains(key) }) { return true }
        if case .char(let c) = key { return sections.contains { $0.covers(c) } }
        return false
    }

    /// Every binding reachable in `scope`: the scope's own first, then the
    /// global ones whose keys are not all taken over by the scope.
    public func reachableBindings(in scope: KeyScope) -> [KeyBinding] {
        helpSections(for: scope).flatMap(\.entries)
    }

    /// Status-line hints for `scope` that fit in `width` columns when drawn as
    /// "Key Label" separated by two spaces. Hints are taken by priority (then
    /// screen before global, then declaration order) and stop at the first
    /// that does not fit, so what shows is always the most important part.
    public func statusHints(for scope: KeyScope, width: Int) -> [KeyHint] {
        let candidates = reachableBindings(in: scope).enumerated()
            .filter { $0.element.hint != nil && !$0.element.keys.isEmpty }
            .sorted { ($0.element.priority, $0.offset) < ($1.element.priority, $1.offset) }
            .map { KeyHint(key: $0.element.keys[0].description, label: $0.element.hint ?? "") }
        var result: [KeyHint] = []
        var used = 0
        for hint in candidates {
            let needed = (result.isEmpty ? 0 : StatusLine.separator.displayWidth) + hint.key.displayWidth + 1 + hint.label.displayWidth
            if used + needed > width { break }
            result.append(hint)
            used += needed
        }
        return result
    }

    /// The help overlay's contents: the current screen's keys, then the
    /// global keys (minus any key the screen overrides).
    public func helpSections(for scope: KeyScope) -> [HelpSection] {
        let own = bindings.filter { $0.scope == scope }
        guard scope != .global else { return own.isEmpty ? [] : [HelpSection(title: KeyScope.global.title, entries: own)] }
        let taken = Set(own.flatMap(\.keys))
        let typing = own.filter(\.coversTyping)
        let global = bindings.filter { $0.scope == .global }.compactMap { binding -> KeyBinding? in
            var visible = binding
            visible.keys = binding.keys.filter { key in
                // A character the mode takes as typing is typing, not the global key.
                if case .char(let c) = key, typing.contains(where: { $0.covers(c) }) { return false }
                return !taken.contains(key)
            }
            return visible.keys.isEmpty && !binding.keys.isEmpty ? nil : visible
        }
        var sections: [HelpSection] = []
        if !own.isEmpty { sections.append(HelpSection(title: own[0].scope.title, entries: own)) }
        if !global.isEmpty { sections.append(HelpSection(title: KeyScope.global.title, entries: global)) }
        return sections
    }

    /// Keys bound to more than one action within one scope: a registry
    /// mistake that tests of the app should assert never happens.
    public func conflicts() -> [(key: Key, scope: KeyScope, actions: [ActionID])] {
        var seen: [KeyScope: [Key: [ActionID]]] = [:]
        var order: [(Key, KeyScope)] = []
        for binding in bindings {
            for key in binding.keys {
                if seen[binding.scope, default: [:]][key] == nil { order.append((key, binding.scope)) }
                seen[binding.scope, default: [:]][key, default: []].append(binding.action)
            }
        }
        return order.compactMap { key, scope in
            let actions = seen[scope]?[key] ?? []
            return actions.count > 1 ? (key, scope, actions) : nil
        }
    }

    private func searchOrder(_ scope: KeyScope) -> [KeyScope] {
        scope == .global ? [.global] : [scope, .global]
    }
}
