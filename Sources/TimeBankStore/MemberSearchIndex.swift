import GRDB
import TimeBank

/// The search-as-you-type index: folded words in an FTS5 table keyed by member number, so a
/// keystroke is one indexed query, never a scan in Swift. Screen and command line both use it.
enum MemberSearchIndex {
    static func reindex(_ db: Database, member n: Int) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT name, preferred_name, phone, email, postcode FROM member WHERE number = ?", arguments: [n]) else { return }
        let offers = try String.fetchAll(db, sql: """
            SELECT o.title || ' ' || o.description || ' ' || c.name || ' ' || c.keywords
            FROM offer o JOIN category c ON c.id = o.category WHERE o.member = ? AND o.status <> 'closed' ORDER BY o.id
            """, arguments: [n])
        try db.execute(sql: "DELETE FROM member_search WHERE rowid = ?", arguments: [n])
        try db.execute(sql: "INSERT INTO member_search (rowid, names, contact, offers) VALUES (?, ?, ?, ?)", arguments: [
            n, names(row["name"], row["preferred_name"]), contact(number: n, phone: row["phone"], email: row["email"], postcode: row["postcode"]),
            SearchText.fold(offers.joined(separator: " ")),
        ])
    }

    static func names(_ name: String, _ preferred: String) -> String {
        SearchText.fold(name + " " + preferred)
    }

    static func contact(number: Int, phone: String, email: String, postcode: String) -> String {
        [String(number), SearchText.compact(phone), SearchText.fold(email), SearchText.compact(postcode)].joined(separator: " ")
    }

    /// An FTS5 query for what was typed: every word must prefix-match somewhere; digits and
    /// postcode pieces typed with spaces also match their compact form ("gl1 2ab" → "gl12ab").
    static func matchExpression(_ text: String) -> String? {
        let words = SearchText.words(text).prefix(8)
        guard !words.isEmpty else { return nil }
        let all = words.map { "\"\($0)\"*" }.joined(separator: " AND ")
        guard words.count > 1 else { return all }
        let compact = "\"\(words.joined())\"*"
        return "(\(all)) OR \(compact)"
    }

    /// The test `matchExpression` makes, written against one member's stored search text, for
    /// plans that walk members in name order and look at each one in turn: a broad search
    /// finds its first screenful within a few dozen members, far cheaper than reading every
    /// match. The stored text is folded words separated by single spaces, and the index splits
    /// words at spaces only (see the v6 migration), so "some word starts with w" is exactly
    /// "the text, after a leading space, contains a space then w".
    static func wordTest(_ text: String, columns: [String], argumentPrefix: String = "w") -> (sql: String, arguments: [String: String])? {
        let words = Array(SearchText.words(text).prefix(8))
        guard !words.isEmpty else { return nil }
        let haystack = "(' ' || " + columns.joined(separator: " || ' ' || ") + ")"
        var arguments: [String: String] = [:]
        func contains(_ word: String) -> String {
            let name = "\(argumentPrefix)\(arguments.count)"
            arguments[name] = " " + word
            return "instr(\(haystack), :\(name)) > 0"
        }
        let all = words.map(contains).joined(separator: " AND ")
        guard words.count > 1 else { return (all, arguments) }
        return ("((\(all)) OR \(contains(words.joined())))", arguments)
    }
}
