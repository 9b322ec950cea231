import Testing
@testable import TimeBank

/// The thank-you letters list named milestones the highest first, then by name as Swift orders
/// strings (canonically equivalent names are equal) and by number. The sort reads the ASCII
/// bytes a name starts with as numbers where they decide (issue #13, a month's report within
/// 50 ms); these names are where they must not: shared long starts, a mark that joins the letter
/// before it, a sign that is canonically a letter, names that start outside ASCII.
@Suite("Named milestones in letter order")
struct ReportMilestoneOrderTests {
    @Test("Highest first, then by name as Swift orders strings, then by number")
    func letterOrder() {
        let given: [(Int, String, Int)] = [
            (1, "Ann Archer", 10), (2, "Ann Archer", 25), (3, "Zoe\u{301} Zed", 10), (4, "Zo\u{E9} Zed", 10),
            (5, "Zoe Zed", 10), (6, "Zoe", 10), (7, "Kevin", 10), (8, "\u{212A}evin", 10),
            (9, "Alexandra Longname-Smithson", 10), (10, "Alexandra Longname-Smith", 10), (11, "Alexandra Longnamf", 10),
            (12, "\u{C4}", 10), (13, "B", 10),
        ]
        let named = given.map { ReportFigures.Milestone(number: $0.0, name: $0.1, hours: $0.2) }
        // 25 hours first; then "Alexandra Longname-Smith" is a start of "…-Smithson", and both
        // come before "…Longnamf"; the Kelvin sign is canonically K, so 7 and 8 are equal names
        // (by number); "Zoe" before "Zoe Zed" before "Zoé Zed", which 3 (e and a joining accent)
        // and 4 (é) both are; Ä after every ASCII letter.
        #expect(ReportFigures.forLetters(named).map(\.number) == [2, 10, 9, 11, 1, 13, 7, 8, 6, 5, 3, 4, 12])
        #expect(ReportFigures.forLetters(named.reversed()).map(\.number) == [2, 10, 9, 11, 1, 13, 7, 8, 6, 5, 3, 4, 12])
    }
}
