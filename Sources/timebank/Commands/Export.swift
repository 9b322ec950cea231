import ArgumentParser
import Foundation
import TimeBank
import TimeBankStore

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export members, offers, needs, exchanges or referrals as CSV or JSON, or the ledger as an hledger journal.",
        discussion: """
            Rows are written as they are read, in constant memory. In CSV a text cell that begins with =, +, -, @, a tab or a \
            carriage return gets a leading ' so a spreadsheet shows it rather than running it; 'timebank import' takes it off.
            """)

    enum What: String, ExpressibleByArgument, CaseIterable { case members, offers, needs, exchanges, referrals, ledger }
    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "members, offers, needs, exchanges, referrals or ledger.") var what: What
    @Option(help: "csv or json (ledger is always an hledger journal).") var format: Format = .csv

    func run() throws {
        let store = try Session.openForReading(database)
        let out = CommandOutput.standardOutput()
        try attempt {
            if what == .ledger {
                try LedgerJournal.write(store, out)
            } else {
                try ExportTables.stream(what, store, format: format == .csv ? .csv : .json, out: out)
            }
        }
    }
}

enum ExportTables {
    static let offerColumns = ["id", "member", "category", "title", "description", "area", "availability", "status", "created"]
    static let needColumns = offerColumns + ["needs_vetted_helper", "requires_travel"]
    static let referralColumns = ["id", "need", "offer", "helper", "status", "updated", "broker"]
    static let exchangeColumns = ["id", "date", "giver", "receiver", "minutes", "hours", "category", "description", "reverses",
                                  "recorded_by", "recorded_at"]

    static func stream(_ what: Export.What, _ store: Store, format: ExportSink.Format, out: CommandOutput) throws {
        switch what {
        case .members:
            var sink = try ExportSink(format, columns: MemberColumns.names, out: out)
            // Pages by number: each page is one short read, so memory stays that of one page.
            var offset = 0
            while true {
                let page = try store.members(MemberQuery(sort: .number), offset: offset, limit: 5000)
                for m in page.rows { try sink.row(MemberColumns.values(m)) }
                offset += page.rows.count
                if page.rows.count < 5000 { break }
            }
            try sink.finish()
        case .offers:
            let codes = try categoryCodes(store)
            var sink = try ExportSink(format, columns: offerColumns, out: out)
            try store.forEachOffer { o in
                try sink.row([.int(o.id), .int(o.member), .text(codes[o.categoryID] ?? ""), .text(o.title), .text(o.description), .text(o.area),
                              .text(o.availability.text), .text(o.status.rawValue), .text(o.created.iso)])
            }
            try sink.finish()
        case .needs:
            let codes = try categoryCodes(store)
            var sink = try ExportSink(format, columns: needColumns, out: out)
            try store.forEachNeed { n in
                try sink.row([.int(n.id), .int(n.member), .text(codes[n.categoryID] ?? ""), .text(n.title), .text(n.description), .text(n.area),
                              .text(n.availability.text), .text(n.status.rawValue), .text(n.created.iso), .bool(n.needsVettedHelper),
                              .bool(n.requiresTravel)])
            }
            try sink.finish()
        case .referrals:
            var sink = try ExportSink(format, columns: referralColumns, out: out)
            let utc = TimeZone(identifier: "UTC") ?? .current
            try store.forEachReferral { r in
                try sink.row([.int(r.id), .int(r.need), r.offer.map { .int($0) } ?? .null, .int(r.helper), .text(r.status.rawValue),
                              .text(CalendarDate.today(now: r.updated, timeZone: utc).iso), .text(r.broker)])
            }
            try sink.finish()
        case .exchanges:
            if format == .csv {
                // Half a million rows: written straight to the line, without a Value per cell.
                try out.write(exchangeColumns.joined(separator: ",") + "\r\n")
                // An exchange is at most 24 hours: both number columns come from a table made once.
                let minutesText = (0...DurationParser.maximum).map { String($0) }
                let hoursText = (0...DurationParser.maximum).map { MinutesFormat.decimalHours($0) }
                var line = String()
                line.reserveCapacity(256)
                try store.forEachExchangeRow { e in
                    line.removeAll(keepingCapacity: true)
                    line.append(e.id); line.append(","); line.append(e.date); line.append(","); line.append(e.giver); line.append(",")
                    line.append(e.receiver); line.append(",")
                    let inRange = minutesText.indices.contains(e.minutes)
                    line.append(inRange ? minutesText[e.minutes] : String(e.minutes)); line.append(",")
                    line.append(inRange ? hoursText[e.minutes] : MinutesFormat.decimalHours(e.minutes)); line.append(",")
                    ExportSink.appendCell(e.category, to: &line); line.append(",")
                    ExportSink.appendCell(e.description, to: &line); line.append(",")
                    line.append(e.reverses); line.append(",")
                    ExportSink.appendCell(e.recordedBy, to: &line); line.append(",")
                    line.append(e.recordedAt); line.append("\r\n")
                    try out.write(line)
                }
                try out.flush()
                return
            }
            var sink = try ExportSink(format, columns: exchangeColumns, out: out)
            try store.forEachExchangeRow { e in
                try sink.row([.text(e.id), .text(e.date), .text(e.giver), .text(e.receiver), .int(e.minutes),
                              .decimal(MinutesFormat.decimalHours(e.minutes)), .text(e.category), .text(e.description), .text(e.reverses),
                              .text(e.recordedBy), .text(e.recordedAt)])
            }
            try sink.finish()
        case .ledger:
            try LedgerJournal.write(store, out)
        }
    }

