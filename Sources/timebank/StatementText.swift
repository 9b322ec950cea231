import Foundation
import TimeBank
import TimeBankStore

/// A statement's CSV and JSON forms (the paper form is Printouts' StatementPaper).
enum StatementText {
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
              "pot_grant_minutes": \(s.potGrantMinutes),
              "balance_minutes": \(s.closingBalance),
              "exchanges": [\(lines.rows.isEmpty ? "" : "\n" + entries + "\n  ")]
            }
            """
    }
}
