import Testing
@testable import TerminalUI

@Suite("Single-line text field: readline keys")
struct TextFieldKeyTests {
    func field(_ text: String, caret: Int? = nil) -> TextFieldState {
        var state = TextFieldState(text: text)
        if let caret { state.caret = caret }
        return state
    }

    @Test func typingInsertsAtTheCaret() {
        var state = field("ac", caret: 1)
        #expect(state.handle(.char("b")) == .edited)
        #expect(state.text == "abc")
        #expect(state.caret == 2)
    }

    @Test func ctrlAAndCtrlEMoveToStartAndEnd() {
        var state = field("hello")
        _ = state.handle(.ctrl("a"))
        #expect(state.caret == 0)
        _ = state.handle(.ctrl("e"))
        #expect(state.caret == 5)
        _ = state.handle(.home)
        #expect(state.caret == 0)
        _ = state.handle(.end)
        #expect(state.caret == 5)
    }

    @Test func ctrlKKillsToTheEndAndCtrlYYanksItBack() {
        var state = field("hello world", caret: 5)
        #expect(state.handle(.ctrl("k")) == .edited)
        #expect(state.text == "hello")
        _ = state.handle(.ctrl("a"))
        _ = state.handle(.ctrl("y"))
        #expect(state.text == " worldhello")
    }

    @Test func ctrlUKillsToTheStart() {
        var state = field("hello world", caret: 6)
        _ = state.handle(.ctrl("u"))
        #expect(state.text == "world")
        #expect(state.caret == 0)
    }

    @Test func ctrlWKillsTheWordBeforeTheCaret() {
        var state = field("Mary Ann  Smith")
        _ = state.handle(.ctrl("w"))
        #expect(state.text == "Mary Ann  ")
        _ = state.handle(.ctrl("w"))
        #expect(state.text == "Mary ")
    }

    @Test func backspaceAndDelete() {
        var state = field("abcd", caret: 2)
        _ = state.handle(.backspace)
        #expect(state.text == "acd")
        _ = state.handle(.delete)
        #expect(state.text == "ad")
        #expect(state.caret == 1)
        var atStart = field("x", caret: 0)
        #expect(atStart.handle(.backspace) == .handled)
    }

    @Test func leftAndRightStopAtTheEnds() {
        var state = field("ab", caret: 0)
        _ = state.handle(.left)
        #expect(state.caret == 0)
        _ = state.handle(.right)
        _ = state.handle(.right)
        _ = state.handle(.right)
        #expect(state.caret == 2)
    }

    @Test func maxLengthRefusesExtraCharacters() {
        var state = TextFieldState(text: "abc", maxLength: 3)
        #expect(state.handle(.char("d")) == .handled)
        #expect(state.text == "abc")
    }

    @Test func controlCharactersAreNotTyped() {
        var state = field("")
        #expect(state.handle(.char("\u{1B}")) == .handled)
        #expect(state.text.isEmpty)
    }

    @Test func formKeysAreLeftToTheForm() {
        var state = field("x")
        #expect(state.handle(.tab) == .ignored)
        #expect(state.handle(.enter) == .ignored)
        #expect(state.handle(.escape) == .ignored)
    }
}

@Suite("Single-line text field: drawing")
struct TextFieldRenderTests {
    let area = Rect(row: 0, column: 2, width: 8, height: 1)

    @Test func focusedFieldPutsTheCursorOnTheCaret() {
        var frame = Frame(width: 12, height: 1)
        var state = TextFieldState(text: "Ann")
        state.caret = 1
        TextFieldView.render(state, into: &frame, at: area, focused: true)
        #expect(frame.lines == ["  Ann"])
        #expect(frame.cursor == Position(row: 0, column: 3))
        #expect(frame.styleMask(row: 0) { $0.underline } == "..########..")
    }

    @Test func caretIsMeasuredInDisplayColumns() {
        var frame = Frame(width: 12, height: 1)
        let state = TextFieldState(text: "中文")
        TextFieldView.render(state, into: &frame, at: area, focused: true)
        #expect(state.caretColumn == 4)
        #expect(frame.cursor == Position(row: 0, column: 6))
    }

    @Test func emptyFieldShowsItsPlaceholderDimmed() {
        var frame = Frame(width: 12, height: 1)
        TextFieldView.render(TextFieldState(placeholder: "Name"), into: &frame, at: area, focused: false)
        #expect(frame.lines == ["  Name"])
        #expect(frame.style(row: 0, column: 2).dim)
        #expect(frame.cursor == nil)
    }

    @Test func longTextScrollsHorizontallyToKeepTheCaretVisible() {
        var frame = Frame(width: 10, height: 1)
        let state = TextFieldState(text: "abcdefghijklmnop")
        TextFieldView.render(state, into: &frame, at: Rect(row: 0, column: 0, width: 10, height: 1), focused: true)
        // Caret at column 16 of the text; the view jumps by half a field (5).
        #expect(frame.lines == ["klmnop"])
        #expect(frame.cursor == Position(row: 0, column: 6))
    }

    @Test func scrollingThroughAWideCharacterShowsASpaceNotHalfOfIt() {
        var frame = Frame(width: 4, height: 1)
        var state = TextFieldState(text: "a中bcdef")
        state.caret = 5
        TextFieldView.render(state, into: &frame, at: Rect(row: 0, column: 0, width: 4, height: 1), focused: true)
        // Caret column 6, offset 4: the view starts at "b", column 2 of 中 falls off.
        #expect(TextFieldView.scrollOffset(caretColumn: 6, fieldWidth: 4) == 4)
        #expect(frame.paddedLine(0) == "cdef")
        var straddling = Frame(width: 4, height: 1)
        TextFieldView.drawVisibleGlyphs(Array("a中bcdef"), offset: 2, into: &straddling, row: 0, column: 0, width: 4, style: .plain)
        #expect(straddling.paddedLine(0) == " bcd")
    }

    @Test func tenThousandCharacterValueShowsItsTail() {
        var frame = Frame(width: 20, height: 1)
        let state = TextFieldState(text: String(repeating: "x", count: 9_999) + "Z")
        TextFieldView.render(state, into: &frame, at: Rect(row: 0, column: 0, width: 20, height: 1), focused: true)
        #expect(frame.line(0).hasSuffix("Z"))
        #expect(frame.cursor == Position(row: 0, column: frame.line(0).count))
    }
}
