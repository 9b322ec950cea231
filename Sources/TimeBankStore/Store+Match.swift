import Foundation
import GRDB
import TimeBank
import TimeBankResources

extension Store {
    /// How far back "gave hours recently" looks, for the fair-spread factor.
    public static let recentDays = 90

    /// Neighbouring areas come from the shipped areas list on first use; admins may edit the table.
    func installBundledAreasIfEmpty() throws {
        let empty = try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM area_neighbour") == 0 }
        guard empty else { return }
        let areas = try AreasFile.load(from: TimeBankResources.dataDirectory.appendingPathComponent(AreasFile.fileName))
        try write { db in
            for a in areas {
                for n in a.neighbours {
                    try db.execute(sql: "INSERT OR IGNORE INTO area_neighbour (area, neighbour) VALUES (?, ?), (?, ?)", arguments: [a.name, n, n, a.name])
                }
            }
        }
    }

    public func need(_ id: Int) throws -> Need? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM need WHERE id = ?", arguments: [id]).map(Store.need(from:)) }
    }

    public func offer(_ id: Int) throws -> Offer? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM offer WHERE id = ?", arguments: [id]).map(Store.offer(from:)) }
    }

    /// The ranked helpers for a need, best first, with the reasons for each rank: the same
    /// ranking for the Match screen and `timebank match`.
    public func rankHelpers(forNeed id: Int, limit: Int = 20, today: CalendarDate = .today()) throws -> [MatchResult] {
        try read { db in
            let (matchNeed, candidates) = try Store.matchCandidates(db, needID: id, today: today)
            return MatchScoring.rank(candidates, for: matchNeed, limit: limit)
        }
    }

    /// Everything matching reads, in one read transaction so the ranking sees one moment.
    static func matchCandidates(_ db: Database, needID: Int, today: CalendarDate, onlyMember: Int? = nil) throws -> (MatchNeed, [MatchCandidate]) {
        guard let needRow = try Row.fetchOne(db, sql: "SELECT * FROM need WHERE id = ?", arguments: [needID]) else {
            throw StoreError.notFound("There is no need number \(needID).")
        }
        let need = Store.need(from: needRow)
        let category = try Row.fetchOne(db, sql: "SELECT name, grp FROM category WHERE id = ?", arguments: [need.categoryID])
        let group: String = category?["grp"] ?? ""
        let neighbours = Set(try String.fetchAll(db, sql: "SELECT neighbour FROM area_neighbour WHERE area = ?", arguments: [need.area]))
        let matchNeed = MatchNeed(need: need, categoryName: category?["name"] ?? "", categoryGroup: group, neighbouringAreas: neighbours)

        // Who could help: offers in the category, plus the offers whose words best fit the need.
        var relevance: [Int: (Double, String)] = [:]
        if let query = offerQuery(need.title + " " + need.description) {
            let hits = try Row.fetchAll(db, sql: """
                SELECT o.member, o.title, bm25(offer_search, 3.0, 1.0, 2.0) AS rank
                FROM offer_search JOIN offer o ON o.id = offer_search.rowid
                WHERE offer_search MATCH ? AND o.status = 'open'
                ORDER BY rank LIMIT 300
                """, arguments: [query])
            let best = hits.map { -($0["rank"] as Double) }.max() ?? 0
            for hit in hits where best > 0 {
                let member: Int = hit["member"]
                let r = -(hit["rank"] as Double) / best
                if (relevance[member]?.0 ?? -1) < r { relevance[member] = (r, hit["title"]) }
            }
        }
        var members = Set(relevance.keys)
        members.formUnion(try Int.fetchAll(db, sql: "SELECT DISTINCT member FROM offer WHERE category = ? AND status = 'open'", arguments: [need.categoryID]))
        if let only = onlyMember {
            members = [only]
        } else if members.count < 60 {
            members.formUnion(try Int.fetchAll(db, sql: """
                SELECT DISTINCT o.member FROM offer o JOIN category c ON c.id = o.category
                WHERE c.grp = ? AND o.status = 'open' LIMIT 500
                """, arguments: [group]))
        }
        members.remove(need.member)
        guard !members.isEmpty else { return (matchNeed, []) }
        let list = members.sorted()
        let placeholders = Array(repeating: "?", count: list.count).joined(separator: ",")
        let args = StatementArguments(list)

        var offers: [Int: (ids: [Int], groups: [String])] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT o.member, o.category, c.grp FROM offer o JOIN category c ON c.id = o.category
            WHERE o.status = 'open' AND o.member IN (\(placeholders))
            """, arguments: args) {
            offers[row["member"], default: ([], [])].ids.append(row["category"])
            offers[row["member"], default: ([], [])].groups.append(row["grp"])
        }
        let needAccount = try accountID(db, .member(need.member))
        let excluded = Set(try Int.fetchAll(db, sql: "SELECT other FROM do_not_match WHERE member = ?1 UNION SELECT member FROM do_not_match WHERE other = ?1",
                                            arguments: [need.member]))
        var past: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT e.giver, count(*) AS n FROM exchange e
            WHERE e.receiver = ? AND +e.reverses IS NULL AND NOT EXISTS (SELECT 1 FROM exchange r WHERE r.reverses = e.id)
            GROUP BY e.giver
            """, arguments: [needAccount]) {
            past[row["giver"]] = row["n"]
        }
        let since = today.adding(days: -recentDays).iso
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.number, m.name, m.status, m.area, m.availability, m.can_travel, m.has_transport,
                   a.id AS account, a.given_minutes - a.received_minutes AS balance, v.complete, v.next_review,
                   (SELECT coalesce(sum(e.minutes), 0) FROM exchange e WHERE e.giver = a.id AND e.date >= ? AND e.reverses IS NULL) AS recent
            FROM member m JOIN account a ON a.member = m.number LEFT JOIN vetting v ON v.member = m.number
            WHERE m.number IN (\(placeholders))
            """, arguments: [since] + args)
        let candidates = rows.map { row -> MatchCandidate in
            let number: Int = row["number"]
            let complete: Bool = row["complete"] ?? false
            let review = (row["next_review"] as String?).flatMap(CalendarDate.init(iso:))
            let vetting: VettingState = !complete ? .missing : (review.map { $0 < today } ?? false) ? .expired : .complete
            return MatchCandidate(
                member: number, name: row["name"], status: MemberStatus(rawValue: row["status"]) ?? .pending, area: row["area"],
                availability: Availability(rawValue: row["availability"]), canTravel: row["can_travel"], hasTransport: row["has_transport"],
                vetting: vetting, balanceMinutes: row["balance"], recentGivenMinutes: row["recent"],
                pastExchangesWithMember: past[row["account"]] ?? 0, offerCategoryIDs: offers[number]?.ids ?? [],
                offerCategoryGroups: offers[number]?.groups ?? [], bestOfferTitle: relevance[number]?.1,
                textRelevance: relevance[number]?.0 ?? 0, doNotMatch: excluded.contains(number))
        }
        return (matchNeed, candidates)
    }

    /// An FTS5 OR-query of the need's meaningful words (prefix matches, common words dropped).
    static func offerQuery(_ text: String) -> String? {
        let stop: Set<String> = ["the", "and", "with", "for", "her", "his", "my", "our", "their", "can", "help", "need", "needs",
                                 "would", "like", "some", "someone", "who", "since", "after", "from", "that", "this", "she", "him",
                                 "they", "into", "once", "week", "weekly", "please", "about", "any", "has", "have", "not", "get"]
        let words = Array(Set(SearchText.words(text).filter { $0.count >= 3 && !stop.contains($0) })).sorted().prefix(16)
        guard !words.isEmpty else { return nil }
        // Titles and category keywords say what an offer is; long descriptions mostly add noise
        // (and, at 100,000 members, thousands more rows to score).
        return "{title keywords}: (" + words.map { "\"\($0)\"*" }.joined(separator: " OR ") + ")"
    }

    /// The reverse of matching: open needs an offer could meet (its category first, then its
    /// group), each scored for the offering member exactly as the Match screen would.
    public func needsFitting(offer id: Int, limit: Int = 20, today: CalendarDate = .today()) throws -> [(need: Need, result: MatchResult)] {
        try read { db in
            guard let offerRow = try Row.fetchOne(db, sql: "SELECT * FROM offer WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound("There is no offer number \(id).")
            }
            let offer = Store.offer(from: offerRow)
            let needs = try Row.fetchAll(db, sql: """
                SELECT n.* FROM need n JOIN category c ON c.id = n.category
                WHERE n.status = 'open' AND n.member <> ?
                  AND c.grp = (SELECT grp FROM category WHERE id = ?)
                ORDER BY n.category = ? DESC, n.created LIMIT 150
                """, arguments: [offer.member, offer.categoryID, offer.categoryID]).map(Store.need(from:))
            var out: [(need: Need, result: MatchResult)] = []
            for need in needs {
                let (matchNeed, candidates) = try Store.matchCandidates(db, needID: need.id, today: today, onlyMember: offer.member)
                if let me = candidates.first, let result = MatchScoring.score(me, for: matchNeed) { out.append((need, result)) }
            }
            return Array(out.sorted { $0.result.score > $1.result.score }.prefix(limit))
        }
    }
}
