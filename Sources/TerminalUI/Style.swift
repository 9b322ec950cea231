/// What a piece of text means; the terminal's theme maps a role to colours,
/// or to nothing at all when there is no colour (meaning is then carried by
/// the attributes below and by the words themselves).
public enum ColorRole: Hashable, Sendable, CaseIterable {
    case normal
    case header
    case accent
    case muted
    case success
    case warning
    case error
    case selection
    case focus
}

/// Attributes of a cell. Bold, reverse and underline never depend on colour,
/// so focus and selection stay visible on a monochrome terminal.
public struct Style: Hashable, Sendable {
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool
    public var role: ColorRole

    public init(bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false, role: ColorRole = .normal) {
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
        self.role = role
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let reverse = Style(reverse: true)
    public static let underline = Style(underline: true)
    public static let dim = Style(dim: true)
    /// A selected row or focused control: reverse video, so it shows without colour.
    public static let selected = Style(reverse: true, role: .selection)
    public static let header = Style(bold: true, role: .header)
    public static let error = Style(bold: true, role: .error)
    public static let warning = Style(bold: true, role: .warning)
    public static let success = Style(role: .success)
    public static let muted = Style(dim: true, role: .muted)
}
