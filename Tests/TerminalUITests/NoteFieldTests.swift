import Testing
@testable import TerminalUI

@Suite("Multi-line note field")
struct NoteFieldTests {
    let area = Rect(row: 0, column: 0, width: 10, height: 3)

    @Test func textWrapsAtTheFieldWidth() {
        var frame = Frame(width: 10, height: 3)
        let state = NoteFieldState(text: "Needs help with the garden")
        NoteFieldView.render(state, into: &frame, at: area, focused: false)
        #expect(frame.lines == ["Needs help", "with the", "garden"])
    }

    @Test func enterInsertsANewLine() {
        var state = NoteFieldState(text: "ab")
        #expect(state.handle(.enter, in: area) == .edited)
        _ = state.handle(.char("c"), in: area)
        #expect(state.text == "ab\nc")
    }

    @Test func upAndDownMoveBetweenVisualLinesKeepingTheColumn() {
        var state = NoteFieldState(text: "Needs help with the garden")
        state.caret = 3 // "Nee|ds"
        #expect(state.handle(.down, in: area) == .handled)
        #expect(state.caret == 14) // "wit|h"
        _ = state.handle(.down, in: area)
        #expect(state.caret == 23) // "gar|den"
        #expect(state.handle(.down, in: area) == .ignored)
        _ = state.handle(.up, in: area)
        _ = state.handle(.up, in: area)
        #expect(state.caret == 3)
        #expect(state.handle(.up, in: area) == .ignored)
    }

    @Test func goalColumnSurvivesAShortLine() {
        var state = NoteFieldState(text: "abcdef\nab\nabcdef")
        state.caret = 5
        _ = state.handle(.down, in: area)
        #expect(state.caret == 9) // end of "ab"
        _ = state.handle(.down, in: area)
        #expect(state.caret == 15) // back to column 5
    }

    @Test func scrollsToKeepTheCaretLineVisible() {
        var state = NoteFieldState(text: "1\n2\n3\n4\n5")
        var frame = Frame(width: 10, height: 3)
        NoteFieldView.render(state, into: &frame, at: area, focused: true)
        #expect(frame.lines == ["3", "4", "5"])
        #expect(frame.cursor == Position(row: 2, column: 1))
        state.caret = 0
        _ = state.handle(.right, in: area)
        _ = state.handle(.left, in: area)
        var top = Frame(width: 10, height: 3)
        NoteFieldView.render(state, into: &top, at: area, focused: true)
        #expect(top.lines == ["1", "2", "3"])
        #expect(top.cursor == Position(row: 0, column: 0))
    }

    @Test func ctrlKAtTheEndOfALineJoinsTheNextOne() {
        var state = NoteFieldState(text: "ab\ncd")
        state.caret = 2
        _ = state.handle(.ctrl("k"), in: area)
        #expect(state.text == "abcd")
    }

    @Test func controlCharactersInStoredNotesShowAsPictures() {
        var frame = Frame(width: 10, height: 3)
        NoteFieldView.render(NoteFieldState(text: "a\u{1B}[2J\u{07}"), into: &frame, at: area, focused: false)
        #expect(frame.lines == ["a␛[2J␇", "", ""])
    }
}
