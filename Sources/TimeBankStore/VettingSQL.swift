import TimeBank

/// The vetting rule of `VettingState.of(complete:nextReview:today:)` as SQL, for every query that
/// filters or counts by it: a `vetting` row (aliased `v` unless told otherwise) is complete on a
/// day when it was completed and its next review, if any, is not before that day. `today` is the
/// placeholder the query binds the day to (":today" or "?").
enum VettingSQL {
    /// Vetting that counts on `today`.
    static func complete(_ v: String = "v", today: String) -> String {
        "(\(v).complete = 1 AND (\(v).next_review IS NULL OR \(v).next_review >= \(today)))"
    }

    /// Vetting that counted on `day`, a past day included (`VettingState.counts`): completed on
    /// or before `day`, and its next review, if any, not before `day`. `day` is an SQL expression
    /// (a placeholder or a column such as "e.date").
    static func completeOn(_ v: String = "v", day: String) -> String {
        "(\(v).complete = 1 AND \(v).completed_on <= \(day) AND (\(v).next_review IS NULL OR \(v).next_review >= \(day)))"
    }

    /// Completed once, but past its review on `today`.
    static func expired(_ v: String = "v", today: String) -> String {
        "(\(v).complete = 1 AND \(v).next_review < \(today))"
    }

    /// Never completed (or no vetting row at all).
    static func missing(_ v: String = "v") -> String {
        "coalesce(\(v).complete, 0) = 0"
    }
}
