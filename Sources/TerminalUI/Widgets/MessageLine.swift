/// A one-line message to the broker. The kind is spelt out in words
/// ("Error: ...") so it reads the same without colour.
public struct Message: Sendable, Hashable {
    public enum Kind: Sendable, Hashable, CaseIterable {
        case info, success, warning, error
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    public static func info(_ text: String) -> Message { Message(.info, text) }
    public static func success(_ text: String) -> Message { Message(.success, text) }
    public static func warning(_ text: String) -> Message { Message(.warning, text) }
    public static func error(_ text: String) -> Message { Message(.error, text) }

    /// The words that carry the kind without colour.
    public var prefix: String {
        switch kind {
        case .info: return ""
        case .success: return "Done: "
        case .warning: return "Warning: "
        case .error: return "Error: "
        }
    }

    public var style: Style {
        switch kind {
        case .info: return .plain
        case .success: return .success
        case .warning: return .warning
        case .error: return .error
        }
    }
}

/// Draws a Message (or nothing) on one line.
public enum MessageLine {
    public static func render(_ message: Message?, into frame: inout Frame, at rect: Rect) {
        guard !rect.isEmpty else { return }
        frame.fill(rect.row(0))
        guard let message else { return }
        frame.put(message.prefix + Sanitizer.clean(message.text), row: rect.row, column: rect.column, maxWidth: rect.width, style: message.style)
    }
}
