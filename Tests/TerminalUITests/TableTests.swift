import Testing
@testable import TerminalUI

@Suite("Scrolling table")
struct TableTests {
    let columns = [
        TableColumn("No", width: .fixed(4), alignment: .right),
        TableColumn("Name", width: .fill),
        TableColumn("Hours", width: .fixed(5), alignment: .right),
    ]
    let area = Rect(row: 0, column: 0, width: 20, height: 5)

    /// A row provider standing in for a database query: it records which
    /// indices were asked for.
    final class FakeQuery: @unchecked Sendable {
        var requested: [Int] = []
        func row(_ index: Int) -> TableRow? {
            requested.append(index)
            return TableRow(["\(index + 1)", "Member \(index + 1)", "\(index * 3)"])
        }
    }

    func draw(_ state: TableState, focused: Bool = true, query: FakeQuery = FakeQuery()) -> Frame {
        var frame = Frame(width: 20, height: 5)
        TableView.render(state, columns: columns, emptyMessage: "No members yet", into: &frame, at: area, focused: focused, row: query.row)
        return frame
    }

    @Test func headerAndRowsWithNumbersRightAligned() {
        let frame = draw(TableState(rowCount: 3))
        #expect(frame.lines == [
            "  No Name      Hours",
            "   1 Member 1      0",
            "   2 Member 2      3",
            "   3 Member 3      6",
            "",
        ])
        #expect(frame.styleMask(row: 0) { $0.bold && $0.underline } == String(repeating: "#", count: 20))
    }

    @Test func selectedRowIsReverseVideoAndHoldsTheCursor() {
        var state = TableState(rowCount: 3)
        #expect(state.handle(.down, in: area) == .selectionChanged(1))
        let frame = draw(state)
        #expect(frame.reverseMask(row: 1) == String(repeating: ".", count: 20))
        #expect(frame.reverseMask(row: 2) == String(repeating: "#", count: 20))
        #expect(frame.cursor == Position(row: 2, column: 0))
    }

    @Test func withoutFocusTheSelectionIsBoldNotReverse() {
        let frame = draw(TableState(rowCount: 3), focused: false)
        #expect(frame.reverseMask(row: 1) == String(repeating: ".", count: 20))
        #expect(frame.style(row: 1, column: 5).bold)
        #expect(frame.cursor == nil)
    }

    @Test func onlyTheVisibleWindowIsFetched() {
        var state = TableState(rowCount: 100_000)
        _ = state.handle(.end, in: area)
        let query = FakeQuery()
        let frame = draw(state, query: query)
        #expect(state.visibleRange(in: area) == 99_996..<100_000)
        #expect(Set(query.requested) == Set(99_996..<100_000))
        // Row 100,000 is cut to its columns, each with an ellipsis.
        #expect(frame.line(4) == "100… Member 1… 2999…")
    }

    @Test func scrollingKeepsTheSelectionVisible() {
        var state = TableState(rowCount: 10)
        for _ in 0..<5 { _ = state.handle(.char("j"), in: area) }
        #expect(state.selectedIndex == 5)
        #expect(state.visibleRange(in: area) == 2..<6)
        _ = state.handle(.char("k"), in: area)
        #expect(state.visibleRange(in: area) == 2..<6)
        _ = state.handle(.home, in: area)
        #expect(state.visibleRange(in: area) == 0..<4)
    }

    @Test func pageDownAndPageUpTurnWholePages() {
        var state = TableState(rowCount: 10)
        #expect(state.handle(.pageDown, in: area) == .selectionChanged(4))
        #expect(state.visibleRange(in: area) == 4..<8)
        _ = state.handle(.pageDown, in: area)
        _ = state.handle(.pageDown, in: area)
        #expect(state.selectedIndex == 9)
        #expect(state.visibleRange(in: area) == 6..<10)
        _ = state.handle(.pageUp, in: area)
        #expect(state.selectedIndex == 5)
        #expect(state.handle(.up, in: area) == .selectionChanged(4))
    }

    @Test func movingPastTheEndsIsHandledButChangesNothing() {
        var state = TableState(rowCount: 2)
        #expect(state.handle(.up, in: area) == .handled)
        #expect(state.handle(.end, in: area) == .selectionChanged(1))
        #expect(state.handle(.down, in: area) == .handled)
    }

    @Test func enterActivatesTheSelectedRowAndOtherKeysAreLeftAlone() {
        var state = TableState(rowCount: 3)
        _ = state.handle(.down, in: area)
        #expect(state.handle(.enter, in: area) == .activated(1))
        #expect(state.handle(.char("q"), in: area) == .ignored)
        #expect(state.handle(.escape, in: area) == .ignored)
    }

    @Test func anEmptyTableShowsItsMessage() {
        let frame = draw(TableState(rowCount: 0))
        #expect(frame.lines[1] == "No members yet")
        #expect(frame.style(row: 1, column: 0).dim)
    }

    @Test func rowsNotFetchedYetShowAPlaceholder() {
        var frame = Frame(width: 20, height: 5)
        TableView.render(TableState(rowCount: 2), columns: columns, emptyMessage: "", into: &frame, at: area, focused: false) { index in
            index == 0 ? TableRow(["1", "Ann", "2"]) : nil
        }
        #expect(frame.lines[2] == "…")
    }

    @Test func slashStartsSearchAsYouTypeAndTheScreenSuppliesTheMatches() {
        var state = TableState(rowCount: 50)
        _ = state.handle(.down, in: area)
        #expect(state.handle(.char("/"), in: area) == .handled)
        #expect(state.handle(.char("a"), in: area) == .filterChanged("a"))
        #expect(state.handle(.char("n"), in: area) == .filterChanged("an"))
        #expect(state.selectedIndex == 0)
        // The screen runs its query for "an" and reports how many rows match.
        state.setRowCount(2)
        let frame = draw(state)
        #expect(frame.lines[0] == "/ an          2 rows")
        #expect(frame.lines[1] == "  No Name      Hours")
        #expect(frame.cursor == Position(row: 0, column: 4))
        #expect(state.visibleRange(in: area) == 0..<2)
    }

    @Test func aCountThatStoppedShortSaysSoAndCountsAreGrouped() {
        var state = TableState(rowCount: 0)
        _ = state.handle(.char("/"), in: area)
        _ = state.handle(.char("a"), in: area)
        state.setRowCount(5000, atLeast: true)
        #expect(draw(state).lines[0] == "/ a      5,000+ rows")
        state.setRowCount(81384)
        #expect(draw(state).lines[0] == "/ a      81,384 rows")
        #expect(CountText.count(1, "member", "members") == "1 member")
        #expect(CountText.count(1, "member", "members", atLeast: true) == "1+ members")
        #expect(CountText.grouped(999) == "999" && CountText.grouped(1000) == "1,000" && CountText.grouped(-1234567) == "-1,234,567")
    }

    @Test func lettersGoToTheSearchLineButArrowsStillMove() {
        var state = TableState(rowCount: 5)
        state.beginFilter()
        #expect(state.handle(.char("j"), in: area) == .filterChanged("j"))
        #expect(state.handle(.down, in: area) == .selectionChanged(1))
        #expect(state.handle(.backspace, in: area) == .filterChanged(""))
    }

    @Test func enterLeavesTheSearchLineAndOpensTheSelectedRow() {
        var state = TableState(rowCount: 5)
        state.beginFilter()
        _ = state.handle(.char("x"), in: area)
        #expect(state.handle(.enter, in: area) == .activated(0))
        #expect(!state.isEditingFilter)
        #expect(state.showsFilterLine)
    }

    @Test func escapeClearsTheSearch() {
        var state = TableState(rowCount: 5)
        state.beginFilter()
        _ = state.handle(.char("x"), in: area)
        #expect(state.handle(.escape, in: area) == .filterChanged(""))
        #expect(!state.showsFilterLine)
        #expect(state.handle(.escape, in: area) == .ignored)
    }

    @Test func aFreshSearchReplacesTheLastOneAndStartsAtTheTop() {
        var state = TableState(rowCount: 30)
        state.beginFilter()
        _ = state.handle(.char("g"), in: area)
        _ = state.handle(.char("o"), in: area)
        _ = state.handle(.tab, in: area)  // out of the search line: the list stays searched
        _ = state.handle(.down, in: area)
        #expect(state.filterText == "go" && state.selectedIndex == 1)
        #expect(state.startFreshSearch(with: "w") == .filterChanged("w"))
        #expect(state.filterText == "w" && state.isEditingFilter && state.selectedIndex == 0)
        #expect(state.handle(.char("i"), in: area) == .filterChanged("wi"))
    }

    @Test func hostileAndWideDataIsTruncatedAndSanitised() {
        var frame = Frame(width: 20, height: 5)
        let rows = [
            TableRow(["1", "\u{1B}[2J\u{07}Evil\u{202E}", "1"]),
            TableRow(["2", "山田太郎さんの家族", "2"]),
        ]
        TableView.render(TableState(rowCount: 2), columns: columns, rows: rows, emptyMessage: "", into: &frame, at: area, focused: false)
        #expect(frame.lines[1] == "   1 ␛[2J␇Evi…     1")
        #expect(frame.lines[2] == "   2 山田太郎…     2")
    }
}
