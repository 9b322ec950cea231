import GRDB
import TimeBank

extension Store {
    /// The members list's window: the same members, in the same order, as `members(_:)` —
    /// the same search (`MemberSearchIndex`) and filters — planned for search-as-you-type.
    public func memberWindow(_ q: MemberQuery, offset: Int, limit: Int, today: CalendarDate) throws -> (total: Int, rows: [MemberSummary]) {
        try members(q, offset: offset, limit: limit, today: today)
    }
}
