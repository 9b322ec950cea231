/// A multi-line note field's state: text with line breaks, caret, scroll.
/// Wrapping depends on the width it is drawn at, so keys that move between
/// visual lines take the same rect the screen renders it into.
public struct NoteFieldState: Sendable, Equatable {
    var buffer: EditBuffer
    /// First visual line shown (kept so the view does not jump while typing).
    public private(set) var scrollLine: Int = 0
    /// The column Up/Down aim for, kept while moving through shorter lines.
    var goalColumn: Int?
    public var maxLength: Int?
    public var placeholder: String

    public init(text: String = "", maxLength: Int? = nil, placeholder: String = "") {
        self.buffer = EditBuffer(text)
        self.maxLength = maxLength
        self.placeholder = placeholder
    }

    public var text: String {
        get { buffer.text }
        set {
            buffer = EditBuffer(newValue)
            scrollLine = 0
            goalColumn = nil
        }
    }

    public var caret: Int {
        get { buffer.caret }
        set {
            buffer.caret = min(max(0, newValue), buffer.characters.count)
            goalColumn = nil
        }
    }

    /// Field keys plus Enter (new line), Up/Down (previous/next visual line),
    /// PgUp/PgDn. Up on the first line and Down on the last are `.ignored`, so
    /// a form can move focus to the neighbouring field.
    public mutating func handle(_ key: Key, in rect: Rect) -> TextFieldOutcome {
        let layout = NoteLayout(characters: buffer.characters, width: rect.width)
        let outcome = apply(key, layout: layout, pageHeight: max(1, rect.height))
        let newLayout = outcome == .edited ? NoteLayout(characters: buffer.characters, width: rect.width) : layout
        scrollLine = NoteLayout.visibleTop(storedTop: scrollLine, caretLine: newLayout.line(ofCaret: buffer.caret), height: rect.height)
        return outcome
    }

    private mutating func apply(_ key: Key, layout: NoteLayout, pageHeight: Int) -> TextFieldOutcome {
        let verticalKeys: Set<Key> = [.up, .down, .pageUp, .pageDown]
        if !verticalKeys.contains(key) { goalColumn = nil }
        switch key {
        case .char(let character):
            return insert([character])
        case .enter:
            return insert(["\n"])
        case .up, .down, .pageUp, .pageDown:
            let line = layout.line(ofCaret: buffer.caret)
            let delta: Int
            switch key {
            case .up: delta = -1
            case .down: delta = 1
            case .pageUp: delta = -pageHeight
            default: delta = pageHeight
            }
            let target = min(max(0, line + delta), layout.lines.count - 1)
            if target == line {
                return key == .up || key == .down ? .ignored : .handled
            }
            let goal = goalColumn ?? layout.column(ofCaret: buffer.caret, onLine: line)
            buffer.caret = layout.index(onLine: target, nearColumn: goal)
            goalColumn = goal
        case .left, .ctrl("b"):
            _ = buffer.moveLeft()
        case .right, .ctrl("f"):
            _ = buffer.moveRight()
        case .home, .ctrl("a"):
            buffer.caret = layout.lines[layout.line(ofCaret: buffer.caret)].lowerBound
        case .end, .ctrl("e"):
            let line = layout.line(ofCaret: buffer.caret)
            buffer.caret = layout.lastCaretIndex(onLine: line)
        case .backspace, .ctrl("h"):
            return buffer.deleteBackward() ? .edited : .handled
        case .delete, .ctrl("d"):
            return buffer.deleteForward() ? .edited : .handled
        case .ctrl("k"):
            // Kill to the end of the paragraph; at its end, join the next one.
            let end = buffer.characters[buffer.caret...].firstIndex(where: TextWrap.isLineBreak) ?? buffer.characters.count
            let range = end == buffer.caret && end < buffer.characters.count ? end..<(end + 1) : buffer.caret..<end
            return buffer.kill(range) ? .edited : .handled
        case .ctrl("u"):
            let start = (buffer.characters[..<buffer.caret].lastIndex(where: TextWrap.isLineBreak)).map { $0 + 1 } ?? 0
            return buffer.kill(start..<buffer.caret) ? .edited : .handled
        case .ctrl("w"):
            return buffer.kill(buffer.startOfWordBeforeCaret()..<buffer.caret) ? .edited : .handled
        case .ctrl("y"):
            return insert(buffer.killed)
        default:
            return .ignored
        }
        return .handled
    }

