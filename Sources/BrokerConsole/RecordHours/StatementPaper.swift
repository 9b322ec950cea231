import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// The printable paper statement for members who are not online: the same text as
/// `timebank statement M --format text`, so what the broker prints matches the command line.
public enum StatementPaper {
    public static func render(_ s: TimeBankStore.Statement, timeBank: String, printed: CalendarDate) -> String {
        let c = { (t: String) in Sanitizer.clean(t) }
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

    /// Writes the statement into `folder` as statement-M-DATE.txt (a new name if that exists),
    /// readable by its owner only: it carries a member's name and dealings. Returns the path.
    public static func write(_ s: TimeBankStore.Statement, timeBank: String, printed: CalendarDate, folder: String) throws -> String {
        let base = "\(folder)/statement-\(s.account)-\(printed.iso)"
        var path = base + ".txt"
        var n = 2
        while FileManager.default.fileExists(atPath: path) {
            path = "\(base)-\(n).txt"
            n += 1
        }
        let data = Data(render(s, timeBank: timeBank, printed: printed).utf8)
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.invalid("The statement could not be written to \(path).")
        }
        return path
    }
}
