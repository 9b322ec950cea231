import Foundation
import GRDB
import TimeBank

extension Store {
    /// The members matching a query: the total count and one window of rows, so a screen
    /// fetches only what it shows. The Members screen and `timebank members` both come here.
    public func members(_ q: MemberQuery, offset: Int = 0, limit: Int = 100, today: CalendarDate = .today()) throws -> (total: Int, rows: [MemberSummary]) {
        try memberWindow(q, offset: offset, limit: limit, today: today)
    }

    static func summary(from row: Row, today: CalendarDate) -> MemberSummary {
        let complete: Bool = row["complete"] ?? false
        let review = (row["next_review"] as String?).flatMap(CalendarDate.init(iso:))
        let state = VettingState.of(complete: complete, nextReview: review, today: today)
        return MemberSummary(
            number: row["number"], kind: MemberKind(rawValue: row["kind"]) ?? .person, name: row["name"],
            preferredName: row["preferred_name"], area: row["area"], postcode: row["postcode"], phone: row["phone"],
            email: row["email"], joined: CalendarDate(iso: row["joined"]) ?? today, status: MemberStatus(rawValue: row["status"]) ?? .pending,
            balanceMinutes: row["balance"], vetting: state, vettingReview: review, openNeeds: row["open_needs"],
            lastExchange: (row["last_exchange"] as String?).flatMap(CalendarDate.init(iso:)),
            cameThrough: (row["came_through"] as String?).flatMap(CameThrough.init(rawValue:)))
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
