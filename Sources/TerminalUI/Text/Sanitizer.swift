/// The one gate between data and the screen. Every string that reaches a Frame
/// passes through `clean`, so no byte of data can ever reach the terminal as a
/// control sequence or silently reorder what the broker reads.
///
/// Replacements (each keeps the width of one column, so layouts stay honest):
/// - C0 controls U+0000–U+001F become the Control Pictures U+2400–U+241F
///   ("␀", "␇" for BEL, "␉" for TAB, "␊" for LF, "␍" for CR, "␛" for ESC).
/// - DEL U+007F becomes "␡" (U+2421).
/// - C1 controls U+0080–U+009F, bidirectional marks, embeddings, overrides and
///   isolates (U+200E/F, U+202A–U+202E, U+2066–U+2069, U+061C) and the Unicode
///   line/paragraph separators U+2028/U+2029 become "�" (U+FFFD): they have no
///   picture of their own, and showing one mark for all of them is enough to
///   tell the broker "something invisible is here".
/// - A combining mark with nothing to combine with (at the very start of the
///   text) is shown on a dotted circle "◌", as Unicode recommends, so it cannot
///   attach to whatever the terminal drew before it.
public enum Sanitizer {
    /// The placeholder for controls that have no Control Picture.
    public static let otherControlPlaceholder: Unicode.Scalar = "\u{FFFD}"
    /// The base shown under a combining mark that starts the text.
    public static let orphanMarkBase: Unicode.Scalar = "\u{25CC}"

    /// Text made safe for one line of a Frame.
    public static func clean(_ text: String) -> String {
        let startsWithOrphanMark = text.unicodeScalars.first.map(startsWithMark) ?? false
        guard startsWithOrphanMark || text.unicodeScalars.contains(where: needsPlaceholder) else {
            return text
        }
        var result = String.UnicodeScalarView()
        var isFirst = true
        for scalar in text.unicodeScalars {
            if isFirst, startsWithMark(scalar) { result.append(orphanMarkBase) }
            isFirst = false
            result.append(placeholder(for: scalar) ?? scalar)
        }
        return String(result)
    }

    /// Text made safe for a multi-line area: split at line breaks ("\n",
    /// "\r\n" or a lone "\r"), each line cleaned. Other controls still show.
    public static func cleanLines(_ text: String) -> [String] {
        // "\r\n" is a single Character in Swift, so it is matched as one break.
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { clean(String($0)) }
    }

    /// What a single scalar is shown as, or nil when it is shown as itself.
    public static func placeholder(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x00...0x1F: return Unicode.Scalar(0x2400 + scalar.value)
        case 0x7F: return "\u{2421}"
        default: return needsPlaceholder(scalar) ? otherControlPlaceholder : nil
        }
    }

    /// True for every scalar a terminal could interpret rather than display.
    public static func needsPlaceholder(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    private static func startsWithMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: return false
        }
    }
}
