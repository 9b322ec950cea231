/// The bottom line of key hints, generated from the KeyRegistry.
public enum StatusLine {
    static let separator = "  "
    /// Keys are reverse video so they stand apart from their labels without colour.
    public static let keyStyle = Style(reverse: true, role: .accent)

    /// Draws "Key Label  Key Label ..." on the first row of `rect`.
    public static func render(_ hints: [KeyHint], into frame: inout Frame, at rect: Rect) {
        guard !rect.isEmpty else { return }
        frame.fill(rect.row(0))
        var column = rect.column
        for (index, hint) in hints.enumerated() {
            if index > 0 { column += separator.displayWidth }
            let remaining = rect.maxColumn - column
            guard remaining > 0 else { break }
            column += frame.put(hint.key, row: rect.row, column: column, maxWidth: remaining, style: keyStyle)
            column += frame.put(" " + hint.label, row: rect.row, column: column, maxWidth: rect.maxColumn - column)
        }
    }

    /// Hints from the registry for `scope`, fitted to the rect and drawn.
    public static func render(_ registry: KeyRegistry, scope: KeyScope, into frame: inout Frame, at rect: Rect) {
        render(registry.statusHints(for: scope, width: rect.width), into: &frame, at: rect)
    }
}
