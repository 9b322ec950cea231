import Foundation
import TimeBank

/// The slips recorded on this screen since the console started, most recent first, so a broker
/// can tick them off against the paper pile and take back the last one typed in error.
struct SessionSlips: Equatable, Sendable {
    struct Slip: Equatable, Sendable {
        var id: UUID
        var summary: String
        var recordedAt: Date
        var undone = false
    }

    private(set) var slips: [Slip] = []

    mutating func add(_ id: UUID, summary: String, at time: Date = Date()) {
        guard !slips.contains(where: { $0.id == id }) else { return }
        slips.insert(Slip(id: id, summary: summary, recordedAt: time), at: 0)
    }

    /// The most recent slip still standing: what undo takes back.
    var lastStanding: Slip? { slips.first { !$0.undone } }

    mutating func markUndone(_ id: UUID) {
        if let i = slips.firstIndex(where: { $0.id == id }) { slips[i].undone = true }
    }

    /// "10:42  Kwame Brown gave Ann Lee 1:30 on 28/11/2026" in the broker's clock.
    static func line(_ slip: Slip, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: slip.recordedAt)
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        return "\(time)  \(slip.summary)" + (slip.undone ? "  (undone)" : "")
    }
}
