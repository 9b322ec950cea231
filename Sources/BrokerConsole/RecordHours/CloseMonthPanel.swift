import TerminalUI
import TimeBank

/// An admin closing a month for good, so the figures already sent to funders never change.
struct CloseMonthPanel: Equatable, Sendable {
    var month = TextFieldState(maxLength: 7, placeholder: "YYYY-MM")

    /// Suggests last month, the one usually being closed.
    mutating func suggest(today: CalendarDate, closed: [String]) {
        let last = today.startOfPreviousMonth.monthKey
        if month.text.isEmpty, !closed.contains(last) {
            month.text = last
            month.caret = last.count
        }
    }

    /// The month to close, or why it cannot be.
    func target(today: CalendarDate, closed: [String]) -> Result<String, SlipProblem> {
        let typed = month.text.trimmingCharacters(in: .whitespaces)
        guard let first = CalendarDate(iso: typed + "-01") else { return .failure(SlipProblem("'\(typed)' is not a month; write it as YYYY-MM, e.g. 2026-10.")) }
        guard first < today.startOfMonth else { return .failure(SlipProblem("\(SlipFormat.monthName(typed)) has not ended yet; only past months can be closed.")) }
        guard !closed.contains(typed) else { return .failure(SlipProblem("\(SlipFormat.monthName(typed)) is already closed.")) }
        return .success(typed)
    }
}
