import Foundation
import TimeBank
import TimeBankStore

/// How referrals read on every screen that lists them, so Today, Match and the member card agree.
enum ReferralText {
    /// "12/11/2026", in the broker's calendar (UTC timestamps shown as the UK date).
    static func date(_ moment: Date) -> String {
        let day = CalendarDate(iso: String(TimeBankStore.Store.timestampText(moment).prefix(10)))
        return day?.british ?? "?"
    }

    /// "Bob Marsh → Ann Lee: Weeding the back garden"
    static func summary(_ r: ReferralRow) -> String {
        "\(r.helperName) → \(r.receiverName): \(r.needTitle)"
    }

    static func days(_ n: Int) -> String { n == 1 ? "1 day" : "\(n) days" }

    /// What the broker sees beside a next step, so "done" says where it leads.
    static func choiceLabel(_ status: ReferralStatus) -> String {
        status == .done ? "done (then Record hours)" : status.rawValue
    }
}
