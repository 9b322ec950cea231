import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// The referrals table shared by Today (follow-ups) and the Match screen's referrals view.
enum ReferralList {
    static let columns = [
        TableColumn("No", width: .fixed(6), alignment: .right),
        TableColumn("Status", width: .fixed(9)),
        TableColumn("Helper → member: need", width: .fill),
        // Wide enough for a whole date (dd/mm/yyyy) where a closed referral shows when it closed.
        TableColumn("Still", width: .fixed(10), alignment: .right),
    ]

    static func row(_ r: ReferralRow, now: Date) -> TableRow {
        let still = r.referral.status.isClosed ? ReferralText.date(r.referral.updated) : ReferralText.days(r.daysStill(now: now))
        return TableRow([String(r.id), r.referral.status.rawValue, ReferralText.summary(r), still])
    }
}
