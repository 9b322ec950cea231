import Foundation

/// A date of service: a calendar day with no time or zone, compared and stored as ISO `YYYY-MM-DD`.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`, e.g. "2026-11-29". Read byte by byte: ledgers, statements and matching parse
    /// hundreds of thousands of dates, and splitting strings cost more than the reading.
    public init?(iso: String) {
        var text = iso
        text.makeContiguousUTF8()
        guard let (y, m, d) = text.utf8.withContiguousStorageIfAvailable(CalendarDate.parseISO) ?? nil else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The same from UTF-8 bytes, such as a column SQLite hands over without making a string.
    public init?(isoBytes: UnsafeBufferPointer<UInt8>) {
        guard let (y, m, d) = CalendarDate.parseISO(isoBytes) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    private static func parseISO(_ b: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i]) else { return nil }
                n = n * 10 + Int(b[i] - UInt8(ascii: "0"))
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return (y, m, d)
    }

    public var iso: String {
        func digits(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return digits(year, 4) + "-" + digits(month, 2) + "-" + digits(day, 2)
    }

    public var description: String { iso }
    /// "2026-11": the key of the month this date falls in (closed months, monthly totals).
    public var monthKey: String { String(format: "%04d-%02d", year, month) }
    /// "28/11/2026", the way UK brokers write dates.
    public var british: String { String(format: "%02d/%02d/%04d", day, month, year) }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (civil-from-days algorithm), for exact date arithmetic without time zones.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    public func days(since other: CalendarDate) -> Int { dayNumber - other.dayNumber }

    /// The first day of this date's month, and of the month before it.
    public var startOfMonth: CalendarDate { CalendarDate(dayNumber: dayNumber - (day - 1)) }
    public var startOfPreviousMonth: CalendarDate { startOfMonth.adding(days: -1).startOfMonth }

    /// Today in the local time zone: the day the broker sees on the wall calendar.
    public static func today(now: Date = Date(), timeZone: TimeZone = .current) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        if let year = c.year, let month = c.month, let day = c.day, let date = CalendarDate(year: year, month: month, day: day) {
            return date
        }
        // The calendar always answers; should it not, count whole days since 1970 in that zone.
        let seconds = Int(now.timeIntervalSince1970) + timeZone.secondsFromGMT(for: now)
        return CalendarDate(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let d = CalendarDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a YYYY-MM-DD date."))
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}
