import CNcurses
import TerminalUI

/// How styles become ncurses attributes and colour pairs.
///
/// In colour, selection and focus are painted with their own pairs instead of
/// reverse video (reverse of a default-coloured pair gives poor contrast); in
/// monochrome they fall back to reverse (and bold for focus), so they never
/// depend on colour.
struct Theme {
    enum Kind: Equatable {
        case colour
        case monochrome
    }

    let kind: Kind

    /// Pair numbers per role; pair 0 is the terminal's default colours.
    static func pair(for role: ColorRole) -> Int16 {
        switch role {
        case .normal: return 0
        case .header: return 1
        case .accent: return 2
        case .muted: return 3
        case .success: return 4
        case .warning: return 5
        case .error: return 6
        case .selection: return 7
        case .focus: return 8
        }
    }

    /// Sets up the colour pairs; call once after `start_color`. `defaultColour` is
    /// -1 when the terminal accepts `use_default_colors`, so the user's own
    /// background shows through.
    static func installPairs(defaultColour: Int16, colourCount: Int) {
        let background = defaultColour
        let foreground = defaultColour == -1 ? -1 : Int16(COLOR_WHITE)
        // Bright black (grey) exists only on 16-colour terminals; elsewhere muted
        // text keeps the default colour and relies on A_DIM.
        let grey = colourCount >= 16 ? Int16(8) : foreground
        let pairs: [(ColorRole, Int16, Int16)] = [
            (.header, Int16(COLOR_CYAN), background),
            (.accent, Int16(COLOR_MAGENTA), background),
            (.muted, grey, background),
            (.success, Int16(COLOR_GREEN), background),
            (.warning, Int16(COLOR_YELLOW), background),
            (.error, Int16(COLOR_RED), background),
            (.selection, Int16(COLOR_WHITE), Int16(COLOR_BLUE)),
            (.focus, Int16(COLOR_BLACK), Int16(COLOR_CYAN)),
        ]
        for (role, fg, bg) in pairs {
            init_pair(pair(for: role), fg, bg)
        }
    }

    /// The attributes and pair to draw a cell of `style` with.
    func rendition(for style: Style) -> (attributes: attr_t, pair: Int16) {
        var attributes = tb_a_normal()
        if style.bold { attributes |= tb_a_bold() }
        if style.underline { attributes |= tb_a_underline() }
        if style.dim { attributes |= tb_a_dim() }
        switch kind {
        case .colour:
            let paintedHighlight = style.role == .selection || style.role == .focus
            if style.reverse && !paintedHighlight { attributes |= tb_a_reverse() }
            return (attributes, Theme.pair(for: style.role))
        case .monochrome:
            if style.reverse { attributes |= tb_a_reverse() }
            switch style.role {
            case .selection: attributes |= tb_a_reverse()
            case .focus: attributes |= tb_a_reverse() | tb_a_bold()
            case .header, .error, .warning: attributes |= tb_a_bold()
            case .muted: attributes |= tb_a_dim()
            case .normal, .accent, .success: break
            }
            return (attributes, 0)
        }
    }
}
