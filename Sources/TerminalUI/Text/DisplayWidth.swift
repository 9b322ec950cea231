/// How many terminal columns text occupies, computed from Unicode properties
/// built into Swift rather than `wcwidth`, so the answer does not depend on the
/// process locale: tests, pure code and the running console agree.
public enum DisplayWidth {
    /// Width of one grapheme cluster: 0, 1 or 2 columns.
    ///
    /// A cluster is as wide as its widest scalar: a base letter with combining
    /// marks is 1, a Hangul syllable spelled as jamo is 2, an emoji sequence is 2.
    /// Characters the sanitiser replaces with a placeholder count as 1, the
    /// width of that placeholder.
    public static func of(_ character: Character) -> Int {
        var width = 0
        var sawEmojiBase = false
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F, sawEmojiBase { return 2 }
            if scalar.properties.isEmoji { sawEmojiBase = true }
            width = max(width, of(scalar))
            if width == 2 { return 2 }
        }
        return width
    }

    /// Width of a string: the sum of its grapheme clusters' widths.
    public static func of(_ text: String) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Width of a single scalar taken on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        if Sanitizer.needsPlaceholder(scalar) { return 1 }
        if isZeroWidth(scalar) { return 0 }
        if scalar.properties.isEmojiPresentation || isEastAsianWide(scalar.value) { return 2 }
        return 1
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return true
        default:
            // Medial vowels and final consonants of conjoining Hangul attach to
            // the initial consonant, which already takes both columns.
            return (0x1160...0x11FF).contains(scalar.value) || (0xD7B0...0xD7FF).contains(scalar.value)
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks from Unicode's
    /// EastAsianWidth.txt, merged into whole blocks where the gaps are
    /// unassigned. Emoji are not listed: `isEmojiPresentation` covers them.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,   // Hangul Jamo initial consonants
        0x2329...0x232A,   // angle brackets
        0x2E80...0x303E,   // CJK radicals, Kangxi, CJK symbols and punctuation
        0x3041...0x33FF,   // kana, Bopomofo, Hangul compatibility jamo, enclosed CJK
        0x3400...0x4DBF,   // CJK extension A
        0x4E00...0x9FFF,   // CJK unified ideographs
        0xA000...0xA4CF,   // Yi
        0xA960...0xA97F,   // Hangul Jamo extended A
        0xAC00...0xD7A3,   // Hangul syllables
        0xF900...0xFAFF,   // CJK compatibility ideographs
        0xFE10...0xFE19,   // vertical forms
        0xFE30...0xFE6F,   // CJK compatibility forms, small form variants
        0xFF00...0xFF60,   // fullwidth ASCII and punctuation
        0xFFE0...0xFFE6,   // fullwidth currency signs
        0x16FE0...0x16FE4, // ideographic symbols
        0x17000...0x18CFF, // Tangut, Khitan
        0x1AFF0...0x1B2FF, // kana supplements, Nushu
        0x1F200...0x1F2FF, // enclosed ideographic supplement
        0x20000...0x2FFFD, // CJK extensions B to F, compatibility supplement
        0x30000...0x3FFFD, // CJK extensions G and later
    ]

    static func isEastAsianWide(_ value: UInt32) -> Bool {
        guard value >= 0x1100 else { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}

extension String {
    /// Terminal columns this string occupies once sanitised.
    public var displayWidth: Int { DisplayWidth.of(self) }
}

extension Character {
    /// Terminal columns this character occupies once sanitised.
    public var displayWidth: Int { DisplayWidth.of(self) }
}
