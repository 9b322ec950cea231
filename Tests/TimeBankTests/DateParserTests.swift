import Testing
@testable import TimeBank

private func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

/// SPEC: date shortcuts `today`, `yesterday`, `-3`; UK brokers write 28/11 or 28/11/2026; ISO on the command line.
@Suite("Reading dates")
struct DateParserTests {
    static let today = day(2026, 3, 15)

    @Test("Shortcuts and written dates", arguments: [
        ("today", day(2026, 3, 15)), ("Today", day(2026, 3, 15)), ("t", day(2026, 3, 15)),
        ("yesterday", day(2026, 3, 14)), ("y", day(2026, 3, 14)),
        ("-3", day(2026, 3, 12)), ("-0", day(2026, 3, 15)), ("-15", day(2026, 2, 28)), (" -1 ", day(2026, 3, 14)),
        ("28/11", day(2026, 11, 28)), ("1/1", day(2026, 1, 1)),
        ("28/11/2026", day(2026, 11, 28)), ("28/11/26", day(2026, 11, 28)), ("05/01/2025", day(2025, 1, 5)),
        ("2026-11-28", day(2026, 11, 28)), ("2024-02-29", day(2024, 2, 29)),
    ])
    func reads(input: String, expected: CalendarDate) throws {
        #expect(try DateParser.parse(input, today: Self.today) == expected)
    }

    @Test("Days that do not exist are named as such", arguments: ["2026-02-30", "31/04/2026", "29/02/2026", "29/02/1900", "32/01/2026", "00/01/2026", "15/13/2026", "2026-13-01", "2026-04-31"])
    func noSuchDay(input: String) {
        #expect(throws: DateInputError.noSuchDay(input)) { try DateParser.parse(input, today: Self.today) }
        #expect(DateInputError.noSuchDay(input).description == "'\(input)' is not a day in the calendar.")
    }

    @Test("Unreadable text is refused with an example of what to write", arguments: ["abc", "28-11", "28/11/026", "28/11/2026/1", "-", "1/2/3/4", "2026-11", "28.11.2026", "tomorrow x", "-abc", "/11"])
    func unreadable(input: String) {
        #expect(throws: DateInputError.unreadable(input)) { try DateParser.parse(input, today: Self.today) }
    }

    @Test("The messages are sentences a broker can act on")
    func messages() {
        #expect(throws: DateInputError.empty) { try DateParser.parse("  ", today: Self.today) }
        #expect(DateInputError.empty.description == "Enter a date, for example today, yesterday, -3, 28/11 or 2026-11-28.")
        #expect(DateInputError.unreadable("abc").description == "'abc' is not a date; write today, yesterday, -3, 28/11/2026 or 2026-11-28.")
    }

    @Test("Leap years: 29 February exists only in leap years (every 4th, not centuries, but every 400th)")
    func leapYears() throws {
        #expect(try DateParser.parse("29/02/2024", today: Self.today) == day(2024, 2, 29))
        #expect(try DateParser.parse("29/02/2000", today: Self.today) == day(2000, 2, 29))
        #expect(try DateParser.parse("29/02", today: day(2028, 6, 1)) == day(2028, 2, 29))
        #expect(throws: DateInputError.noSuchDay("29/02")) { try DateParser.parse("29/02", today: Self.today) }
        #expect(throws: DateInputError.noSuchDay("2100-02-29")) { try DateParser.parse("2100-02-29", today: Self.today) }
    }

    @Test("Relative shortcuts cross month, year and leap-day boundaries")
    func relativeAcrossBoundaries() throws {
        #expect(try DateParser.parse("yesterday", today: day(2026, 1, 1)) == day(2025, 12, 31))
        #expect(try DateParser.parse("-1", today: day(2024, 3, 1)) == day(2024, 2, 29))
        #expect(try DateParser.parse("-1", today: day(2025, 3, 1)) == day(2025, 2, 28))
        #expect(try DateParser.parse("-365", today: day(2026, 3, 15)) == day(2025, 3, 15))
        #expect(try DateParser.parse("-366", today: day(2025, 3, 1)) == day(2024, 2, 29))
    }
}
