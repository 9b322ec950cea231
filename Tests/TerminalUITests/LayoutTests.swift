import Testing
@testable import TerminalUI

@Suite("Splitting rectangles")
struct LayoutTests {
    let screen = Rect(row: 0, column: 0, width: 80, height: 24)

    @Test func fixedPartsKeepTheirSizeAndFillTakesTheRest() {
        let parts = screen.splitRows([.fixed(1), .fill, .fixed(1), .fixed(1)])
        #expect(parts.map(\.height) == [1, 21, 1, 1])
        #expect(parts.map(\.row) == [0, 1, 22, 23])
    }

    @Test func fillWeightsShareTheRemainder() {
        let parts = screen.splitColumns([.fixed(20), .fill(1), .fill(2)])
        #expect(parts.map(\.width) == [20, 20, 40])
        #expect(parts.map(\.column) == [0, 20, 40])
    }

    @Test func minimumPartsGetTheirMinimumThenGrow() {
        let parts = Rect(row: 0, column: 0, width: 30, height: 1).splitColumns([.minimum(10), .fill])
        #expect(parts.map(\.width) == [20, 10])
    }

    @Test func gapsSeparateColumns() {
        let parts = Rect(row: 0, column: 0, width: 20, height: 1).splitColumns([.fixed(5), .fill], gap: 1)
        #expect(parts.map(\.column) == [0, 6])
        #expect(parts.map(\.width) == [5, 14])
    }

    @Test func whenSpaceRunsOutLaterPartsShrinkFirst() {
        let parts = Rect(row: 0, column: 0, width: 10, height: 3).splitRows([.fixed(2), .fixed(2), .fill])
        #expect(parts.map(\.height) == [2, 1, 0])
    }

    @Test func centeredAndInset() {
        #expect(screen.centered(width: 40, height: 10) == Rect(row: 7, column: 20, width: 40, height: 10))
        #expect(screen.inset(by: 1) == Rect(row: 1, column: 1, width: 78, height: 22))
    }
}
