import Testing
import TerminalUI
import TimeBank
@testable import BrokerConsole
@testable import TimeBankStore

@Suite("Members list")
struct MembersListTests {
    let fixture: MembersFixture

    init() throws {
        fixture = try MembersFixture()
    }

    func driver() -> ConsoleDriver {
        var d = ConsoleDriver(fixture)
        d.openMembers()
        return d
    }

    /// The rows of the table (under its header), trimmed.
    func rows(_ d: ConsoleDriver) -> [String] {
        let lines = d.lines
        guard let header = lines.firstIndex(where: { $0.contains("No. Name") }) else { return [] }
        return Array(lines[(header + 1)..<22]).filter { !$0.isEmpty && !$0.hasPrefix(" No member") }
    }

    @Test func listsMembersByNameWithTheirFigures() {
        let d = driver()
        let lines = d.lines
        #expect(lines[0].contains("Members"))
        #expect(lines[2].hasPrefix("F5 status  F6 area  F7 vetting  F8 needs  F9 kind  F3 sort:name"))
        #expect(lines[2].hasSuffix("4 members"))
        // A column of margin on each side, as on the other lists.
        #expect(lines[3] == "    No. Name                       Area          Status  Balance Vetting  Needs")
        let body = rows(d)
        #expect(body.count == 4)
        #expect(body[0].contains("Ahmed Khan") && body[0].contains("on hold") && body[0].hasSuffix("1"))
        #expect(body[1].contains("Seán Murphy") && body[1].contains("Tuffley") && body[1].contains("missing"))
        #expect(body[2].contains("◆ Westgate Surgery"))
        #expect(body[3].contains("Zoë 王 O'Brien (Zoë)"))
        // The selected row is reverse video and holds the cursor, so it shows without colour; the
        // margins stay plain, so a move never rewrites the screen's last column.
        #expect(d.frame.reverseMask(row: 4) == "." + String(repeating: "#", count: 78) + ".")
        #expect(d.frame.cursor?.row == 4)
        #expect(d.lines[23].contains("/ Search") && d.lines[23].contains("+ Add"))
    }

    @Test func aBroadSearchCountsOnlySoFarUntilTheBrokerHeadsForTheEnd() throws {
        for i in 0..<30 { try fixture.add(Member(name: "Eve Example \(String(format: "%02d", i))", joined: membersToday)) }
        let context = fixture.context()
        let rect = Rect(row: 0, column: 0, width: 80, height: 12)
        var list = MemberListState()
        list.countLimit = 10
        list.refresh(context, rect: rect)
        #expect(list.totalIsExact && list.total == 34)
        list.startSearch(with: "e", context, rect: rect)
        #expect(!list.totalIsExact && list.total == 10)
        var frame = Frame(size: Size(width: 80, height: 13))
        MemberListView.render(list, into: &frame, in: Rect(row: 0, column: 0, width: 80, height: 13), today: membersToday)
        #expect(frame.lines[0].hasSuffix("10+ members"))
        #expect(frame.lines[1].hasSuffix("10+ rows"))
        // Leaving the search line and pressing End counts every match and goes to the last.
        _ = list.handle(.tab, context, rect: rect)
        _ = list.handle(.end, context, rect: rect)
        let everyone = try fixture.store.members(MemberQuery(search: "e"), limit: 1000, today: membersToday)
        #expect(list.totalIsExact && list.total == everyone.total)
        #expect(list.selectedNumber == everyone.rows.last?.number)
        // A new search counts only so far again; paging to the foot of what was counted counts the rest.
        _ = list.handle(.escape, context, rect: rect)
        list.startSearch(with: nil, context, rect: rect)
        for c in "example" { _ = list.handle(.char(c), context, rect: rect) }
        #expect(!list.totalIsExact)
        _ = list.handle(.pageDown, context, rect: rect)
        let examples = try fixture.store.members(MemberQuery(search: "example"), today: membersToday).total
        #expect(list.totalIsExact && list.total == examples)
        #expect(list.table.selectedIndex > 0)
    }

    @Test func sixDigitMemberNumbersShowWhole() {
        let m = MemberSummary(number: 101_234, kind: .person, name: "Zoë 王 O'Brien", preferredName: "", area: "Westgate", postcode: "",
                              phone: "", email: "", joined: membersToday, status: .active, balanceMinutes: -90, vetting: .complete,
                              vettingReview: nil, openNeeds: 2)
        var frame = Frame(size: Size(width: 80, height: 3))
        TableView.render(TableState(rowCount: 1), columns: MemberListView.columns, emptyMessage: "", into: &frame,
                         at: Rect(row: 0, column: 0, width: 80, height: 3), focused: false) { _ in MemberListView.row(m, today: membersToday) }
        #expect(frame.lines[1].hasPrefix("101234 Zoë 王 O'Brien"))
        #expect(frame.lines[1].hasSuffix("-1:30 complete     2"))
    }

