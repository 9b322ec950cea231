import Testing
import TerminalUI
import TimeBank
@testable import TimeBankStore
@testable import BrokerConsole

/// The search semantics as the Members list shows them: the filters set, the text typed into
/// the list's search line, and the names of the rows the list then holds, each expectation
/// written from the rule (accents, case, spaces and apostrophes ignored; words narrow).
@Suite("Member search")
struct MembersSearchTests {
    let fixture: MembersFixture

    init() throws {
        fixture = try MembersFixture()
    }

    /// The rows the Members list holds once `q`'s filters are set and `text` is typed into its search line.
    func rows(_ text: String, _ q: MemberQuery = MemberQuery()) throws -> [MemberSummary] {
        let context = fixture.context()
        let rect = Rect(row: 0, column: 0, width: 80, height: 40)
        var list = MemberListState()
        list.changeQuery(context, rect: rect) { $0 = q }
        list.startSearch(with: nil, context, rect: rect)
        for c in text { _ = list.handle(.char(c), context, rect: rect) }
        #expect(list.problem == nil)
        #expect(list.total == list.window.rows.count, "every match is on the screen")
        return list.window.rows
    }

    func names(_ text: String, _ q: MemberQuery = MemberQuery()) throws -> [String] {
        try rows(text, q).map(\.name)
    }

    @Test func accentsAndCaseAreIgnored() throws {
        #expect(try names("zoe") == ["Zoë 王 O'Brien"])
        #expect(try names("ZOË") == ["Zoë 王 O'Brien"])
        #expect(try names("sean") == ["Seán Murphy"])
        #expect(try names("Seán") == ["Seán Murphy"])
    }

    @Test func apostrophesDoNotSplitNames() throws {
        #expect(try names("obrien") == ["Zoë 王 O'Brien"])
        #expect(try names("o'brien") == ["Zoë 王 O'Brien"])
        #expect(try names("O’Brien") == ["Zoë 王 O'Brien"])
    }

    @Test func wideCharactersAreSearchable() throws {
        #expect(try names("王") == ["Zoë 王 O'Brien"])
    }

    @Test func phoneIgnoresSpaces() throws {
        #expect(try names("07700900123") == ["Zoë 王 O'Brien"])
        #expect(try names("07700 900123") == ["Zoë 王 O'Brien"])
        #expect(try names("07700 900 123") == ["Zoë 王 O'Brien"])
        #expect(try names("01452555777") == ["Seán Murphy"])
        #expect(try names("07700") == ["Ahmed Khan", "Zoë 王 O'Brien"])
    }

    @Test func postcodeIgnoresSpacesAndCase() throws {
        #expect(try names("gl1 2ab") == ["Zoë 王 O'Brien"])
        #expect(try names("GL12AB") == ["Zoë 王 O'Brien"])
        #expect(try names("gl4 6nh") == ["Seán Murphy"])
    }

    @Test func emailAndNumber() throws {
        #expect(try names("zoe@example.org") == ["Zoë 王 O'Brien"])
        #expect(try names(String(fixture.number("Ahmed Khan"))) == ["Ahmed Khan"])
    }

    @Test func offerWordsFindTheirMember() throws {
        #expect(try names("guitar") == ["Seán Murphy"])
        #expect(try names("beginners") == ["Seán Murphy"])
        #expect(try names("guitar zoe") == [])
    }

    @Test func wordsNarrowInAnyOrder() throws {
        #expect(try names("obrien zo") == ["Zoë 王 O'Brien"])
        #expect(try names("westgate").contains("Westgate Surgery"))
    }

    @Test func filtersCombineWithTheSearch() throws {
        #expect(try names("", MemberQuery(status: .onHold)) == ["Ahmed Khan"])
        #expect(try names("", MemberQuery(kind: .organisation)) == ["Westgate Surgery"])
        #expect(try names("", MemberQuery(hasOpenNeeds: true)) == ["Ahmed Khan"])
        #expect(try names("", MemberQuery(area: "Tuffley")) == ["Seán Murphy"])
        #expect(try names("", MemberQuery(vetting: .missing)).count == 4)
        #expect(try names("gl", MemberQuery(area: "Westgate")) == ["Ahmed Khan", "Westgate Surgery", "Zoë 王 O'Brien"])
    }

    @Test func eachSortOrdersTheList() throws {
        #expect(try names("", MemberQuery(sort: .name)) == ["Ahmed Khan", "Seán Murphy", "Westgate Surgery", "Zoë 王 O'Brien"])
        #expect(try names("gl", MemberQuery(sort: .name)) == ["Ahmed Khan", "Seán Murphy", "Westgate Surgery", "Zoë 王 O'Brien"])
        // Numbers are given in the order members were added: Zoë, Seán, Ahmed, then the surgery.
        #expect(try names("", MemberQuery(sort: .number)) == ["Zoë 王 O'Brien", "Seán Murphy", "Ahmed Khan", "Westgate Surgery"])
        #expect(try rows("gl", MemberQuery(sort: .area)).map(\.area) == ["Tuffley", "Westgate", "Westgate", "Westgate"])
    }

