/// What any text a broker, an import or a script gives may hold, for every field of every record.
///
/// Control characters never enter the store: C0 (U+0000–U+001F, tabs included; a line feed only
/// in free text that may run over several lines: descriptions and notes), DEL, C1 (U+0080–U+009F), the bidirectional embeddings, overrides
/// and isolates (U+202A–U+202E, U+2066–U+2069) that reorder what a reader sees, and the Unicode
/// line and paragraph separators. A length limit counts both what the reader sees (grapheme
/// clusters) and what is stored (UTF-8 bytes, at most four per character), so one letter under
/// thousands of combining accents is not one character long.
public enum TextRules {
    public static func isForbidden(_ scalar: Unicode.Scalar, multiline: Bool = false) -> Bool {
        if multiline && scalar == "\n" { return false }
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }

    public static func containsForbidden(_ text: String, multiline: Bool = false) -> Bool {
        text.unicodeScalars.contains { isForbidden($0, multiline: multiline) }
    }

    /// The GLOB character class of the forbidden characters, for finding any already stored.
    /// (NUL cannot sit in a pattern; `instr(x, char(0))` finds it.)
    public static func globClass(multiline: Bool) -> String {
        let c0: [(UInt32, UInt32)] = multiline ? [(0x01, 0x09), (0x0B, 0x1F)] : [(0x01, 0x1F)]
        let ranges = c0 + [(0x7F, 0x9F), (0x202A, 0x202E), (0x2066, 0x2069), (0x2028, 0x2029)]
        var s = "["
        for (low, high) in ranges {
            if let a = Unicode.Scalar(low), let b = Unicode.Scalar(high) { s.unicodeScalars.append(a); s += "-"; s.unicodeScalars.append(b) }
        }
        return s + "]"
    }

    /// "The title contains a control character (U+001B), which cannot be stored." or nil.
    public static func controlProblem(_ label: String, _ text: String, multiline: Bool = false) -> String? {
        guard let bad = text.unicodeScalars.first(where: { isForbidden($0, multiline: multiline) }) else { return nil }
        return "\(label) contains a control character (\(codePoint(bad))), which cannot be stored."
    }

    /// Whether text fits a limit of `characters` as seen and four bytes per character as stored.
    public static func fits(_ text: String, characters: Int) -> Bool {
        text.utf8.count <= characters * 4 && text.count <= characters
    }

    /// "The note is longer than 500 characters." or nil.
    public static func lengthProblem(_ label: String, _ text: String, characters: Int) -> String? {
        fits(text, characters: characters) ? nil : "\(label) is longer than \(characters.formatted) characters."
    }

    /// The first problem of either kind, or nil.
    public static func problem(_ label: String, _ text: String, characters: Int, multiline: Bool = false) -> String? {
        controlProblem(label, text, multiline: multiline) ?? lengthProblem(label, text, characters: characters)
    }

    static func codePoint(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

private extension Int {
    /// 10000 → "10,000", the way limits are written in messages.
    var formatted: String {
        let digits = String(self)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }
}
