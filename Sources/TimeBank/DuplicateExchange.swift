import Foundation

/// An entry already in the ledger that a new slip repeats: same giver, receiver, minutes and
/// date. Usually the same paper slip typed twice, so the broker is asked before it is recorded.
public struct DuplicateExchange: Hashable, Sendable {
    public var existing: Exchange
    public var giverName: String
    public var receiverName: String

    public init(existing: Exchange, giverName: String, receiverName: String) {
        self.existing = existing
        self.giverName = giverName
        self.receiverName = receiverName
    }

    /// "Kwame Brown gave Ann Lee 1:30 on 28/11 already, recorded by raj at 10:42", the time in
    /// the broker's own clock (the ledger keeps it in UTC).
    public func sentence(timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: existing.recordedAt)
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        let day = String(format: "%02d/%02d", existing.date.day, existing.date.month)
        return "\(giverName) gave \(receiverName) \(MinutesFormat.clock(existing.minutes)) on \(day) already, "
            + "recorded by \(existing.recordedBy) at \(time)"
    }
}
