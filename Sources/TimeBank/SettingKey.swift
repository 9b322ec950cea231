/// Every setting an admin can change, by the name the command line uses, with what it means
/// and how its value is read and checked: the one list `timebank settings` shows.
public enum SettingKey: String, CaseIterable, Sendable {
    case name = "name"
    case creditLimit = "credit-limit"
    case welcomeCredit = "welcome-credit"
    case followUpDays = "follow-up-days"
    case unmatchedNeedDays = "unmatched-need-days"
    case idleLockMinutes = "idle-lock-minutes"
    case financialYearStart = "financial-year-start"
    case futureDaysAllowed = "future-days-allowed"
    case vettingReviewYears = "vetting-review-years"
    case retentionYears = "retention-years"

    public var meaning: String {
        switch self {
        case .name: return "The time bank's name, on screens and statements."
        case .creditLimit: return "How far below zero a member may go before the broker must confirm, in hours."
        case .welcomeCredit: return "Hours from the pot when a member becomes active (0 for none, at most 24)."
        case .followUpDays: return "A referral not moved for this many days is a follow-up."
        case .unmatchedNeedDays: return "A need open this many days without a referral shows on Today."
        case .idleLockMinutes: return "Minutes without a key before the console locks (1 to 60)."
        case .financialYearStart: return "The month the financial year starts in (1 to 12, or its name)."
        case .futureDaysAllowed: return "How many days ahead hours may be dated, for planned group events (0 to 31; 0: none)."
        case .vettingReviewYears: return "Years from completed vetting to its review, unless a date is typed (1 to 10)."
        case .retentionYears: return "Years after a member left before Today lists them as due for erasure (1 to 100)."
        }
    }

    public func value(in s: Settings) -> String {
        switch self {
        case .name: return s.timeBankName
        case .creditLimit: return SettingKey.hours(s.creditLimitMinutes)
        case .welcomeCredit: return SettingKey.hours(s.welcomeCreditMinutes)
        case .followUpDays: return String(s.followUpDays)
        case .unmatchedNeedDays: return String(s.unmatchedNeedDays)
        case .idleLockMinutes: return String(s.idleLockMinutes)
        case .financialYearStart: return SettingKey.monthNames[max(0, min(11, s.financialYearStartMonth - 1))]
        case .futureDaysAllowed: return String(s.futureDaysAllowed)
        case .vettingReviewYears: return String(s.vettingReviewYears)
        case .retentionYears: return String(s.retentionYearsAfterLeaving)
        }
    }

    /// Sets the value read from `text`, or says in one sentence why it cannot be.
    public func apply(_ text: String, to s: inout Settings) throws(SettingError) {
        let t = text.trimmingWhitespace()
        switch self {
        case .name:
            guard (1...80).contains(t.count), !t.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
                throw SettingError("The time bank's name must be 1 to 80 printable characters.")
            }
            s.timeBankName = t
        case .creditLimit:
            guard let m = SettingKey.minutes(fromHours: t), m <= 1000 * 60 else {
                throw SettingError("credit-limit must be a number of hours from 0 to 1000, such as 10 or 7.5.")
            }
            s.creditLimitMinutes = m
        case .welcomeCredit:
            guard let m = SettingKey.minutes(fromHours: t), m <= 24 * 60 else {
                throw SettingError("welcome-credit must be a number of hours from 0 to 24, such as 2 or 1.5.")
            }
            s.welcomeCreditMinutes = m
        case .followUpDays:
            s.followUpDays = try SettingKey.whole(t, in: 1...365, key: self)
        case .unmatchedNeedDays:
            s.unmatchedNeedDays = try SettingKey.whole(t, in: 1...365, key: self)
        case .idleLockMinutes:
            s.idleLockMinutes = try SettingKey.whole(t, in: 1...60, key: self)
        case .financialYearStart:
            if let i = SettingKey.monthNames.firstIndex(where: { $0.lowercased() == t.lowercased() || $0.prefix(3).lowercased() == t.lowercased() }) {
                s.financialYearStartMonth = i + 1
            } else {
                s.financialYearStartMonth = try SettingKey.whole(t, in: 1...12, key: self)
            }
        case .futureDaysAllowed:
            s.futureDaysAllowed = try SettingKey.whole(t, in: 0...ServiceDate.mostFutureDaysAllowed, key: self)
        case .vettingReviewYears:
            s.vettingReviewYears = try SettingKey.whole(t, in: 1...10, key: self)
        case .retentionYears:
            s.retentionYearsAfterLeaving = try SettingKey.whole(t, in: 1...100, key: self)
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    static func whole(_ t: String, in range: ClosedRange<Int>, key: SettingKey) throws(SettingError) -> Int {
        guard t.count <= 4, !t.isEmpty, t.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(t), range.contains(n) else {
            throw SettingError("\(key.rawValue) must be a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return n
    }

    /// "10", "7.5", "1:30" as minutes; ASCII digits only, nothing negative.
    static func minutes(fromHours t: String) -> Int? {
        guard !t.isEmpty, t.count <= 8, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ":") }) else { return nil }
        let parts = t.split(separator: t.contains(":") ? ":" : ".", omittingEmptySubsequences: false).map(String.init)
        guard let hours = Int(parts[0]) else { return nil }
        if parts.count == 1 { return hours * 60 }
        guard parts.count == 2, !parts[1].isEmpty else { return nil }
        if t.contains(":") {
            guard parts[1].count == 2, let m = Int(parts[1]), m < 60 else { return nil }
            return hours * 60 + m
        }
        // A decimal fraction of an hour, to the nearest minute.
        guard parts[1].count <= 3, let frac = Int(parts[1]) else { return nil }
        var scale = 1
        for _ in parts[1] { scale *= 10 }
        return hours * 60 + (frac * 60 + scale / 2) / scale
    }

    static func hours(_ minutes: Minutes) -> String {
        minutes % 60 == 0 ? String(minutes / 60) : MinutesFormat.clock(minutes)
    }
}

public struct SettingError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
