import ArgumentParser
import Foundation
import TimeBank
import TimeBankStore

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export members, offers, needs, exchanges or referrals as CSV or JSON, or the ledger as an hledger journal.")

    enum What: String, ExpressibleByArgument, CaseIterable { case members, offers, needs, exchanges, referrals, ledger }
    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "members, offers, needs, exchanges, referrals or ledger.") var what: What
    @Option(help: "csv or json (ledger is always an hledger journal).") var format: Format = .csv

    func run() throws {
        let store = try Session.openForReading(database)
        if what == .ledger {
            try attempt { try LedgerJournal.write(store) { print($0, terminator: "") } }
            return
        }
        let table = try attempt { try ExportTables.table(what, store) }
        print(format == .csv ? table.csv() : table.json(), terminator: "")
    }
}

enum ExportTables {
    static func table(_ what: Export.What, _ store: Store) throws -> Tabular {
        switch what {
        case .members:
            var t = Tabular(columns: MemberColumns.names)
            var offset = 0
            while true {
                let page = try store.members(MemberQuery(sort: .number), offset: offset, limit: 5000)
                t.rows += page.rows.map(MemberColumns.values)
                offset += page.rows.count
                if page.rows.count < 5000 { return t }
            }
        case .offers:
            let codes = Dictionary(uniqueKeysWithValues: try store.categories(includeInactive: true).map { ($0.id, $0.code) })
            var t = Tabular(columns: ["id", "member", "category", "title", "description", "area", "availability", "status", "created"])
            t.rows = try store.offers().map {
                [.int($0.id), .int($0.member), .text(codes[$0.categoryID] ?? ""), .text($0.title), .text($0.description), .text($0.area),
                 .text($0.availability.text), .text($0.status.rawValue), .text($0.created.iso)]
            }
            return t
        case .needs:
            let codes = Dictionary(uniqueKeysWithValues: try store.categories(includeInactive: true).map { ($0.id, $0.code) })
            var t = Tabular(columns: ["id", "member", "category", "title", "description", "area", "availability", "status", "created",
                                      "needs_vetted_helper", "requires_travel"])
            t.rows = try store.needs().map {
                [.int($0.id), .int($0.member), .text(codes[$0.categoryID] ?? ""), .text($0.title), .text($0.description), .text($0.area),
                 .text($0.availability.text), .text($0.status.rawValue), .text($0.created.iso), .bool($0.needsVettedHelper), .bool($0.requiresTravel)]
            }
            return t
        case .referrals:
            var t = Tabular(columns: ["id", "need", "offer", "helper", "status", "updated", "broker"])
            t.rows = try store.referrals().map {
                [.int($0.id), .int($0.need), $0.offer.map { .int($0) } ?? .null, .int($0.helper), .text($0.status.rawValue),
                 .text(CalendarDate.today(now: $0.updated, timeZone: TimeZone(identifier: "UTC")!).iso), .text($0.broker)]
            }
            return t
        case .exchanges:
            var t = Tabular(columns: ["id", "date", "giver", "receiver", "minutes", "hours", "category", "description", "reverses",
                                      "recorded_by", "recorded_at"])
            try store.forEachExchange { e in
                t.rows.append([.text(e.id.uuidString.lowercased()), .text(e.date.iso), .text(e.giver.description), .text(e.receiver.description),
                               .int(e.minutes), .decimal(MinutesFormat.decimalHours(e.minutes)), .text(e.categoryCode ?? ""), .text(e.description),
                               .text(e.reverses?.uuidString.lowercased() ?? ""), .text(e.recordedBy), .text(Store.timestampText(e.recordedAt))])
            }
            return t
        case .ledger:
            return Tabular(columns: [])
        }
    }
}

/// The ledger as an hledger/ledger journal: one transaction per exchange, amounts in minutes,
/// the giver's posting positive so hledger's balance of each account equals ours (given − received).
enum LedgerJournal {
    static func write(_ store: Store, _ out: (String) -> Void) throws {
        out("; Time bank ledger exported \(Store.timestampText(Date()))\n; Amounts are minutes; an account's balance is hours given minus hours received.\n\n")
        try store.forEachExchange { e in
            let what = e.description.isEmpty ? (e.categoryCode ?? "exchange") : e.description
            let text = what.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F || $0 == ";" ? " " : String($0) }.joined()
            out("\(e.date.iso) \(text)  ; id:\(e.id.uuidString.lowercased())\(e.reverses.map { ", reverses:\($0.uuidString.lowercased())" } ?? "")\(e.group.map { ", group:\($0.uuidString.lowercased())" } ?? "")\n")
            out("    \(account(e.giver))  \(e.minutes) min\n")
            out("    \(account(e.receiver))  -\(e.minutes) min\n\n")
        }
    }

    static func account(_ ref: AccountRef) -> String {
        switch ref {
        case .pot: return "pot"
        case .member(let n): return "members:\(n)"
        }
    }
}
