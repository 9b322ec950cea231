import Foundation
import GRDB
import TimeBank

/// What needs a broker's attention today, as lists a screen can open row by row. The counts
/// use the same rules as `todayFigures`, so the lists and the figures above them agree.
public struct TodayLists: Hashable, Sendable {
    /// Referrals still moving that nobody has touched for the follow-up days in settings, and
    /// referrals done with no hours recorded (possible before done was written with its hours).
    public var followUps: [ReferralRow]
    public var followUpCount: Int
    /// Open needs older than the unmatched-need days in settings with no live or done referral.
    public var unmatchedNeeds: [ListingRow]
    public var unmatchedNeedCount: Int
    /// Complete vetting past its review date, then due within 30 days, soonest first.
    public var vettingReviews: [VettingReviewRow]
    public var vettingReviewCount: Int
    /// Active members with no exchange in six months (joined before then), longest quiet first.
    public var inactiveMembers: [InactiveMemberRow]
    public var inactiveMemberCount: Int
    /// Members who left longer ago than the retention setting, not yet erased, oldest first.
    public var dueForErasure: [Store.ErasureDue] = []
}

public struct VettingReviewRow: Hashable, Sendable, Identifiable {
    public var id: Int { member }
    public var member: Int
    public var name: String
    public var review: CalendarDate
}

public struct InactiveMemberRow: Hashable, Sendable, Identifiable {
    public var id: Int { member }
    public var member: Int
    public var name: String
    public var area: String
    /// Nil when the member has never exchanged.
    public var lastExchange: CalendarDate?
}

extension Store {
    public static let inactiveMonths = 6
    public static let vettingWindowDays = 30

    /// The four lists of the Today screen, each cut at `limit` rows but counted in full.
    public func todayLists(today: CalendarDate = .today(), now: Date = Date(), limit: Int = 200) throws -> TodayLists {
        try read { db in
            let settings = try Store.settings(db)
            // The same wall-clock cut-off as todayFigures: a referral's steps are timestamps, not dates.
            let followUpBefore = Store.timestamp(now.addingTimeInterval(-Double(settings.followUpDays) * 86400))
            let live = "r.status IN ('proposed', 'contacted', 'agreed')"
            // The oldest ids first, then their details: sorting whole joined rows costs 100 ms at 100,000 members.
            let followUps = try Row.fetchAll(db, sql: """
                \(Store.referralRowSelect) WHERE r.id IN (
                    SELECT r.id FROM referral r WHERE (\(live) AND r.updated_at < ?) OR \(Store.doneWithoutHours)
                    ORDER BY r.updated_at LIMIT ?)
                ORDER BY r.updated_at
                """, arguments: [followUpBefore, limit]).map(Store.referralRow(from:))
            let followUpCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM referral r WHERE (\(live) AND r.updated_at < ?) OR \(Store.doneWithoutHours)",
                                                 arguments: [followUpBefore]) ?? 0

            let openedBefore = today.adding(days: -settings.unmatchedNeedDays).iso
            let unmatched = """
                FROM need l JOIN member m ON m.number = l.member JOIN category c ON c.id = l.category
                WHERE l.status = 'open' AND l.created <= ?
                  AND NOT EXISTS (SELECT 1 FROM referral r WHERE r.need = l.id AND r.status IN ('proposed', 'contacted', 'agreed', 'done'))
                """
            let needs = try Row.fetchAll(db, sql: "SELECT \(Store.listingColumns(.need)) \(unmatched) ORDER BY l.created, l.id LIMIT ?",
                                         arguments: [openedBefore, limit]).map { try Store.listingRow(from: $0, kind: .need) }
            // Counted without the joins: every need has its member and category (foreign keys).
            let needCount = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM need l WHERE l.status = 'open' AND l.created <= ?
                  AND NOT EXISTS (SELECT 1 FROM referral r WHERE r.need = l.id AND r.status IN ('proposed', 'contacted', 'agreed', 'done'))
                """, arguments: [openedBefore]) ?? 0

            let vetting = """
                FROM vetting v CROSS JOIN member m ON m.number = v.member
                WHERE v.next_review <= ?
                  AND ((m.status IN ('active', 'on-hold') AND \(VettingSQL.expired(today: "?")))
                       OR (m.status IN ('active', 'on-hold', 'pending') AND \(VettingSQL.complete(today: "?"))))
                """
            let windowEnd = today.adding(days: Store.vettingWindowDays).iso
            let vettingArgs: StatementArguments = [windowEnd, today.iso, today.iso]
            let reviews = try Row.fetchAll(db, sql: "SELECT v.member, m.name, v.next_review \(vetting) ORDER BY v.next_review, v.member LIMIT ?",
                                           arguments: vettingArgs + [limit]).map {
                VettingReviewRow(member: $0["member"], name: $0["name"], review: try $0.storedDate("next_review", of: "vetting"))
            }
            let reviewCount = try Int.fetchOne(db, sql: "SELECT count(*) \(vetting)", arguments: vettingArgs) ?? 0

            let quietSince = today.adding(days: -Store.inactiveMonths * 365 / 12).iso
            // From the accounts that have been quiet (an index on last_exchange), not from every member.
            let inactive = """
                FROM account a CROSS JOIN member m ON m.number = a.member
                WHERE (a.last_exchange IS NULL OR a.last_exchange < :since) AND a.kind = 'member'
                  AND m.status = 'active' AND m.joined < :since
                """
            let quiet = try Row.fetchAll(db, sql: "SELECT m.number, m.name, m.area, a.last_exchange \(inactive) ORDER BY a.last_exchange, m.number LIMIT :limit",
                                         arguments: ["since": quietSince, "limit": limit]).map {
                InactiveMemberRow(member: $0["number"], name: $0["name"], area: $0["area"],
                                  lastExchange: try $0.storedOptionalDate("last_exchange", of: "member"))
            }
            let quietCount = try Int.fetchOne(db, sql: "SELECT count(*) \(inactive)", arguments: ["since": quietSince]) ?? 0

            return TodayLists(followUps: followUps, followUpCount: followUpCount, unmatchedNeeds: needs, unmatchedNeedCount: needCount,
                              vettingReviews: reviews, vettingReviewCount: reviewCount, inactiveMembers: quiet, inactiveMemberCount: quietCount,
                              // Every row, not cut at `limit`: the broker pages through all of them, and the list
                              // is short (those who left years ago and are not yet erased).
                              dueForErasure: try Store.membersDueForErasure(db, today: today, limit: .max))
        }
    }
}
