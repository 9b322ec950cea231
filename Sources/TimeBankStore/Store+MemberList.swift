import Foundation
import GRDB
import TimeBank

extension Store {
    /// The members matching a query: the total count and one window of rows, so a screen
    /// fetches only what it shows. The Members screen and `timebank members` both come here.
    public func members(_ q: MemberQuery, offset: Int = 0, limit: Int = 100, today: CalendarDate = .today()) throws -> (total: Int, rows: [MemberSummary]) {
        try memberWindow(q, offset: offset, limit: limit, today: today)
    }

    /// A row of the members list: the member's columns beside their vetting and account figures.
    static func summary(from row: Row, today: CalendarDate) throws -> MemberSummary {
        let complete: Bool = try row.storedOptional("complete", of: "member") ?? false
        let review = try row.storedOptionalDate("next_review", of: "member")
        let state = VettingState.of(complete: complete, nextReview: review, today: today)
        func text(_ column: String) throws -> String { try row.stored(column, of: "member") }
        return MemberSummary(
            number: try row.stored("number", of: "member"), kind: try row.storedCase("kind", of: "member"), name: try text("name"),
            preferredName: try text("preferred_name"), area: try text("area"), postcode: try text("postcode"), phone: try text("phone"),
            email: try text("email"), joined: try row.storedDate("joined", of: "member"), status: try row.storedCase("status", of: "member"),
            balanceMinutes: try row.stored("balance", of: "member"), vetting: state, vettingReview: review,
            openNeeds: try row.stored("open_needs", of: "member"),
            lastExchange: try row.storedOptionalDate("last_exchange", of: "member"),
            cameThrough: try row.storedOptionalCase("came_through", of: "member"))
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
