import Foundation
import Testing
@testable import TimeBank

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test("Only real days can be made", arguments: [
        (2026, 2, 29, false), (2024, 2, 29, true), (1900, 2, 29, false), (2000, 2, 29, true),
        (2026, 4, 31, false), (2026, 12, 31, true), (2026, 0, 1, false), (2026, 13, 1, false), (2026, 1, 0, false), (0, 1, 1, false),
    ])
    func validity(y: Int, m: Int, d: Int, valid: Bool) {
        #expect((CalendarDate(year: y, month: m, day: d) != nil) == valid)
    }

    @Test("Day numbers count from 1970-01-01")
    func epoch() {
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CalendarDate(year: 1970, month: 1, day: 2)!.dayNumber == 1)
        #expect(CalendarDate(year: 1969, month: 12, day: 31)!.dayNumber == -1)
        #expect(CalendarDate(year: 2000, month: 3, day: 1)!.dayNumber == 11017)
    }

    @Test("Adding one day walks the calendar exactly as the Gregorian calendar does, 1900 to 2100")
    func stepByStepAgainstFoundation() {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        var date = CalendarDate(year: 1900, month: 1, day: 1)!
        var reference = utc.date(from: DateComponents(year: 1900, month: 1, day: 1))!
        let end = CalendarDate(year: 2100, month: 12, day: 31)!
        var steps = 0
        while date <= end {
            let c = utc.dateComponents([.year, .month, .day], from: reference)
            guard date.year == c.year, date.month == c.month, date.day == c.day else {
                Issue.record("\(date.iso) should be \(c.year!)-\(c.month!)-\(c.day!)")
                return
            }
            #expect(CalendarDate(dayNumber: date.dayNumber) == date)
            let next = date.adding(days: 1)
            #expect(next.days(since: date) == 1)
            #expect(next > date)
            date = next
            reference = utc.date(byAdding: .day, value: 1, to: reference)!
            steps += 1
        }
        #expect(steps == 73_414)
    }

    @Test("Day numbers round-trip over many thousands of years of days")
    func dayNumberRoundTrip() {
        for n in stride(from: -700_000, through: 2_900_000, by: 97) {
            let d = CalendarDate(dayNumber: n)
            #expect(d.dayNumber == n)
            #expect(CalendarDate(year: d.year, month: d.month, day: d.day) == d)
        }
    }

    @Test("Adding and subtracting days is reversible", arguments: [-10_000, -366, -365, -31, -1, 0, 1, 29, 59, 365, 366, 10_000])
    func addingIsReversible(n: Int) {
        var d = CalendarDate(year: 2024, month: 2, day: 28)!
        for _ in 0..<500 {
            #expect(d.adding(days: n).adding(days: -n) == d)
            #expect(d.adding(days: n).days(since: d) == n)
            d = d.adding(days: 3)
        }
    }

    @Test("ISO text is exactly YYYY-MM-DD")
    func iso() {
        #expect(CalendarDate(iso: "2026-11-28") == CalendarDate(year: 2026, month: 11, day: 28))
        for bad in ["2026-11-8", "26-11-28", "2026/11/28", "2026-11-28x", "", "2026-02-30", "2026-1-01", "+026-11-28", "2026-+1-28", "2026-11-2 ", "２026-11-28", "2026-11-2８"] {
            #expect(CalendarDate(iso: bad) == nil, "\(bad)")
        }
        let d = CalendarDate(year: 987, month: 3, day: 4)!
        #expect(d.iso == "0987-03-04")
        #expect(CalendarDate(iso: d.iso) == d)
        #expect(d.british == "04/03/0987")
        #expect(d.monthKey == "0987-03")
    }

    @Test("Months: first day, previous month across the year end")
    func months() {
        let d = CalendarDate(year: 2026, month: 1, day: 20)!
        #expect(d.startOfMonth == CalendarDate(year: 2026, month: 1, day: 1))
        #expect(d.startOfPreviousMonth == CalendarDate(year: 2025, month: 12, day: 1))
        #expect(CalendarDate(year: 2026, month: 3, day: 31)!.startOfPreviousMonth == CalendarDate(year: 2026, month: 2, day: 1))
        #expect(CalendarDate.daysIn(month: 2, year: 2024) == 29)
        #expect(CalendarDate.daysIn(month: 2, year: 2100) == 28)
        #expect((1...12).map { CalendarDate.daysIn(month: $0, year: 2026) }.reduce(0, +) == 365)
    }

    @Test("Today is the wall-calendar day in the given time zone")
    func todayInZone() {
        // 2026-03-29 00:30 UTC is still the 28th in New York.
        let instant = Date(timeIntervalSince1970: 1_774_744_200)
        #expect(CalendarDate.today(now: instant, timeZone: TimeZone(identifier: "UTC")!) == CalendarDate(year: 2026, month: 3, day: 29))
        #expect(CalendarDate.today(now: instant, timeZone: TimeZone(identifier: "America/New_York")!) == CalendarDate(year: 2026, month: 3, day: 28))
    }

    @Test("Dates encode as ISO strings and refuse anything else")
    func codable() throws {
        let d = CalendarDate(year: 2026, month: 11, day: 28)!
        let data = try JSONEncoder().encode([d])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2026-11-28\"]")
        #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == [d])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDate].self, from: Data("[\"2026-02-30\"]".utf8)) }
    }
}
