import Foundation
import GRDB
import TimeBank

extension Store {
    /// Refers a member the broker picked by hand ("Refer someone else…" on Match) rather than from
    /// the ranked helpers, under the same hard rules the ranking applies in SQL (Store+Match): only
    /// an active member, never the need's own member or anyone on either's do-not-match list, and
    /// for a need that asks for a vetted helper, only one whose vetting is complete and in date.
    public func proposeSomeoneElse(need: Int, helper: Int, offer: Int?, by broker: Broker, today: CalendarDate = .today()) throws -> Referral {
        try authorize(.referMembers, by: broker)
        try read { db in
            if let why = try Store.referralRefusal(db, need: need, helper: helper, today: today) { throw StoreError.invalid(why) }
        }
        return try propose(need: need, helper: helper, offer: offer, by: broker)
    }

    /// Why this member cannot be referred to this need, in one sentence, or nil.
    static func referralRefusal(_ db: Database, need: Int, helper: Int, today: CalendarDate) throws -> String? {
        guard let n = try Row.fetchOne(db, sql: "SELECT member, needs_vetted_helper FROM need WHERE id = ?", arguments: [need]) else {
            return "There is no need number \(need)."
        }
        guard let h = try Row.fetchOne(db, sql: "SELECT name, status FROM member WHERE number = ?", arguments: [helper]) else {
            return StoreError.memberNotFound(helper).description
        }
        let name: String = h["name"], status: String = h["status"], owner: Int = n["member"]
        if owner == helper { return "\(name) is the member in need." }
        if status != MemberStatus.active.rawValue { return "\(name) is \(status): only active members are referred." }
        let blocked = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM do_not_match WHERE (member = ?1 AND other = ?2) OR (member = ?2 AND other = ?1))
            """, arguments: [owner, helper]) ?? false
        if blocked { return "\(name) and the member in need are on a do-not-match list." }
        let vettingNeeded: Bool = n["needs_vetted_helper"]
        if vettingNeeded {
            let vetted = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM vetting v WHERE v.member = ? AND \(VettingSQL.complete(today: "?")))",
                                           arguments: [helper, today.iso]) ?? false
            if !vetted { return "The need asks for a vetted helper; \(name)'s vetting is missing or out of date." }
        }
        return nil
    }
}