    mutating func insert(_ characters: [Character]) -> TextFieldOutcome {
        var accepted = characters.filter { $0 == "\n" || EditGlyphs.isTypeable($0) }
        if let maxLength {
            accepted = Array(accepted.prefix(max(0, maxLength - buffer.characters.count)))
        }
        guard !accepted.isEmpty else { return .handled }
        buffer.insert(accepted)
        return .edited
    }
}

/// The visual lines of a note at one width, and caret arithmetic over them.
struct NoteLayout {
    let characters: [Character]
    let lines: [Range<Int>]

    init(characters: [Character], width: Int) {
        self.characters = characters
        self.lines = TextWrap.lineRanges(characters, width: width)
    }

    /// A caret at a soft wrap belongs to the start of the next line; a caret
    /// before a line break belongs to the end of its own line.
    func line(ofCaret caret: Int) -> Int {
        for (index, range) in lines.enumerated() {
            let isLast = index == lines.count - 1
            if caret < range.lowerBound { continue }
            if caret < range.upperBound { return index }
            if caret == range.upperBound && (isLast || lines[index + 1].lowerBound > caret) { return index }
        }
        return lines.count - 1
    }

    func column(ofCaret caret: Int, onLine line: Int) -> Int {
        EditGlyphs.width(of: characters[lines[line].lowerBound..<caret])
    }

    /// The last caret position that still belongs to `line`.
    func lastCaretIndex(onLine line: Int) -> Int {
        let range = lines[line]
        let isSoftWrapped = line + 1 < lines.count && lines[line + 1].lowerBound == range.upperBound
        return isSoftWrapped ? max(range.lowerBound, range.upperBound - 1) : range.upperBound
    }

    /// The caret index on `line` whose column is closest to `column` without passing it.
    func index(onLine line: Int, nearColumn column: Int) -> Int {
        var index = lines[line].lowerBound
        var position = 0
        let last = lastCaretIndex(onLine: line)
        while index < last {
            let width = EditGlyphs.width(of: characters[index])
            if position + width > column { break }
            position += width
            index += 1
        }
        return index
    }

    /// The first line to show so the caret's line is visible, moving the
    /// stored top as little as possible.
    static func visibleTop(storedTop: Int, caretLine: Int, height: Int) -> Int {
        let height = max(1, height)
        if caretLine < storedTop { return caretLine }
        if caretLine >= storedTop + height { return caretLine - height + 1 }
        return max(0, storedTop)
    }
}

/// Draws a NoteFieldState.
public enum NoteFieldView {
    public static func render(_ state: NoteFieldState, into frame: inout Frame, at rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let style = focused ? TextFieldView.focusedFieldStyle : TextFieldView.fieldStyle
        frame.fill(rect, style: style)
        let layout = NoteLayout(characters: state.buffer.characters, width: rect.width)
        let caretLine = layout.line(ofCaret: state.buffer.caret)
        let top = NoteLayout.visibleTop(storedTop: state.scrollLine, caretLine: caretLine, height: rect.height)
        if state.buffer.characters.isEmpty {
            frame.put(state.placeholder, row: rect.row, column: rect.column, maxWidth: rect.width, style: TextFieldView.placeholderStyle)
        }
        for (offset, range) in layout.lines.dropFirst(top).prefix(rect.height).enumerated() {
            TextFieldView.drawVisibleGlyphs(Array(layout.characters[range]), offset: 0, into: &frame, row: rect.row + offset, column: rect.column, width: rect.width, style: style)
        }
        if focused {
            let column = layout.column(ofCaret: state.buffer.caret, onLine: caretLine)
            frame.cursor = Position(row: rect.row + caretLine - top, column: rect.column + min(column, rect.width - 1))
        }
    }
}
