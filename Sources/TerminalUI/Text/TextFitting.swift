/// What to do with text wider than the space it is given.
public enum Overflow: Sendable, Hashable {
    /// End with "…" so the broker can see something was cut.
    case ellipsis
    /// Cut silently (for scrolling views where the cut is expected).
    case clip
}

/// One visible grapheme cluster with its column width (1 or 2).
struct Glyph: Equatable, Sendable {
    var text: String
    var width: Int
}

/// Fits sanitised text into a number of columns. Works cluster by cluster and
/// stops as soon as the space is full, so a 10,000-character note costs no
/// more than the columns it is shown in.
enum TextFitting {
    static let ellipsis = Glyph(text: "…", width: 1)

    /// The glyphs to draw and the number of blank columns to pad after them,
    /// so that exactly `width` columns are accounted for when the text overflows.
    /// Zero-width clusters (lone format characters) are dropped: a cell must
    /// always advance the terminal's cursor by the width we think it does.
    static func fit(_ cleanText: String, width: Int, overflow: Overflow) -> (glyphs: [Glyph], padding: Int) {
        guard width > 0 else { return ([], 0) }
        var glyphs: [Glyph] = []
        var used = 0
        var overflowed = false
        for character in cleanText {
            let characterWidth = DisplayWidth.of(character)
            if characterWidth == 0 { continue }
            if used + characterWidth > width {
                overflowed = true
                break
            }
            glyphs.append(Glyph(text: String(character), width: characterWidth))
            used += characterWidth
        }
        guard overflowed else { return (glyphs, 0) }
        if overflow == .ellipsis {
            while used > width - ellipsis.width, let last = glyphs.popLast() {
                used -= last.width
            }
            glyphs.append(ellipsis)
            used += ellipsis.width
        }
        // A wide character that would straddle the edge is left out; its one
        // remaining column is padded with a space rather than half a glyph.
        return (glyphs, width - used)
    }
}

/// String helpers measured in terminal columns.
public enum TextMeasure {
    /// Text shortened to at most `width` columns, ending in "…" when cut.
    /// The result is sanitised.
    public static func truncate(_ text: String, toWidth width: Int, overflow: Overflow = .ellipsis) -> String {
        let fitted = TextFitting.fit(Sanitizer.clean(text), width: width, overflow: overflow)
        return fitted.glyphs.map(\.text).joined()
    }

    public enum Alignment: Sendable, Hashable {
        case left, right, center
    }

    /// Text truncated if needed, then padded with spaces to exactly `width` columns.
    public static func pad(_ text: String, toWidth width: Int, alignment: Alignment = .left) -> String {
        guard width > 0 else { return "" }
        let fitted = TextFitting.fit(Sanitizer.clean(text), width: width, overflow: .ellipsis)
        let body = fitted.glyphs.map(\.text).joined()
        let gap = width - fitted.glyphs.reduce(0) { $0 + $1.width }
        switch alignment {
        case .left: return body + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + body
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + body + String(repeating: " ", count: gap - left)
        }
    }

    /// Columns the text occupies once sanitised.
    public static func width(_ text: String) -> Int {
        DisplayWidth.of(text)
    }
}
