import TimeBank

/// How the Record hours screen writes amounts: clock form with a true minus sign, so a
/// negative balance cannot be mistaken for a dash between words.
enum SlipFormat {
    static let minus = "\u{2212}"

    static func clock(_ minutes: Minutes) -> String {
        minutes < 0 ? minus + MinutesFormat.clock(-minutes) : MinutesFormat.clock(minutes)
    }

    static func signed(_ minutes: Minutes) -> String {
        minutes > 0 ? "+" + clock(minutes) : minutes < 0 ? clock(minutes) : "0:00"
    }

    /// "1:30 (1 hour 30 minutes)": spells out what a bare "45" or "2" was read as.
    static func spelled(_ minutes: Minutes) -> String {
        let h = minutes / 60, m = minutes % 60
        var words: [String] = []
        if h > 0 { words.append("\(h) hour\(h == 1 ? "" : "s")") }
        if m > 0 { words.append("\(m) minute\(m == 1 ? "" : "s")") }
        return "\(MinutesFormat.clock(minutes)) (\(words.joined(separator: " ")))"
    }

    /// "Thu 19/11/2026, 10 days ago": the day in words, so a date that moved while typing shows.
    static func weekdayDate(_ date: CalendarDate, today: CalendarDate) -> String {
        let relative: String
        switch date.days(since: today) {
        case 0: relative = "today"
        case -1: relative = "yesterday"
        case 1: relative = "tomorrow"
        case let d where d > 1: relative = "in \(d) days"
        case let d: relative = "\(-d) days ago"
        }
        return Header.weekday(date) + " " + date.british + ", " + relative
    }

    static func monthName(_ key: String) -> String { TodayScreen.monthName(key) }
}
