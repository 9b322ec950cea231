import Testing
@testable import TerminalUI

@Suite("Confirm dialog")
struct ConfirmDialogTests {
    @Test func yesNoEnterAndEscape() {
        var dialog = ConfirmDialogState(title: "Reverse", message: "Reverse this entry?")
        #expect(dialog.handle(.char("y")) == .chosen(0))
        #expect(dialog.handle(.char("N")) == .chosen(1))
        #expect(dialog.handle(.escape) == .cancelled)
        #expect(dialog.handle(.right) == .handled)
        #expect(dialog.handle(.enter) == .chosen(1))
        #expect(dialog.handle(.char("z")) == .handled)
    }

    @Test func drawnCentredWithABorderOverTheScreen() {
        // Behind the dialog: "a" then wide characters, so the box edges at
        // columns 2 and 41 cut the characters at 1-2 and 41-42 in half.
        var frame = Frame(width: 44, height: 9)
        for row in 0..<9 { frame.put("a" + String(repeating: "中", count: 21), row: row, column: 0) }
        let dialog = ConfirmDialogState(title: "Record hours", message: "Record 2 hours from Ann to Bob?", defaultButton: 1)
        ConfirmDialog.render(dialog, into: &frame)
        #expect(frame.lines == [
            "a中中中中中中中中中中中中中中中中中中中中中",
            "a ┌ Record hours ────────────────────────┐",
            "a │                                      │",
            "a │ Record 2 hours from Ann to Bob?      │",
            "a │                                      │",
            "a │              Yes   [No]              │",
            "a └──────────────────────────────────────┘",
            "a中中中中中中中中中中中中中中中中中中中中中",
            "a中中中中中中中中中中中中中中中中中中中中中",
        ])
        // The halves left outside the box are blanks, never half a character.
        #expect(frame[1, 1] == Cell(text: " ", style: .plain))
        #expect(frame[1, 42] == Cell(text: " ", style: .plain))
        #expect(frame.cursor == Position(row: 5, column: 23))
        #expect(frame.reverseMask(row: 5).filter { $0 == "#" }.count == 4)
    }

    @Test func longMessagesWrap() {
        var frame = Frame(width: 40, height: 10)
        let dialog = ConfirmDialogState(title: "Erase", message: "Erase all personal details of member 1042? The ledger keeps their hours.")
        ConfirmDialog.render(dialog, into: &frame)
        #expect(frame.lines[3] == "│ Erase all personal details of member │")
        #expect(frame.lines[4] == "│ 1042? The ledger keeps their hours.  │")
    }
}

@Suite("Tabs, status, message and progress lines")
struct BarsTests {
    @Test func activeTabIsBracketedAndReverse() {
        var tabs = TabsState(titles: ["Profile", "Offers", "Needs"])
        let moved = tabs.handle(.right)
        #expect(moved)
        var frame = Frame(width: 30, height: 1)
        TabsBar.render(tabs, into: &frame, at: frame.bounds)
        #expect(frame.lines == [" Profile [Offers] Needs"])
        #expect(frame.reverseMask(row: 0) == ".........########.............")
        let upIsNotATabKey = !tabs.handle(.up)
        #expect(upIsNotATabKey)
    }

    @Test func theActiveTabStaysVisibleWhenTabsDoNotFit() {
        let tabs = TabsState(titles: ["Profile", "Offers", "Needs", "Statement"], selectedIndex: 3)
        var frame = Frame(width: 20, height: 1)
        TabsBar.render(tabs, into: &frame, at: frame.bounds)
        #expect(frame.lines == ["… Needs [Statement]"])
    }

    @Test func errorMessagesSayErrorInWords() {
        var frame = Frame(width: 30, height: 1)
        MessageLine.render(.error("Giver not found"), into: &frame, at: frame.bounds)
        #expect(frame.lines == ["Error: Giver not found"])
        #expect(frame.style(row: 0, column: 0).bold)
        MessageLine.render(.warning("Over credit limit"), into: &frame, at: frame.bounds)
        #expect(frame.lines == ["Warning: Over credit limit"])
        MessageLine.render(.success("Saved"), into: &frame, at: frame.bounds)
        #expect(frame.lines == ["Done: Saved"])
        MessageLine.render(nil, into: &frame, at: frame.bounds)
        #expect(frame.lines == [""])
    }

    @Test func progressIsATextBar() {
        var frame = Frame(width: 30, height: 1)
        ProgressIndicator.render(Progress(label: "Import", completed: 50, total: 100), into: &frame, at: frame.bounds)
        #expect(frame.lines == ["Import [###########.........]  50%".replacingOccurrencesOfHashes(toFit: 30)])
        ProgressIndicator.render(Progress(label: "Counting", completed: 1234, total: nil), into: &frame, at: frame.bounds)
        #expect(frame.lines == ["Counting… 1234"])
    }

    @Test func statusLineShowsKeysInReverse() {
        var frame = Frame(width: 24, height: 1)
        StatusLine.render([KeyHint(key: "F1", label: "Help"), KeyHint(key: "Esc", label: "Back")], into: &frame, at: frame.bounds)
        #expect(frame.lines == ["F1 Help  Esc Back"])
        #expect(frame.reverseMask(row: 0) == "##.......###............")
    }
}

extension String {
    /// The expected bar, computed the way a reader would: label, space,
    /// brackets around the rest minus " 50%", half of it "#".
    func replacingOccurrencesOfHashes(toFit width: Int) -> String {
        let inner = width - "Import ".count - 2 - 5
        return "Import [" + String(repeating: "#", count: inner / 2) + String(repeating: ".", count: inner - inner / 2) + "]  50%"
    }
}
