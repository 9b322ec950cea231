/// What a key did to a text field.
public enum TextFieldOutcome: Hashable, Sendable {
    /// Not a field key (Enter, Tab, Esc...): the form or screen decides.
    case ignored
    /// Consumed without changing the text (caret moved, or input refused at max length).
    case handled
    /// The text changed.
    case edited
}

/// A single-line text field's state: the text, the caret and the limits.
/// Screens keep it in their State; `TextFieldView` draws it.
public struct TextFieldState: Sendable, Equatable {
    var buffer: EditBuffer
    /// The most characters the field accepts (typing beyond it is refused).
    public var maxLength: Int?
    /// Shown dimmed while the field is empty.
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
        }
    }

    /// Caret position as a character index (0 is before the first character).
    public var caret: Int {
        get { buffer.caret }
        set { buffer.caret = min(max(0, newValue), buffer.characters.count) }
    }

    /// Caret position in display columns from the start of the text.
    public var caretColumn: Int { EditGlyphs.width(of: buffer.characters[..<buffer.caret]) }

    /// Readline keys: Ctrl-A/Home, Ctrl-E/End, Ctrl-B/Left, Ctrl-F/Right,
    /// Backspace/Ctrl-H, Delete/Ctrl-D, Ctrl-K (kill to end), Ctrl-U (kill to
    /// start), Ctrl-W (kill word before caret), Ctrl-Y (yank what was killed).
    public mutating func handle(_ key: Key) -> TextFieldOutcome {
        switch key {
        case .char(let character):
            return insert([character])
        case .left, .ctrl("b"):
            _ = buffer.moveLeft()
        case .right, .ctrl("f"):
            _ = buffer.moveRight()
        case .home, .ctrl("a"):
            buffer.caret = 0
        case .end, .ctrl("e"):
            buffer.caret = buffer.characters.count
        case .backspace, .ctrl("h"):
            return buffer.deleteBackward() ? .edited : .handled
        case .delete, .ctrl("d"):
            return buffer.deleteForward() ? .edited : .handled
        case .ctrl("k"):
            return buffer.kill(buffer.caret..<buffer.characters.count) ? .edited : .handled
        case .ctrl("u"):
            return buffer.kill(0..<buffer.caret) ? .edited : .handled
        case .ctrl("w"):
            return buffer.kill(buffer.startOfWordBeforeCaret()..<buffer.caret) ? .edited : .handled
        case .ctrl("y"):
            return insert(buffer.killed)
        default:
            return .ignored
        }
        return .handled
    }

    /// Inserts typed or pasted characters at the caret. Control characters and
    /// line breaks are refused: a single line never stores them from the keyboard.
    mutating func insert(_ characters: [Character]) -> TextFieldOutcome {
        var accepted = characters.filter(EditGlyphs.isTypeable)
        if let maxLength {
            accepted = Array(accepted.prefix(max(0, maxLength - buffer.characters.count)))
        }
        guard !accepted.isEmpty else { return .handled }
        buffer.insert(accepted)
        return .edited
    }
}

/// Draws a TextFieldState.
public enum TextFieldView {
    /// Field cells are underlined so the field's extent shows without colour;
    /// the focused field is also bold.
    public static let fieldStyle = Style(underline: true)
    public static let focusedFieldStyle = Style(bold: true, underline: true, role: .focus)
    public static let placeholderStyle = Style(underline: true, dim: true, role: .muted)

    /// Draws the field on the first row of `rect`. When the text is longer than
    /// the field it scrolls horizontally in jumps of half the field (as ksh
    /// does), so the text does not slide under the broker at every keystroke.
    /// When focused, the terminal cursor is put on the caret.
    public static func render(_ state: TextFieldState, into frame: inout Frame, at rect: Rect, focused: Bool) {
        guard rect.width > 0, rect.height > 0 else { return }
        let style = focused ? focusedFieldStyle : fieldStyle
        frame.fill(Rect(row: rect.row, column: rect.column, width: rect.width, height: 1), style: style)
        let caretColumn = state.caretColumn
        let offset = scrollOffset(caretColumn: caretColumn, fieldWidth: rect.width)
        if state.buffer.characters.isEmpty {
            frame.put(state.placeholder, row: rect.row, column: rect.column, maxWidth: rect.width, style: placeholderStyle)
        } else {
            drawVisibleGlyphs(state.buffer.characters, offset: offset, into: &frame, row: rect.row, column: rect.column, width: rect.width, style: style)
        }
        if focused {
            frame.cursor = Position(row: rect.row, column: rect.column + min(caretColumn - offset, rect.width - 1))
        }
    }

    /// First visible display column for a caret at `caretColumn`. The caret
    /// needs a cell of its own, so it must sit in 0..<fieldWidth.
    public static func scrollOffset(caretColumn: Int, fieldWidth: Int) -> Int {
        guard fieldWidth > 1, caretColumn >= fieldWidth else { return max(0, caretColumn - max(0, fieldWidth - 1)) }
        let step = max(1, fieldWidth / 2)
        return ((caretColumn - fieldWidth) / step + 1) * step
    }

    /// Draws the glyphs falling in [offset, offset + width). A wide glyph cut
    /// by either edge shows as a space.
    static func drawVisibleGlyphs(_ characters: [Character], offset: Int, into frame: inout Frame, row: Int, column: Int, width: Int, style: Style) {
        var position = 0
        for character in characters {
            if position >= offset + width { break }
            for glyph in EditGlyphs.glyphs(of: character) {
                defer { position += glyph.width }
                let start = position - offset
                guard start + glyph.width > 0, start < width else { continue }
                if start < 0 || start + glyph.width > width {
                    frame.put(" ", row: row, column: column + max(0, start), style: style)
                } else {
                    frame.place(glyph, row: row, column: column + start, style: style)
                }
            }
        }
    }
}
