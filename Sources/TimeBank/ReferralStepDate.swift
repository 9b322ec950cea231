/// When a referral's step may be dated: the day the broker rang may be a few days back (a note
/// written up on Monday for Friday's call), never in the future.
public enum ReferralStepDate {
    public static let mostDaysBack = 14

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case future(CalendarDate)
        case tooLongAgo(CalendarDate)

        public var description: String {
            switch self {
            case .future(let d): return "\(d.british) is in the future; a step is dated the day it happened."
            case .tooLongAgo(let d): return "\(d.british) is more than \(ReferralStepDate.mostDaysBack) days ago; date the step today and say when in the note."
            }
        }
    }

    public static func check(_ date: CalendarDate, today: CalendarDate) throws(Problem) {
        guard date <= today else { throw .future(date) }
        guard today.days(since: date) <= mostDaysBack else { throw .tooLongAgo(date) }
    }
}
