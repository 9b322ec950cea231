import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// The five lists under Today's figures, one shown at a time behind a row of counts, so each
/// keeps enough rows to be useful at 80x24.
enum TodayList: Int, CaseIterable, Sendable {
    case followUps, unmatchedNeeds, vettingReviews, inactiveMembers, dueForErasure

    /// Short, so that five labels with their counts fit one row at 80 columns.
    var title: String {
        switch self {
        case .followUps: return "Follow-ups"
        case .unmatchedNeeds: return "Unmatched"
        case .vettingReviews: return "Vetting"
        case .inactiveMembers: return "Inactive"
        case .dueForErasure: return "Erasure"
        }
    }

    func count(in lists: TodayLists) -> Int {
        switch self {
        case .followUps: return lists.followUpCount
        case .unmatchedNeeds: return lists.unmatchedNeedCount
        case .vettingReviews: return lists.vettingReviewCount
        case .inactiveMembers: return lists.inactiveMemberCount
        // The store reads this list whole (it is never cut), so its rows are its count.
        case .dueForErasure: return lists.dueForErasure.count
        }
    }

    func rowCount(in lists: TodayLists) -> Int {
        switch self {
        case .followUps: return lists.followUps.count
        case .unmatchedNeeds: return lists.unmatchedNeeds.count
        case .vettingReviews: return lists.vettingReviews.count
        case .inactiveMembers: return lists.inactiveMembers.count
        case .dueForErasure: return lists.dueForErasure.count
        }
    }

    var emptyMessage: String {
        switch self {
        case .followUps: return "Every referral has moved recently."
        case .unmatchedNeeds: return "Every older open need has a referral."
        case .vettingReviews: return "No vetting review falls due within 30 days."
        case .inactiveMembers: return "Every active member has exchanged in the last six months."
        case .dueForErasure: return "Nobody who left is past the retention period."
        }
    }

    var columns: [TableColumn] {
        switch self {
        case .followUps: return ReferralList.columns
        case .unmatchedNeeds:
            return [TableColumn("No", width: .fixed(6), alignment: .right), TableColumn("Need", width: .fill),
                    TableColumn("Member", width: .fixed(20)), TableColumn("Open", width: .fixed(8), alignment: .right)]
        case .vettingReviews:
            return [TableColumn("No", width: .fixed(6), alignment: .right), TableColumn("Member", width: .fill),
                    TableColumn("Review", width: .fixed(26))]
        case .inactiveMembers:
            return [TableColumn("No", width: .fixed(6), alignment: .right), TableColumn("Member", width: .fill),
                    TableColumn("Area", width: .fixed(14)), TableColumn("Last exchange", width: .fixed(14))]
        case .dueForErasure:
            return [TableColumn("No", width: .fixed(6), alignment: .right), TableColumn("Member", width: .fill),
                    TableColumn("Left on", width: .fixed(10)), TableColumn("Years since", width: .fixed(11), alignment: .right)]
        }
    }

    func row(_ index: Int, in lists: TodayLists, today: CalendarDate, now: Date) -> TableRow? {
        switch self {
        case .followUps:
            guard lists.followUps.indices.contains(index) else { return nil }
            return ReferralList.row(lists.followUps[index], now: now)
        case .unmatchedNeeds:
            guard lists.unmatchedNeeds.indices.contains(index) else { return nil }
            let n = lists.unmatchedNeeds[index]
            let vetted = n.needsVettedHelper ? " · vetted helper" : ""
            return TableRow([String(n.id), "\(n.title) · \(n.category.name)\(vetted)", MemberLabel.nameAndNumber(n.memberName, n.member, width: 20),
                             ReferralText.days(today.days(since: n.created))])
        case .vettingReviews:
            guard lists.vettingReviews.indices.contains(index) else { return nil }
            let v = lists.vettingReviews[index]
            let days = v.review.days(since: today)
            let when = days < 0 ? "was due \(v.review.british)" : days == 0 ? "due today" : "due \(v.review.british) (\(ReferralText.days(days)))"
            return TableRow([String(v.member), v.name, when], style: days < 0 ? .warning : .plain)
        case .inactiveMembers:
            guard lists.inactiveMembers.indices.contains(index) else { return nil }
            let m = lists.inactiveMembers[index]
            return TableRow([String(m.member), m.name, m.area, m.lastExchange?.british ?? "never"])
        case .dueForErasure:
            guard lists.dueForErasure.indices.contains(index) else { return nil }
            let m = lists.dueForErasure[index]
            return TableRow([String(m.number), m.name, m.left.british, String(Self.wholeYears(from: m.left, to: today))])
        }
    }

    /// Where Enter on a row goes: a follow-up opens on Today itself (nil here).
    func destination(_ index: Int, in lists: TodayLists) -> ScreenResponse? {
        switch self {
        case .followUps: return nil
        case .unmatchedNeeds:
            return lists.unmatchedNeeds.indices.contains(index) ? .go(.match, .matchNeed(lists.unmatchedNeeds[index].id)) : .handled
        case .vettingReviews:
            return lists.vettingReviews.indices.contains(index) ? .go(.members, .showMember(lists.vettingReviews[index].member)) : .handled
        case .inactiveMembers:
            return lists.inactiveMembers.indices.contains(index) ? .go(.members, .showMember(lists.inactiveMembers[index].member)) : .handled
        case .dueForErasure:
            return lists.dueForErasure.indices.contains(index) ? .go(.members, .showMember(lists.dueForErasure[index].number)) : .handled
        }
    }

    /// Whole years from one date to another: a year counts once its anniversary has come.
    static func wholeYears(from start: CalendarDate, to end: CalendarDate) -> Int {
        let beforeAnniversary = (end.month, end.day) < (start.month, start.day)
        return max(0, end.year - start.year - (beforeAnniversary ? 1 : 0))
    }
}
