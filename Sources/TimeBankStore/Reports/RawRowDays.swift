import TimeBank

/// Days of a column read in day order, such as the joining days of a period's new members: the
/// same day comes on hundreds of rows in a row, so it is parsed once, when its text changes,
/// instead of once per row.
struct RawRowDays {
    private var text: (UInt64, UInt16) = (0, 0)
    private var day: CalendarDate?
    private var read = false

    /// The column's `YYYY-MM-DD` as a calendar date; nil for anything else.
    mutating func date(_ row: RawRow, _ column: Int32) -> CalendarDate? {
        let b = row.bytes(column)
        guard b.count == 10, let start = b.baseAddress else { return CalendarDate(isoBytes: b) }
        let raw = UnsafeRawPointer(start)
        let key = (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self))
        if read && key == text { return day }
        (text, day, read) = (key, CalendarDate(isoBytes: b), true)
        return day
    }
}