    @Test func typingALetterStartsTheSearch() {
        var d = driver()
        d.type("zoe")
        #expect(d.lines[3].hasPrefix(" / zoe"))
        #expect(d.lines[3].hasSuffix("1 row"))
        #expect(rows(d).count == 1 && rows(d)[0].contains("Zoë 王 O'Brien"))
        // The cursor sits in the search line, after what was typed.
        #expect(d.frame.cursor == Position(row: 3, column: 6))
    }

    @Test func searchFindsByApostropheFreeNamePhoneAndPostcode() {
        for text in ["obrien", "07700 900123", "gl1 2ab", "GL12AB", "王"] {
            var d = driver()
            d.press(.char("/"))
            d.type(text)
            #expect(rows(d).count == 1, "\(text)")
            #expect(rows(d).first?.contains("Zoë 王 O'Brien") ?? false, "\(text)")
        }
        var d = driver()
        d.type("guitar")
        #expect(rows(d).count == 1 && rows(d)[0].contains("Seán Murphy"))
    }

    @Test func digitsGoToTheSearchWhileItIsOpenAndSwitchScreensOtherwise() {
        var d = driver()
        d.press(.char("/"))
        d.type("1")
        #expect(d.app.current == .members)
        #expect(d.lines[3].hasPrefix(" / 1"))
        d.press(.escape)          // clears the search and leaves the search line
        d.press(.char("1"))
        #expect(d.app.current == .today)
    }

    @Test func escClearsTheSearchAndBackspaceResumesIt() {
        var d = driver()
        d.type("zoex")
        #expect(rows(d).isEmpty)
        #expect(d.screen.contains("No member matches"))
        d.press(.tab)             // leaves the search line, keeping it
        d.press(.backspace)
        #expect(d.lines[3].hasPrefix(" / zoe"))
        #expect(rows(d).count == 1)
        d.press(.escape)
        #expect(rows(d).count == 4)
    }

    @Test func filtersAreEachOnAKeyAndShowOnTheFilterLine() {
        var d = driver()
        d.press(.function(5))     // status: pending
        #expect(d.lines[2].contains("status:PENDING"))
        #expect(rows(d).count == 3)
        d.press(.function(5), .function(5))  // active, then on-hold
        #expect(d.lines[2].contains("status:ON-HOLD"))
        #expect(rows(d).count == 1 && rows(d)[0].contains("Ahmed Khan"))
        d.press(.function(4))     // clear
        d.press(.function(9), .function(9))  // organisations
        #expect(rows(d).count == 1 && rows(d)[0].contains("Westgate Surgery"))
        d.press(.function(4), .function(8))  // open needs
        #expect(rows(d).count == 1 && rows(d)[0].contains("Ahmed Khan"))
        d.press(.function(4), .function(6))  // first area alphabetically: Tuffley
        #expect(d.lines[2].contains("area:TUFFLEY"))
        #expect(rows(d).count == 1 && rows(d)[0].contains("Seán Murphy"))
        d.press(.function(4), .function(7))  // vetting missing: everyone here
        #expect(d.lines[2].contains("vetting:MISSING"))
        #expect(rows(d).count == 4)
    }

    @Test func sortOrdersAreOnOneKey() {
        var d = driver()
        d.press(.function(3))
        #expect(d.lines[2].contains("sort:number"))
        #expect(rows(d)[0].contains("Zoë"))  // the first member added
        d.press(.function(3), .function(3), .function(3))
        #expect(d.lines[2].contains("sort:area"))
        #expect(rows(d)[0].contains("Tuffley"))
    }

    @Test func anotherBrokersNewMemberAppearsOnReload() throws {
        var d = driver()
        _ = try fixture.store.addMember(Member(name: "Bea Newcomer", joined: membersToday), by: fixture.bob)
        d.otherBrokerWrote()
        #expect(rows(d).contains { $0.contains("Bea Newcomer") })
    }

    @Test func theSelectionStaysOnItsMemberWhenOthersAreAdded() throws {
        var d = driver()
        d.press(.down, .down)     // Westgate Surgery
        _ = try fixture.store.addMember(Member(name: "Aaron First", joined: membersToday), by: fixture.bob)
        d.otherBrokerWrote()
        let selected = d.lines.firstIndex { $0.contains("Westgate Surgery") }
        #expect(selected.map { d.frame.reverseMask(row: $0).hasPrefix(".#####") } ?? false)
    }

    @Test func aLongListPagesAndFetchesOnlyWhatIsShown() throws {
        for i in 0..<60 {
            try fixture.add(Member(name: "Member \(String(format: "%02d", i))", joined: membersToday))
        }
        var d = driver()
        #expect(d.members.list.window.rows.count <= 18 + MemberListState.spareRows)
        d.press(.pageDown, .pageDown, .pageDown)
        #expect(d.screen.contains("Member "))
        d.press(.end)
        #expect(rows(d).last?.contains("Zoë") ?? false)
    }
}
