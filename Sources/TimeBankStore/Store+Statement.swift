import Foundation
import GRDB
import TimeBank

extension Store {
    public func statement(for ref: AccountRef, from: CalendarDate? = nil, to: CalendarDate? = nil) throws -> Statement {
        try read { db in
            let id = try Store.accountID(db, ref)
            let name = try Store.accountName(db, ref)
            let opening: Int
            if let from {
                opening = try Int.fetchOne(db, sql: """
                    SELECT coalesce(sum(CASE WHEN giver = :a THEN minutes ELSE -minutes END), 0)
                    FROM exchange WHERE (giver = :a OR receiver = :a) AND date < :from
                    """, arguments: ["a": id, "from": from.iso]) ?? 0
            } else {
                opening = 0
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(Exchange.selection), r.id AS reversed_by, c.name AS category_name
                FROM exchange e \(Exchange.accounts)
                LEFT JOIN exchange r ON r.reverses = e.id
                LEFT JOIN category c ON c.code = e.category
                WHERE (e.giver = :a OR e.receiver = :a) AND e.date >= :from AND e.date <= :to
                ORDER BY e.date, e.seq
                """, arguments: ["a": id, "from": from?.iso ?? "0000-00-00", "to": to?.iso ?? "9999-99-99"])
            var balance = opening
            var given = 0, received = 0, granted = 0
            var names: [AccountRef: String] = [:]
            var lines: [StatementLine] = []
            for row in rows {
                let e = try Exchange(row: row)
                let credited = e.giver == ref
                let signed = credited ? e.minutes : -e.minutes
                balance += signed
                let partner = credited ? e.receiver : e.giver
                // A reversal undoes the original's side: credited now means a receipt was taken back.
                let originalCredited = e.reverses == nil ? credited : !credited
                let column: StatementColumn = PotGrant.isGrant(partner: partner, categoryCode: e.categoryCode) && originalCredited
                    ? .potGrant : originalCredited ? .given : .received
                let amount = e.reverses == nil ? e.minutes : -e.minutes
                switch column {
                case .given: given += amount
                case .received: received += amount
                case .potGrant: granted += amount
                }
                if names[partner] == nil { names[partner] = try Store.accountName(db, partner) }
                lines.append(StatementLine(
                    exchange: e, partner: partner, partnerName: names[partner] ?? "", categoryName: row["category_name"] ?? "",
                    signedMinutes: signed, balanceAfter: balance,
                    reversedBy: try row.storedOptionalUUID("reversed_by", of: "exchange"), column: column))
            }
            return Statement(account: ref, name: name, from: from, to: to, openingBalance: opening, lines: lines,
                             givenMinutes: given, receivedMinutes: received, potGrantMinutes: granted)
        }
    }

    /// Every exchange in ledger order, streamed in pages so exports of a million rows stay small in memory.
    public func forEachExchange(pageSize: Int = 5000, _ body: (Exchange) throws -> Void) throws {
        var after: Int64 = 0
        while true {
            let page: [(Int64, Exchange)] = try read { db in
                try Row.fetchAll(db, sql: Exchange.select("WHERE e.seq > ? ORDER BY e.seq LIMIT ?"), arguments: [after, pageSize]).map { row in
                    (try row.stored("seq", of: "exchange"), try Exchange(row: row))
                }
            }
            for (_, e) in page { try body(e) }
            guard page.count == pageSize, let last = page.last else { return }
            after = last.0
        }
    }

    public func exchangeCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM exchange") ?? 0 }
    }
}
