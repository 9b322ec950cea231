import Foundation
import GRDB
import TimeBank

/// The ledger-wide search behind Record hours' "Find an exchange" and `timebank exchanges find`:
/// every term of an `ExchangeSearch` must hold, and the window comes newest first (date of
/// service, then the order of recording).
public enum ExchangeFinder {
    /// Matches are counted this far: the search is for one exchange, and a broad one asks for more words.
    public static let countLimit = 1000
}

extension Store {
    public func findExchanges(_ search: ExchangeSearch, offset: Int, limit: Int) throws -> FoundExchanges {
        try read { db in try Store.findExchanges(db, search, offset: max(0, offset), limit: max(0, limit)) }
    }

    static func findExchanges(_ db: Database, _ search: ExchangeSearch, offset: Int, limit: Int) throws -> FoundExchanges {
        guard let filter = try ExchangeFilter(db, search) else { return FoundExchanges(rows: [], total: 0, totalIsAtLeast: false) }
        let cap = ExchangeFinder.countLimit
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM exchange e WHERE \(filter.sql(scanning: false)) LIMIT \(cap))",
                                     arguments: filter.arguments) ?? 0
        // Few matches: read them through the most selective term and sort them (the `+` keeps
        // SQLite from walking the whole date index instead). Many: walk the ledger newest first
        // through the date index and stop at the window, never sorting them all.
        let broad = total >= cap
        // The window first, then what is shown of its rows: joined before the LIMIT, SQLite may
        // build a temporary index over the whole ledger to find reversals.
        let sql = """
            SELECT w.*, ga.kind AS giver_kind, ga.member AS giver_member, ra.kind AS receiver_kind, ra.member AS receiver_member,
                   (SELECT r.id FROM exchange r WHERE r.reverses = w.id) AS reversed_by,
                   (SELECT c.name FROM category c WHERE c.code = w.category) AS category_name
            FROM (SELECT e.* FROM exchange e \(broad ? "INDEXED BY exchange_date" : "")
                  WHERE \(filter.sql(scanning: broad))
                  ORDER BY \(broad ? "e.date DESC, e.seq DESC" : "+e.date DESC, +e.seq DESC") LIMIT \(limit) OFFSET \(offset)) w
            LEFT JOIN account ga ON ga.id = w.giver LEFT JOIN account ra ON ra.id = w.receiver
            ORDER BY w.date DESC, w.seq DESC
            """
        let rows = try Row.fetchAll(db, sql: sql, arguments: filter.arguments)
        var names: [AccountRef: String] = [:]
        func name(_ ref: AccountRef) throws -> String {
            if let known = names[ref] { return known }
            let found = try Store.accountName(db, ref)
            names[ref] = found
            return found
        }
        let found = try rows.map { row -> FoundExchange in
            let e = try Exchange(row: row)
            return FoundExchange(exchange: e, giverName: try name(e.giver), receiverName: try name(e.receiver),
                                 categoryName: row["category_name"] ?? "",
                                 reversedBy: try row.storedOptionalUUID("reversed_by", of: "exchange"))
        }
        return FoundExchanges(rows: found, total: total, totalIsAtLeast: broad)
    }
}

/// A search's terms as one SQL condition on `exchange e`, its arguments bound by name.
struct ExchangeFilter {
    private var conditions: [(sql: String, indexable: Bool)] = []
    private(set) var arguments = StatementArguments()

    /// Nil when a term can match nothing (a member number that does not exist).
    init?(_ db: Database, _ search: ExchangeSearch) throws {
        var named: [String: (any DatabaseValueConvertible)?] = [:]
        // The community pot and the opening balances have names but no member: their words are matched here.
        let unnamed = try Row.fetchAll(db, sql: "SELECT id, kind FROM account WHERE kind IN ('pot', 'opening')").map { row -> (Int64, [String]) in
            let kind: String = row["kind"]
            return (row["id"], SearchText.words(kind == "pot" ? Store.potName : Store.openingName))
        }
        for (i, term) in search.terms.enumerated() {
            switch term {
            case .member(let n):
                guard let account = try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE member = ?", arguments: [n]) else { return nil }
                named["a\(i)"] = account
                conditions.append(("(e.giver = :a\(i) OR e.receiver = :a\(i))", true))
            case .dates(let from, let to):
                named["f\(i)"] = from.iso
                named["t\(i)"] = to.iso
                conditions.append(("e.date BETWEEN :f\(i) AND :t\(i)", true))
            case .minutes(let m):
                named["m\(i)"] = m
                conditions.append(("e.minutes = :m\(i)", false))
            case .word(let w):
                // Folded words hold letters and digits only, so the quoted prefix is always a valid query.
                named["n\(i)"] = "names : \"\(w)\"*"
                named["w\(i)"] = "\"\(w)\"*"
                var members = "SELECT a.id FROM member_search s JOIN account a ON a.member = s.rowid WHERE member_search MATCH :n\(i)"
                for (account, words) in unnamed where words.contains(where: { $0.hasPrefix(w) }) {
                    members += " UNION ALL SELECT \(account)"
                }
                conditions.append(("""
                    (e.giver IN (\(members)) OR e.receiver IN (\(members))
                     OR e.seq IN (SELECT rowid FROM exchange_text WHERE exchange_text MATCH :w\(i)))
                    """, true))
            }
        }
        arguments = StatementArguments(named)
    }

    /// The condition; when `scanning` the date index, the other terms are kept off their indexes
    /// (a leading `+`), so SQLite walks the dates in order and tests each entry.
    func sql(scanning: Bool) -> String {
        guard !conditions.isEmpty else { return "1" }
        return conditions.map { c in
            guard scanning, c.indexable, !c.sql.hasPrefix("e.date") else { return c.sql }
            return c.sql.replacingOccurrences(of: "e.giver", with: "+e.giver").replacingOccurrences(of: "e.receiver", with: "+e.receiver")
                .replacingOccurrences(of: "e.seq IN", with: "+e.seq IN")
        }.joined(separator: " AND ")
    }
}
