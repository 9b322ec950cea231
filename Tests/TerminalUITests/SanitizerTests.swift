import Testing
@testable import TerminalUI

@Suite("Control characters in data are shown as placeholders, never sent")
struct SanitizerTests {
    static let hostile = "A\u{1B}[2JB\u{07}C\u{00}D\u{9B}31mE\u{202E}F\u{7F}G\tH\r\nI"

    @Test func c0ControlsBecomeControlPictures() {
        #expect(Sanitizer.clean("\u{1B}[2J") == "␛[2J")
        #expect(Sanitizer.clean("bell\u{07}") == "bell␇")
        #expect(Sanitizer.clean("nul\u{00}") == "nul␀")
        #expect(Sanitizer.clean("a\tb\rc\nd") == "a␉b␍c␊d")
    }

    @Test func delIsShownAsItsPicture() {
        #expect(Sanitizer.clean("x\u{7F}") == "x␡")
    }

    @Test func c1ControlsAndBidiOverridesBecomeReplacementCharacter() {
        #expect(Sanitizer.clean("\u{9B}31m") == "�31m")
        #expect(Sanitizer.clean("\u{85}") == "�")
        #expect(Sanitizer.clean("abc\u{202E}def") == "abc�def")
        #expect(Sanitizer.clean("\u{2066}x\u{2069}\u{200E}\u{200F}\u{061C}") == "�x����")
    }

    @Test func ordinaryTextIsUntouched() {
        let text = "Zoë 中文 😀 café"
        #expect(Sanitizer.clean(text) == text)
    }

    @Test func aLeadingCombiningMarkSitsOnADottedCircle() {
        #expect(Sanitizer.clean("\u{0301}x") == "\u{25CC}\u{0301}x")
    }

    @Test func cleanedTextHasNoControlScalarLeft() {
        let cleaned = Sanitizer.clean(Self.hostile)
        #expect(!cleaned.unicodeScalars.contains(where: Sanitizer.needsPlaceholder))
    }

    @Test func multiLineTextSplitsAtEveryKindOfLineBreak() {
        #expect(Sanitizer.cleanLines("one\ntwo\r\nthree\rfour\u{1B}") == ["one", "two", "three", "four␛"])
    }

    @Test func noCellOfAFrameEverHoldsARawControl() {
        var frame = Frame(width: 30, height: 3)
        frame.put(Self.hostile, row: 0, column: 0)
        frame.fill(Rect(row: 1, column: 0, width: 5, height: 1), with: "\u{1B}")
        TextFieldView.render(TextFieldState(text: Self.hostile), into: &frame, at: Rect(row: 2, column: 0, width: 30, height: 1), focused: true)
        for cell in frame.cells {
            #expect(!cell.text.unicodeScalars.contains(where: Sanitizer.needsPlaceholder), "raw control in \(cell.text.unicodeScalars.map { $0.value })")
        }
        #expect(frame.line(0) == "A␛[2JB␇C␀D�31mE�F␡G␉H␍␊I")
        #expect(frame.line(1) == "␛␛␛␛␛")
    }
}
