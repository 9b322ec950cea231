/// How editable text is shown one character at a time. Editors keep the
/// original characters (they are the data) and sanitise each one on its own
/// for display, so a caret index always maps to the same glyphs.
enum EditGlyphs {
    /// The glyphs a character is shown as: usually one, but "\r\n" is one
    /// Swift Character and shows as two control pictures.
    static func glyphs(of character: Character) -> [Glyph] {
        Sanitizer.clean(String(character)).compactMap { shown in
            let width = DisplayWidth.of(shown)
            return width == 0 ? nil : Glyph(text: String(shown), width: width)
        }
    }

    static func width(of character: Character) -> Int {
        if character.isASCII, let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        return glyphs(of: character).reduce(0) { $0 + $1.width }
    }

    static func width<C: Collection>(of characters: C) -> Int where C.Element == Character {
        characters.reduce(0) { $0 + width(of: $1) }
    }

    /// True for characters a broker may type into a field: anything printable.
    static func isTypeable(_ character: Character) -> Bool {
        !character.unicodeScalars.contains(where: Sanitizer.needsPlaceholder)
    }
}