    @Test func windowsPageThroughTheSameOrder() throws {
        let all = try fixture.store.memberWindow(MemberQuery(), offset: 0, limit: 100, today: membersToday).rows.map(\.number)
        var paged: [Int] = []
        for offset in stride(from: 0, to: all.count, by: 2) {
            paged += try fixture.store.memberWindow(MemberQuery(), offset: offset, limit: 2, today: membersToday).rows.map(\.number)
        }
        #expect(paged == all)
    }

    @Test func broadSearchesWalkTheNameIndexInTheSameOrderFromEitherEnd() throws {
        for i in 0..<30 { try fixture.add(Member(name: "Member \(String(format: "%02d", 29 - i)) Example", joined: membersToday)) }
        for search in ["e", "m", "ex", "zoe"] {
            let q = MemberQuery(search: search)
            let all = try fixture.store.members(q, offset: 0, limit: 1000, today: membersToday).rows.map(\.number)
            for size in [1, 7, 38] {
                var paged: [Int] = []
                for offset in stride(from: 0, to: all.count, by: size) {
                    let page = try fixture.store.memberWindow(q, offset: offset, limit: size, today: membersToday)
                    #expect(page.total == all.count)
                    paged += page.rows.map(\.number)
                }
                #expect(paged == all, "\(search) in pages of \(size)")
            }
        }
    }

    /// The screen picks a route per keystroke (sort the matches, or walk names reading the
    /// matches once, or walk names testing each member's text); whichever it picks, a window
    /// must hold the same members in the same order. Scripts whose marks and symbols the
    /// index's tokenizer once split words at are included on purpose.
    @Test func everyRouteGivesTheSameWindows() throws {
        for name in ["प्रिया शर्मा", "Ⓐnna Circle", "Ægir Þórsson", "Łucja Øster", "Müller-Lüdenscheidt", "Ĳsbrand ǅukić"] {
            try fixture.add(Member(name: name, phone: "07700 900\(100 + fixture.numbers.count)", joined: membersToday))
        }
        for i in 0..<25 { try fixture.add(Member(name: "Alex \(String(format: "%02d", 24 - i)) Example", joined: membersToday)) }
        let searches = ["", "a", "e", "al", "ex", "प्रि", "शर्मा", "ⓐ", "nna", "aegir", "thor", "lucja", "oster", "muller l",
                        "ijsbrand", "dzukic", "zo", "gl 1", "07700 9", "王", "westgate surgery", "guitar zoe", "alex 0"]
        for search in searches {
            for status: MemberStatus? in [nil, .active] {
                let q = MemberQuery(search: search, status: status)
                let all = try fixture.store.memberWindow(q, offset: 0, limit: 1000, today: membersToday, countingUpTo: nil, route: .sortMatches)
                // A walk that gives up after `budget` members hands over to another route, and a
                // count cut short changes the count only, never the rows.
                for route in MemberWindowPlan.Route.allCases {
                    for budget in [1, Int.max] {
                        for cap in [nil, 1, 3] {
                            for (offset, limit) in [(0, 1000), (0, 3), (2, 5), (max(0, all.total - 4), 4), (all.total / 2, 7)] {
                                let page = try fixture.store.memberWindow(q, offset: offset, limit: limit, today: membersToday,
                                                                          countingUpTo: cap, route: route, budget: budget)
                                // With no search the kept counts answer whole, whatever the limit.
                                let counted = search.isEmpty ? nil : cap
                                #expect(page.totalIsExact == (counted.map { all.total <= $0 } ?? true))
                                #expect(page.total == min(all.total, counted ?? .max))
                                #expect(page.rows.map(\.number) == Array(all.rows.map(\.number).dropFirst(offset).prefix(limit)),
                                        "\(route) differs for '\(search)' at \(offset)+\(limit) within \(budget), counting to \(cap ?? 0)")
                            }
                        }
                    }
                }
                for cap in [1, 3] {
                    let chosen = try fixture.store.memberWindow(q, offset: 0, limit: 5, today: membersToday, countingUpTo: cap)
                    #expect(chosen.rows.map(\.number) == Array(all.rows.map(\.number).prefix(5)))
                }
            }
        }
        #expect(try names("प्रि") == ["प्रिया शर्मा"])
        #expect(try names("ⓐnn") == ["Ⓐnna Circle"])
    }
}
