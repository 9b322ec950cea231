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
        try read { db in try Need.fetchOne(db, sql: "SELECT * FROM need WHERE id = ?", arguments: [id]) }
    }

    public func offer(_ id: Int) throws -> Offer? {
        try read { db in try Offer.fetchOne(db, sql: "SELECT * FROM offer WHERE id = ?", arguments: [id]) }
    }

    /// The ranked helpers for a need, best first, with the reasons for each rank: the same
    /// ranking for the Match screen and `timebank match`.
    public func rankHelpers(forNeed id: Int, limit: Int = 20, today: CalendarDate = .today()) throws -> [MatchResult] {
        try rankHelpers(forNeed: id, limit: limit, today: today, exhaustive: false)
    }

    /// `exhaustive` reads every candidate's recent giving rather than stopping once nobody
    /// left can reach the list, so tests can show that both give the same ranking.
    func rankHelpers(forNeed id: Int, limit: Int, today: CalendarDate, exhaustive: Bool) throws -> [MatchResult] {
        try read { db in
            let need = try Store.matchNeed(db, needID: id)
            let relevance = try Store.textRelevance(db, for: need.need)
            let helpers = try Store.possibleHelpers(db, for: need, relevance: relevance)
            let candidates = try Store.candidates(db, for: need, helpers: helpers, relevance: relevance, today: today, eligibleOnly: true)
            return try Store.rank(db, candidates, for: need, limit: limit, today: today, exhaustive: exhaustive)
        }
    }

    /// The need being matched, with its category, group and neighbouring areas.
    static func matchNeed(_ db: Database, needID: Int) throws -> MatchNeed {
        guard let needRow = try Row.fetchOne(db, sql: "SELECT * FROM need WHERE id = ?", arguments: [needID]) else {
            throw StoreError.notFound("There is no need number \(needID).")
        }
        let need = try Need(row: needRow)
        let category = try Row.fetchOne(db, sql: "SELECT name, grp FROM category WHERE id = ?", arguments: [need.categoryID])
        let neighbours = Set(try String.fetchAll(db, sql: "SELECT neighbour FROM area_neighbour WHERE area = ?", arguments: [need.area]))
        return MatchNeed(need: need, categoryName: category?["name"] ?? "", categoryGroup: category?["grp"] ?? "", neighbouringAreas: neighbours)
    }

    /// Members whose open offers best fit the need's words (bm25 over offer titles), each with
    /// their best offer's relevance (1 = the best seen) and title.
    static func textRelevance(_ db: Database, for need: Need) throws -> [Int: (Double, String)] {
        guard let query = offerQuery(need.title + " " + need.description) else { return [:] }
        // The index holds open offers only, so the best few hundred come straight from it;
        // their members and titles are read for those rows alone.
        let hits = try Row.fetchAll(db, sql: """
            SELECT o.member, o.title, h.rank FROM (
                SELECT rowid, bm25(offer_search) AS rank FROM offer_search
                WHERE offer_search MATCH ? ORDER BY rank LIMIT 300
            ) h CROSS JOIN offer o ON o.id = h.rowid
            """, arguments: [query])
        let best = hits.map { -($0["rank"] as Double) }.max() ?? 0
        var relevance: [Int: (Double, String)] = [:]
        for hit in hits where best > 0 {
            let member: Int = hit["member"]
            let r = -(hit["rank"] as Double) / best
            if (relevance[member]?.0 ?? -1) < r { relevance[member] = (r, hit["title"]) }
        }
        return relevance
    }

    /// Who could help: members offering the need's category, plus those whose offers best fit
    /// its words; when that is very few, members offering anything in the same group.
    static func possibleHelpers(_ db: Database, for need: MatchNeed, relevance: [Int: (Double, String)]) throws -> PossibleHelpers {
        let inCategory = Set(try Int.fetchAll(db, sql: "SELECT DISTINCT member FROM offer WHERE category = ? AND status = 'open'",
                                              arguments: [need.need.categoryID]))
        var members = inCategory.union(relevance.keys)
        if members.count < 60 {
            members.formUnion(try Int.fetchAll(db, sql: """
                SELECT DISTINCT o.member FROM offer o JOIN category c ON c.id = o.category
                WHERE c.grp = ? AND o.status = 'open' LIMIT 500
                """, arguments: [need.categoryGroup]))
        }
        members.remove(need.need.member)
        return PossibleHelpers(members: members, offeringCategory: inCategory)
    }

    struct PossibleHelpers {
        var members: Set<Int>
        /// Those known to have an open offer in the need's category.
        var offeringCategory: Set<Int>
    }

    /// What matching knows about each of `members` from their member and vetting rows, with
    /// balance and recent giving left at zero until `rank` reads them from their accounts.
    /// With `eligibleOnly`, members the hard rules exclude whatever their score (not active; not
    /// vetted for a need that asks) are left out in SQL; `MatchScoring` still applies every
    /// hard rule to those read.
    static func candidates(_ db: Database, for need: MatchNeed, helpers: PossibleHelpers, relevance: [Int: (Double, String)],
                           today: CalendarDate, eligibleOnly: Bool) throws -> [MatchCandidate] {
        let members = helpers.members
        guard !members.isEmpty else { return [] }
        // Member numbers are integers read from the file, so they go into the SQL as they are.
        let list = members.sorted().map(String.init).joined(separator: ",")
        var rules = ""
        if eligibleOnly {
            rules = " AND m.status = 'active'"
            if need.need.needsVettedHelper { rules += " AND " + VettingSQL.complete(today: ":today") }
        }
        // The category outranks anything else in its group, so only members not known to offer
        // it (found by their offers' words, or by the group) have their offers looked at.
        var inCategory = helpers.offeringCategory.intersection(members)
        var inGroup: Set<Int> = []
        let others = members.subtracting(inCategory).sorted().map(String.init).joined(separator: ",")
        if !others.isEmpty {
            let offers = try Row.fetchCursor(db, sql: """
                SELECT o.member, max(o.category = ?), max(c.grp = ?) FROM offer o JOIN category c ON c.id = o.category
                WHERE o.status = 'open' AND o.member IN (\(others)) GROUP BY o.member
                """, arguments: [need.need.categoryID, need.categoryGroup])
            while let row = try offers.next() {
                if row[1] as Bool { inCategory.insert(row[0]) } else if row[2] as Bool { inGroup.insert(row[0]) }
            }
        }
        let needAccount = try accountID(db, .member(need.need.member))
        let excluded = Set(try Int.fetchAll(db, sql: "SELECT other FROM do_not_match WHERE member = ?1 UNION SELECT member FROM do_not_match WHERE other = ?1",
                                            arguments: [need.need.member]))
        var past: [Int: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT a.member, count(*) FROM exchange e JOIN account a ON a.id = e.giver
            WHERE e.receiver = ? AND +e.reverses IS NULL AND a.member IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM exchange r WHERE r.reverses = e.id)
            GROUP BY e.giver
            """, arguments: [needAccount]) {
            past[row[0]] = row[1]
        }
        // A thousand rows or more: read in place by column position rather than copied by name.
        var out: [MatchCandidate] = []
        out.reserveCapacity(members.count)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT m.number, m.name, m.status, m.area, m.availability, m.can_travel, m.has_transport, v.complete, v.next_review
            FROM member m LEFT JOIN vetting v ON v.member = m.number
            WHERE m.number IN (\(list))\(rules)
            """, arguments: ["today": today.iso])
        while let row = try rows.next() {
            let number: Int = row[0]
            let complete: Bool = row[7] ?? false
            let review = try row.storedOptionalDate("next_review", of: "member")
            let vetting = VettingState.of(complete: complete, nextReview: review, today: today)
            let candidate = MatchCandidate(
                member: number, name: row[1], status: try row.storedCase("status", of: "member"), area: row[3],
                availability: Availability(rawValue: row[4]), canTravel: row[5], hasTransport: row[6],
                vetting: vetting, balanceMinutes: 0, recentGivenMinutes: 0,
                pastExchangesWithMember: past[number] ?? 0, offersNeedCategory: inCategory.contains(number),
                offersNeedGroup: inGroup.contains(number), bestOfferTitle: relevance[number]?.1,
                textRelevance: relevance[number]?.0 ?? 0, doNotMatch: excluded.contains(number))
            out.append(candidate)
        }
        return out
    }

    /// Ranks candidates whose accounts are not read yet. A balance can only add points (the
    /// earn-back nudge) and recent giving only take them away (the fair-spread bonus shrinks),
    /// so each score with no giving and the nudge granted is an upper bound: the candidates
    /// are taken best bound first, their accounts read a batch at a time, and once the list is
    /// full and its last score beats every bound left, nobody left can get in.
    static func rank(_ db: Database, _ candidates: [MatchCandidate], for need: MatchNeed,
                     limit: Int, today: CalendarDate, exhaustive: Bool) throws -> [MatchResult] {
        // Positions sorted by bound, so a thousand large candidates are not moved about.
        let order = candidates.indices.compactMap { i in
            MatchScoring.points(candidates[i], for: need).map { (i, bound: $0 + MatchScoring.Weight.earnBack) }
        }.sorted { $0.bound > $1.bound }
        let since = today.adding(days: -recentDays).iso
        var exact: [MatchCandidate] = []
        var best: [Int] = []
        var next = 0
        while next < order.count {
            if !exhaustive, limit > 0, best.count >= limit, best[limit - 1] > order[next].bound { break }
            let batch = order[next ..< min(next + 32, order.count)]
            let members = batch.map { String(candidates[$0.0].member) }.joined(separator: ",")
            // Reversal entries are not giving; a covering index holds every other entry.
            var accounts: [Int: (balance: Int, recent: Int)] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT a.member, a.given_minutes - a.received_minutes,
                       (SELECT coalesce(sum(e.minutes), 0) FROM exchange e WHERE e.giver = a.id AND e.date >= ? AND e.reverses IS NULL)
                FROM account a WHERE a.member IN (\(members))
                """, arguments: [since])
            while let row = try rows.next() { accounts[row[0]] = (row[1], row[2]) }
            for (i, _) in batch {
                var candidate = candidates[i]
                candidate.balanceMinutes = accounts[candidate.member]?.balance ?? 0
                candidate.recentGivenMinutes = accounts[candidate.member]?.recent ?? 0
                exact.append(candidate)
                if let score = MatchScoring.points(candidate, for: need) {
                    best.insert(score, at: best.firstIndex { $0 < score } ?? best.endIndex)
                }
            }
            next = batch.endIndex
        }
        return MatchScoring.rank(exact, for: need, limit: limit)
    }

    /// An FTS5 OR-query of the need's meaningful words, for the open offers' titles. The index
    /// stems words (porter), so "cooking" meets "cook" without a prefix search, which would
    /// merge thousands of terms.
    static func offerQuery(_ text: String) -> String? {
        let words = Array(Set(SearchText.words(text).filter { $0.count >= 3 && !offerQueryStopWords.contains($0) })).sorted().prefix(12)
        guard !words.isEmpty else { return nil }
        // An offer's title says what it is. Descriptions mostly add noise, and category keywords
        // match every offer in a category, which the category factor already counts: at 100,000
        // members either would mean thousands more rows to score (10 ms a need on average
        // against 5 ms, and 46 ms against 13 ms at worst).
        return words.map { "\"\($0)\"" }.joined(separator: " OR ")
    }

    /// Words that say nothing about what help is wanted.
    static let offerQueryStopWords: Set<String> = [
        "the", "and", "with", "for", "her", "his", "my", "our", "their", "can", "help", "need", "needs", "would", "like", "some",
        "someone", "who", "since", "after", "from", "that", "this", "she", "him", "they", "into", "once", "week", "weekly", "please",
        "about", "any", "has", "have", "not", "get", "got", "its", "very", "few", "own", "out", "use", "used", "want", "wants",
        "made", "make", "cant", "dont", "wont", "while", "long", "just", "also", "really", "much", "more", "most",
        "other", "than", "then", "there", "these", "those", "what", "when", "where", "which", "will", "without", "bit", "lot", "lots",
        "day", "days", "time", "times", "going", "come", "came", "take", "give", "still", "been", "being", "was", "were", "are",
        "all", "but", "too", "now", "new", "one", "two", "off", "over", "only", "again", "even", "well", "back", "each", "every",
        "how", "why", "you", "your", "them", "does", "did", "doing", "done", "able", "anyone", "somebody", "something", "thing",
        "things", "keep", "wish", "hoping", "hope", "looking", "look", "find", "month", "months", "year", "years", "ago", "recently",
        "could", "should", "may", "might", "must", "let", "lets", "way", "sure", "here", "near", "away", "maybe", "often", "usually",
        "sometimes", "start", "started", "anything", "everything", "nothing", "myself", "herself", "himself", "themselves", "mum", "dad",
    ]

    /// The reverse of matching: open needs an offer could meet (its category first, then its
    /// group), each scored for the offering member exactly as the Match screen would. What
    /// matching knows of the member is read once; per need only what differs (its category,
    /// area, past exchanges between the two, do-not-match, and the text relevance, looked for
    /// only when one of the member's offers has a word of the need).
    public func needsFitting(offer id: Int, limit: Int = 20, today: CalendarDate = .today()) throws -> [(need: Need, result: MatchResult)] {
        try read { db in
            guard let offerRow = try Row.fetchOne(db, sql: "SELECT * FROM offer WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound("There is no offer number \(id).")
            }
            let offer = try Offer(row: offerRow)
            let needs = try Row.fetchAll(db, sql: """
                SELECT n.* FROM need n JOIN category c ON c.id = n.category
                WHERE n.status = 'open' AND n.member <> ?
                  AND c.grp = (SELECT grp FROM category WHERE id = ?)
                ORDER BY n.category = ? DESC, n.created LIMIT 150
                """, arguments: [offer.member, offer.categoryID, offer.categoryID]).map(Need.init(row:))
            guard !needs.isEmpty,
                  var me = try Store.candidates(db, for: Store.matchNeed(db, needID: needs[0].id),
                                                helpers: PossibleHelpers(members: [offer.member], offeringCategory: []),
                                                relevance: [:], today: today, eligibleOnly: false).first else { return [] }
            let myAccount = try Store.accountID(db, .member(offer.member))
            let since = today.adding(days: -Store.recentDays).iso
            if let account = try Row.fetchOne(db, sql: """
                SELECT given_minutes - received_minutes,
                       (SELECT coalesce(sum(e.minutes), 0) FROM exchange e WHERE e.giver = ?1 AND e.date >= ?2 AND e.reverses IS NULL)
                FROM account WHERE id = ?1
                """, arguments: [myAccount, since]) {
                me.balanceMinutes = account[0]
                me.recentGivenMinutes = account[1]
            }
            var names: [Int: String] = [:], groups: [Int: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, name, grp FROM category") { names[row[0]] = row[1]; groups[row[0]] = row[2] }
            let offered = Set(try Int.fetchAll(db, sql: "SELECT DISTINCT category FROM offer WHERE member = ? AND status = 'open'", arguments: [offer.member]))
            let offeredGroups = Set(offered.compactMap { groups[$0] })
            let blocked = Set(try Int.fetchAll(db, sql: "SELECT other FROM do_not_match WHERE member = ?1 UNION SELECT member FROM do_not_match WHERE other = ?1",
                                               arguments: [offer.member]))
            var past: [Int: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT a.member, count(*) FROM exchange e JOIN account a ON a.id = e.receiver
                WHERE e.giver = ? AND +e.reverses IS NULL AND a.member IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM exchange r WHERE r.reverses = e.id)
                GROUP BY e.receiver
                """, arguments: [myAccount]) {
                past[row[0]] = row[1]
            }
            var neighbours: [String: Set<String>] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT area, neighbour FROM area_neighbour") { neighbours[row[0], default: []].insert(row[1]) }
            let mine = try Int.fetchAll(db, sql: "SELECT id FROM offer WHERE member = ? AND status = 'open'", arguments: [offer.member])
                .map(String.init).joined(separator: ",")

            var out: [(need: Need, result: MatchResult)] = []
            // Needs worded alike (many "Weekly shopping" needs) share one full-text ranking.
            var rankedByQuery: [String: [Int: (Double, String)]] = [:]
            for need in needs {
                let group = groups[need.categoryID] ?? ""
                let matchNeed = MatchNeed(need: need, categoryName: names[need.categoryID] ?? "", categoryGroup: group,
                                          neighbouringAreas: neighbours[need.area] ?? [])
                var candidate = me
                candidate.offersNeedCategory = offered.contains(need.categoryID)
                candidate.offersNeedGroup = !candidate.offersNeedCategory && offeredGroups.contains(group)
                candidate.pastExchangesWithMember = past[need.member] ?? 0
                candidate.doNotMatch = blocked.contains(need.member)
                candidate.bestOfferTitle = nil
                candidate.textRelevance = 0
                // A need's full-text query ranks every offer with its words (a few milliseconds at
                // 100,000 members); when none of this member's offers has one, it cannot matter.
                if !mine.isEmpty, let query = Store.offerQuery(need.title + " " + need.description),
                   try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM offer_search WHERE offer_search MATCH ? AND rowid IN (\(mine)))",
                                     arguments: [query]) == true {
                    if rankedByQuery[query] == nil { rankedByQuery[query] = try Store.textRelevance(db, for: need) }
                    if let fit = rankedByQuery[query]?[offer.member] {
                        candidate.textRelevance = fit.0
                        candidate.bestOfferTitle = fit.1
                    }
                }
                if let result = MatchScoring.score(candidate, for: matchNeed) { out.append((need, result)) }
            }
            return Array(out.sorted { $0.result.score > $1.result.score }.prefix(limit))
        }
    }
}
