import Testing
@testable import TerminalUI

@Suite("Placing text in a frame")
struct FrameTextTests {
    @Test func textIsPlacedAndReturnsColumnsUsed() {
        var frame = Frame(width: 10, height: 1)
        let used = frame.put("Hi", row: 0, column: 3, style: .bold)
        #expect(used == 2)
        #expect(frame.lines == ["   Hi"])
        #expect(frame.styleMask(row: 0) { $0.bold } == "...##.....")
    }

    @Test func longTextEndsInAnEllipsis() {
        var frame = Frame(width: 10, height: 1)
        let used = frame.put("Margaret Thatcher-Smith", row: 0, column: 0, maxWidth: 8)
        #expect(used == 8)
        #expect(frame.lines == ["Margare…"])
    }

    @Test func clippedTextHasNoEllipsis() {
        var frame = Frame(width: 6, height: 1)
        frame.put("abcdefgh", row: 0, column: 0, overflow: .clip)
        #expect(frame.lines == ["abcdef"])
    }

    @Test func aWideCharacterAtTheLastColumnBecomesASpaceNeverHalf() {
        var frame = Frame(width: 5, height: 1)
        frame.put("abcd中", row: 0, column: 0, overflow: .clip)
        #expect(frame.paddedLine(0) == "abcd ")
        #expect(frame[0, 4].text == " ")
        #expect(!frame[0, 4].isContinuation)
    }

    @Test func aWideCharacterOccupiesItsCellAndAContinuation() {
        var frame = Frame(width: 6, height: 1)
        let used = frame.put("中文", row: 0, column: 1)
        #expect(used == 4)
        #expect(frame[0, 1].text == "中")
        #expect(frame[0, 2].isContinuation && frame[0, 2].text == "")
        #expect(frame.lines == [" 中文"])
        #expect(frame.paddedLine(0).displayWidth == 6)
    }

    @Test func truncatedCJKLeavesRoomForTheEllipsisAndPads() {
        var frame = Frame(width: 5, height: 1)
        let used = frame.put("a中文字", row: 0, column: 0)
        #expect(used == 5)
        #expect(frame.paddedLine(0) == "a中… ")
    }

    @Test func combiningMarksStayWithTheirBase() {
        var frame = Frame(width: 4, height: 1)
        frame.put("Zoe\u{0308}!", row: 0, column: 0)
        #expect(frame[0, 2].text == "e\u{0308}")
        #expect(frame[0, 3].text == "!")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var frame = Frame(width: 6, height: 1)
        frame.put("中文字", row: 0, column: 0)
        frame.put("x", row: 0, column: 1)
        frame.put("y", row: 0, column: 2)
        #expect(frame.paddedLine(0) == " xy 字")
        #expect(frame.cells.filter(\.isContinuation).count == 1)
    }

    @Test func tenThousandCharactersCostOnlyTheColumnsShown() {
        var frame = Frame(width: 20, height: 1)
        let long = String(repeating: "abcdefghij", count: 1_000)
        #expect(long.count == 10_000)
        let used = frame.put(long, row: 0, column: 0)
        #expect(used == 20)
        #expect(frame.lines == ["abcdefghijabcdefghi…"])
    }

    @Test func textOutsideTheFrameIsIgnored() {
        var frame = Frame(width: 3, height: 1)
        #expect(frame.put("x", row: 5, column: 0) == 0)
        #expect(frame.put("x", row: 0, column: 3) == 0)
        #expect(frame.lines == [""])
    }

    @Test func fillAndHorizontalLine() {
        var frame = Frame(width: 5, height: 3)
        frame.fill(Rect(row: 0, column: 1, width: 3, height: 2), with: "#", style: .reverse)
        frame.horizontalLine(row: 2, column: 0, width: 5)
        #expect(frame.lines == [" ###", " ###", "─────"])
        #expect(frame.reverseMask(row: 1) == ".###.")
    }

    @Test func linesTrimTrailingSpacesButPaddedLineKeepsThem() {
        var frame = Frame(width: 4, height: 1)
        frame.put("ab", row: 0, column: 0)
        #expect(frame.line(0) == "ab")
        #expect(frame.paddedLine(0) == "ab  ")
    }

    @Test func truncatePadAndWidthHelpers() {
        #expect(TextMeasure.truncate("Hello world", toWidth: 6) == "Hello…")
        #expect(TextMeasure.truncate("short", toWidth: 10) == "short")
        #expect(TextMeasure.truncate("日本語", toWidth: 4) == "日…")
        #expect(TextMeasure.pad("7", toWidth: 4, alignment: .right) == "   7")
        #expect(TextMeasure.pad("ab", toWidth: 4) == "ab  ")
        #expect(TextMeasure.pad("中", toWidth: 5, alignment: .center) == " 中  ")
        #expect(TextMeasure.width("中a") == 3)
    }

    @Test func boxDrawsABorderWithTitleAndReturnsTheInside() {
        var frame = Frame(width: 10, height: 4)
        let inner = frame.box(Rect(row: 0, column: 0, width: 10, height: 4), title: "Hi")
        #expect(inner == Rect(row: 1, column: 1, width: 8, height: 2))
        #expect(frame.lines == ["┌ Hi ────┐", "│        │", "│        │", "└────────┘"])
    }
}