    static func categoryCodes(_ store: Store) throws -> [Int: String] {
        Dictionary(try store.categories(includeInactive: true).map { ($0.id, $0.code) }, uniquingKeysWith: { first, _ in first })
    }
}

/// The ledger as an hledger/ledger journal: one transaction per exchange, amounts in minutes,
/// the giver's posting positive so hledger's balance of each account equals ours (given − received);
/// tags name the entry (`id`), what it reverses, its group activity and its category.
enum LedgerJournal {
    static func write(_ store: Store, _ out: CommandOutput) throws {
        try out.write("; Time bank ledger exported \(Store.timestampText(Date()))\n; Amounts are minutes; an account's balance is hours given minus hours received.\n\n")
        try store.forEachExchangeRow { e in
            let what = e.description.isEmpty ? (e.category.isEmpty ? "exchange" : e.category) : e.description
            // Most texts hold nothing a journal parser minds: checked byte by byte, copied only when they do.
            let clean = !what.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0x3B }
            let text = clean ? what : String(String.UnicodeScalarView(what.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F || $0 == ";" ? " " : $0 }))
            let reverses = e.reverses.isEmpty ? "" : ", reverses:\(e.reverses)"
            let group = e.group.isEmpty ? "" : ", group:\(e.group)"
            // The category as a tag, so hledger can total hours by it (`--pivot category`). Codes are letters,
            // digits, dots and hyphens; anything else a tag value cannot hold becomes a hyphen.
            let plainCode = !e.category.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0x3B || $0 == 0x2C }
            let code = plainCode ? e.category : String(String.UnicodeScalarView(e.category.unicodeScalars.map {
                $0.value < 0x20 || $0.value == 0x7F || $0 == ";" || $0 == "," ? "-" : $0 }))
            let category = code.isEmpty ? "" : ", category:\(code)"
            try out.write("\(e.date) \(text)  ; id:\(e.id)\(reverses)\(group)\(category)\n    \(account(e.giver))  \(e.minutes) min\n    \(account(e.receiver))  -\(e.minutes) min\n\n")
        }
        try out.flush()
    }

    /// `pot`, `opening`, or `members:N`: the export row's account as a journal account.
    static func account(_ exported: String) -> String {
        exported == "pot" || exported == "opening" ? exported : "members:\(exported)"
    }
}
