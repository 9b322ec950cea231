import TimeBank

/// Text forms written hundreds of thousands of times, built by hand: `String(format:)`
/// would dominate the time of a 100,000-member load.
enum DemoFormat {
    private static let hex = Array("0123456789abcdef".utf8)

    static func uuidText(_ a: UInt64, _ b: UInt64) -> String {
        var bytes = [UInt8](repeating: UInt8(ascii: "-"), count: 36)
        var pos = 0
        for (word, dashes) in [(a, [8, 13]), (b, [18, 23])] {
            for nibble in 0..<16 {
                if dashes.contains(pos) { pos += 1 }
                bytes[pos] = hex[Int((word >> UInt64(60 - nibble * 4)) & 0xF)]
                pos += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendPadded(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        var v = value
        var i = width - 1
        while i >= 0 && v > 0 {
            digits[i] = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
            i -= 1
        }
        bytes += digits
    }
}

/// Dates and timestamps for day numbers near `today`, cached: the whole demo lives in a few years.
struct DemoCalendar {
    let today: Int
    /// The last day anything may have happened on, so no timestamp lies in the future.
    var lastDay: Int { today - 1 }
    private let first: Int
    private let isoCache: [String]

    /// Days of exchanges before today (365 a year).
    let historyDays: Int

    init(today: CalendarDate, years: Int = 1) {
        self.today = today.dayNumber
        historyDays = 365 * years
        first = self.today - 6 * 366
        isoCache = (first...(self.today + 6 * 366)).map { CalendarDate(dayNumber: $0).iso }
    }

    func iso(_ day: Int) -> String {
        let i = day - first
        return i >= 0 && i < isoCache.count ? isoCache[i] : CalendarDate(dayNumber: day).iso
    }

    /// The store's timestamp form (`Store.timestamp`), for a minute of a day, in UTC.
    func stamp(_ day: Int, minute: Int, second: Int = 0) -> String {
        var bytes = Array(iso(day).utf8)
        bytes.append(UInt8(ascii: "T"))
        DemoFormat.appendPadded(minute / 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        DemoFormat.appendPadded(minute % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        DemoFormat.appendPadded(second, width: 2, to: &bytes)
        bytes += Array(".000Z".utf8)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A time in office hours on `day`, the way brokers work.
    func officeStamp(_ day: Int, _ rng: inout DemoRandom) -> String {
        stamp(day, minute: rng.int(9 * 60...17 * 60 + 29), second: rng.below(60))
    }
}
