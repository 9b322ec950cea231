/// Word wrapping by display width.
public enum TextWrap {
    /// Wraps text into lines of at most `width` columns. Line breaks in the
    /// text are kept; words longer than a line are broken between characters
    /// (which is also how CJK text, written without spaces, wraps). Lines are
    /// sanitised and carry no trailing spaces.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in Sanitizer.cleanLines(text) {
            let characters = Array(paragraph)
            for range in lineRanges(characters, width: width) {
                var line = String(characters[range])
                while line.last == " " { line.removeLast() }
                result.append(line)
            }
        }
        return result
    }

    static func isLineBreak(_ character: Character) -> Bool {
        character == "\n" || character == "\r\n" || character == "\r"
    }

    /// The visual lines of some text as ranges of character indices, excluding
    /// the line-break characters themselves. Spaces at a break stay on the line
    /// they end (hanging past the edge if need be), so every character belongs
    /// to exactly one line: an editor can map its caret through these ranges.
    static func lineRanges(_ characters: [Character], width: Int) -> [Range<Int>] {
        let width = max(1, width)
        var lines: [Range<Int>] = []
        var start = 0
        var column = 0
        var afterLastSpace: Int?
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if isLineBreak(character) {
                lines.append(start..<index)
                start = index + 1
                column = 0
                afterLastSpace = nil
                index += 1
                continue
            }
            let characterWidth = EditGlyphs.width(of: character)
            if character == " " {
                column += characterWidth
                index += 1
                afterLastSpace = index
                continue
            }
            if column + characterWidth > width, column > 0 {
                if let breakIndex = afterLastSpace, breakIndex > start {
                    lines.append(start..<breakIndex)
                    start = breakIndex
                    column = characters[breakIndex..<index].reduce(0) { $0 + EditGlyphs.width(of: $1) }
                } else {
                    lines.append(start..<index)
                    start = index
                    column = 0
                }
                afterLastSpace = nil
                continue
            }
            column += characterWidth
            index += 1
        }
        lines.append(start..<characters.count)
        return lines
    }
}
