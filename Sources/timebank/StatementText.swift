import Foundation
import TimeBank
import TimeBankStore

/// The paper statement and its CSV/JSON forms; the console writes the same text to a file.
enum StatementText {
    static func render(_ s: TimeBankStore.Statement, timeBank: String, printed: CalendarDate) -> String {
        let c = { (t: String) in Printable.clean(t) }
        var out = ""
        out += "\(c(timeBank)) — statement of hours\n"
        out += "\(c(s.name)) (\(s.account == .pot ? "community pot" : "member \(s.account)"))\n"
        let period = "\(s.from?.british ?? "the beginning") to \(s.to?.british ?? printed.british)"
        out += "Period: \(period)    Printed: \(printed.british)\n\n"
        out += pad("Date", 11) + pad("With", 24) + pad("What", 28) + lpad("Given", 7) + lpad("Received", 9) + lpad("Balance", 9) + "\n"
        out += String(repeating: "-", count: 88) + "\n"
        if s.from != nil { out += pad("", 11) + pad("Balance brought forward", 52) + lpad("", 16) + lpad(MinutesFormat.clock(s.openingBalance), 9) + "\n" }
        for line in s.lines {
            let e = line.exchange
            var what = e.description.isEmpty ? line.categoryName : e.description
            if e.reverses != nil { what = "Correction: " + what.replacingOccurrences(of: "Reversal: ", with: "") }
            if line.reversedBy != nil { what += " (reversed)" }
            let given = line.signedMinutes > 0 ? MinutesFormat.clock(line.signedMinutes) : ""
            let received = line.signedMinutes < 0 ? MinutesFormat.clock(-line.signedMinutes) : ""
            out += pad(e.date.british, 11) + pad(c(line.partnerName), 24) + pad(c(what), 28) + lpad(given, 7) + lpad(received, 9)
                + lpad(MinutesFormat.clock(line.balanceAfter), 9) + "\n"
        }
        out += String(repeating: "-", count: 88) + "\n"
        out += "Hours given: \(MinutesFormat.clock(s.givenMinutes))    Hours received: \(MinutesFormat.clock(s.receivedMinutes))    Balance: \(MinutesFormat.clock(s.closingBalance))\n"
        out += "\nEvery hour is worth the same: one hour of help, one time credit.\n"
        return out
    }

    /// Fits text to a column by characters, cutting with an ellipsis, so columns line up on paper.
    static func pad(_ s: String, _ width: Int) -> String {
        let t = s.count > width - 1 ? String(s.prefix(width - 2)) + "…" : s
        return t + String(repeating: " ", count: max(1, width - t.count))
    }

    static func lpad(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - s.count)) + s
    }

    static func table(_ s: TimeBankStore.Statement) -> Tabular {
        var t = Tabular(columns: ["id", "date", "partner", "partner_name", "category", "description", "minutes", "hours",
                                  "balance_minutes", "reverses", "reversed_by"])
        t.rows = s.lines.map { l in
            [.text(l.exchange.id.uuidString.lowercased()), .text(l.exchange.date.iso), .text(l.partner.description), .text(l.partnerName),
             .text(l.exchange.categoryCode ?? ""), .text(l.exchange.description), .int(l.signedMinutes),
             .decimal(MinutesFormat.decimalHours(l.signedMinutes)), .int(l.balanceAfter),
             l.exchange.reverses.map { .text($0.uuidString.lowercased()) } ?? .null,
             l.reversedBy.map { .text($0.uuidString.lowercased()) } ?? .null]
        }
        return t
    }

    static func json(_ s: TimeBankStore.Statement) -> String {
        let lines = table(s)
        let entries = lines.rows.indices.map { "    " + lines.jsonObject(row: $0) }.joined(separator: ",\n")
        return """
            {
              "member": \(Value.quoteJSON(s.account.description)),
              "name": \(Value.quoteJSON(s.name)),
              "from": \(s.from.map { Value.quoteJSON($0.iso) } ?? "null"),
              "to": \(s.to.map { Value.quoteJSON($0.iso) } ?? "null"),
              "opening_balance_minutes": \(s.openingBalance),
              "given_minutes": \(s.givenMinutes),
              "received_minutes": \(s.receivedMinutes),
              "balance_minutes": \(s.closingBalance),
              "exchanges": [\(lines.rows.isEmpty ? "" : "\n" + entries + "\n  ")]
            }
            """
    }
}
