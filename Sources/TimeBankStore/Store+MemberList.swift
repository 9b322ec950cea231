import Foundation
import GRDB
import TimeBank

extension Store {
    /// The members matching a query: the total count and one window of rows, so a screen
    /// fetches only what it shows.
    public func members(_ q: MemberQuery, offset: Int = 0, limit: Int = 100, today: CalendarDate = .today()) throws -> (total: Int, rows: [MemberSummary]) {
        try read { db in
            var joins = ""
            var conditions: [String] = []
            var args: [String: (any DatabaseValueConvertible)?] = ["today": today.iso, "soon": today.adding(days: 30).iso]
            if let match = MemberSearchIndex.matchExpression(q.search) {
                joins += " JOIN member_search s ON s.rowid = m.number"
                conditions.append("member_search MATCH :match")
                args["match"] = match
            }
            if let status = q.status { conditions.append("m.status = :status"); args["status"] = status.rawValue }
            if let area = q.area { conditions.append("m.area = :area"); args["area"] = area }
            if let kind = q.kind { conditions.append("m.kind = :kind"); args["kind"] = kind.rawValue }
            switch q.vetting {
            case .any: break
            case .complete: conditions.append("v.complete = 1 AND (v.next_review IS NULL OR v.next_review >= :today)")
            case .dueSoon: conditions.append("v.complete = 1 AND v.next_review >= :today AND v.next_review <= :soon")
            case .expired: conditions.append("v.complete = 1 AND v.next_review < :today")
            case .missing: conditions.append("coalesce(v.complete, 0) = 0")
            }
            if q.hasOpenNeeds { conditions.append("EXISTS (SELECT 1 FROM need n WHERE n.member = m.number AND n.status = 'open')") }
            let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            let from = " FROM member m LEFT JOIN vetting v ON v.member = m.number\(joins)\(whereClause)"
            let total = try Int.fetchOne(db, sql: "SELECT count(*)" + from, arguments: StatementArguments(args)) ?? 0
            let order: String
            switch q.sort {
            case .name: order = "m.name COLLATE NOCASE, m.number"
            case .number: order = "m.number"
            case .balance: order = "(a.given_minutes - a.received_minutes) DESC, m.number"
            case .joined: order = "m.joined DESC, m.number"
            case .area: order = "m.area, m.name COLLATE NOCASE"
            }
            args["limit"] = limit
            args["offset"] = offset
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.number, m.kind, m.name, m.preferred_name, m.area, m.postcode, m.phone, m.email, m.joined, m.status,
                       a.given_minutes - a.received_minutes AS balance, v.complete, v.next_review,
                       (SELECT count(*) FROM need n WHERE n.member = m.number AND n.status = 'open') AS open_needs
                \(from.replacingOccurrences(of: " FROM member m", with: " FROM member m JOIN account a ON a.member = m.number"))
                ORDER BY \(order) LIMIT :limit OFFSET :offset
                """, arguments: StatementArguments(args))
            return (total, rows.map { Store.summary(from: $0, today: today) })
        }
    }

    static func summary(from row: Row, today: CalendarDate) -> MemberSummary {
        let complete: Bool = row["complete"] ?? false
        let review = (row["next_review"] as String?).flatMap(CalendarDate.init(iso:))
        let state: VettingState = !complete ? .missing : (review.map { $0 < today } ?? false) ? .expired : .complete
        return MemberSummary(
            number: row["number"], kind: MemberKind(rawValue: row["kind"]) ?? .person, name: row["name"],
            preferredName: row["preferred_name"], area: row["area"], postcode: row["postcode"], phone: row["phone"],
            email: row["email"], joined: CalendarDate(iso: row["joined"]) ?? today, status: MemberStatus(rawValue: row["status"]) ?? .pending,
            balanceMinutes: row["balance"], vetting: state, vettingReview: review, openNeeds: row["open_needs"])
    }

    /// Areas in use, for the area filter.
    public func areas() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT area FROM member WHERE area <> '' ORDER BY area") }
    }

    /// Members whose name matches and whose phone, email or postcode also matches: probably the same person.
    public func possibleDuplicates(of m: Member) throws -> [MemberSummary] {
        let name = SearchText.fold(m.name).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return [] }
        let phone = SearchText.compact(m.phone), email = m.email.lowercased().trimmingCharacters(in: .whitespaces)
        let postcode = SearchText.compact(m.postcode)
        let candidates = try members(MemberQuery(search: m.name), limit: 50).rows
        return candidates.filter { c in
            c.number != m.number && SearchText.fold(c.name).trimmingCharacters(in: .whitespaces) == name && (
                (!phone.isEmpty && SearchText.compact(c.phone) == phone) ||
                (!email.isEmpty && c.email.lowercased() == email) ||
                (!postcode.isEmpty && SearchText.compact(c.postcode) == postcode))
        }
    }
}
