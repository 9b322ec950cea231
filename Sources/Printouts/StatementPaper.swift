import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// The printable paper statement for members who are not online: the same text from the console
/// (F7) and from `timebank statement M --format text`. A member checks it line by line, so every
/// total is the sum of its column: a reversal is its own line, counted once, as minus its
/// original in the original's column; the welcome credit has a column of its own, never "given".
/// Names and descriptions wrap onto further rows instead of being cut.
public enum StatementPaper {
    /// Column widths, each including the space that separates it from the next.
    static let dateWidth = 11, withWidth = 20, whatWidth = 22, givenWidth = 8, receivedWidth = 9, potWidth = 6, balanceWidth = 9
    static var width: Int { dateWidth + withWidth + whatWidth + givenWidth + receivedWidth + potWidth + balanceWidth }

    public static func render(_ s: TimeBankStore.Statement, timeBank: String, printed: CalendarDate) -> String {
        var out: [String] = []
        out += TextWrap.wrap("\(timeBank) — statement of hours", width: width)
        out += TextWrap.wrap("\(s.name) (\(s.account == .pot ? "community pot" : "member \(s.account)"))", width: width)
        out.append("Period: \(s.from?.british ?? "the beginning") to \(s.to?.british ?? printed.british)    Printed: \(printed.british)")
        out.append("")
        out.append(pad("Date", dateWidth) + pad("With", withWidth) + pad("What", whatWidth) + lpad("Given", givenWidth)
            + lpad("Received", receivedWidth) + lpad("Pot", potWidth) + lpad("Balance", balanceWidth))
        out.append(String(repeating: "-", count: width))
        if s.from != nil {
            out.append(pad("", dateWidth) + pad("Balance brought forward", width - dateWidth - balanceWidth)
                + lpad(MinutesFormat.clock(s.openingBalance), balanceWidth))
        }
        let dates = Dictionary(s.lines.map { ($0.exchange.id, $0.exchange.date) }, uniquingKeysWith: { a, _ in a })
        for line in s.lines { out += rows(line, originalDates: dates) }
        out.append(String(repeating: "-", count: width))
        let labelWidth = width - balanceWidth
        if s.from != nil { out.append(pad("Balance brought forward", labelWidth) + lpad(MinutesFormat.clock(s.openingBalance), balanceWidth)) }
        out.append(pad("Hours given (the Given column)", labelWidth) + lpad(MinutesFormat.clock(s.givenMinutes), balanceWidth))
        out.append(pad("Hours received (the Received column)", labelWidth) + lpad(MinutesFormat.clock(s.receivedMinutes), balanceWidth))
        out.append(pad("Credits from the community pot (the Pot column)", labelWidth) + lpad(MinutesFormat.clock(s.potGrantMinutes), balanceWidth))
        out.append(pad("Balance", labelWidth) + lpad(MinutesFormat.clock(s.closingBalance), balanceWidth))
        out.append("")
        out.append("Every hour is worth the same: one hour of help, one time credit.")
        return out.map { trimmed($0) }.joined(separator: "\n") + "\n"
    }

    /// One entry: the amounts on its first row, its partner and description wrapped below.
    static func rows(_ line: StatementLine, originalDates: [UUID: CalendarDate]) -> [String] {
        let e = line.exchange
        var what: String
        if line.column == .potGrant {
            what = PotGrant.wording(categoryCode: e.categoryCode)
        } else {
            what = e.description.isEmpty ? line.categoryName : e.description
        }
        if let original = e.reverses {
            let of = originalDates[original].map { " of \($0.british)" } ?? ""
            what = "Correction\(of): " + e.description.replacingOccurrences(of: "Reversal: ", with: "")
        }
        if line.reversedBy != nil { what += " (reversed below)" }
        let amount = MinutesFormat.clock(TimeBankStore.Statement.columnMinutes(line))
        let withLines = TextWrap.wrap(line.partnerName, width: withWidth - 1)
        let whatLines = TextWrap.wrap(what, width: whatWidth - 1)
        var out: [String] = []
        for i in 0..<max(1, withLines.count, whatLines.count) {
            var row = pad(i == 0 ? e.date.british : "", dateWidth) + pad(i < withLines.count ? withLines[i] : "", withWidth)
                + pad(i < whatLines.count ? whatLines[i] : "", whatWidth)
            if i == 0 {
                row += lpad(line.column == .given ? amount : "", givenWidth) + lpad(line.column == .received ? amount : "", receivedWidth)
                    + lpad(line.column == .potGrant ? amount : "", potWidth) + lpad(MinutesFormat.clock(line.balanceAfter), balanceWidth)
            }
            out.append(row)
        }
        return out
    }

    /// Fills text to a column's display width; the text was wrapped to fit, so nothing is cut.
    static func pad(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(1, width - DisplayWidth.of(s)))
    }

    static func lpad(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(s))) + s
    }

    static func trimmed(_ s: String) -> String {
        var t = s
        while t.last == " " { t.removeLast() }
        return t
    }

    /// The name offered for the file: statement-M-DATE.txt, or -2, -3… if that is taken in `folder`.
    public static func defaultName(_ s: TimeBankStore.Statement, printed: CalendarDate, folder: String) -> String {
        let base = "statement-\(s.account)-\(printed.iso)"
        var name = base + ".txt"
        var n = 2
        while FileManager.default.fileExists(atPath: folder + "/" + name) {
            name = "\(base)-\(n).txt"
            n += 1
        }
        return name
    }

    /// Writes the statement as `name` in `folder` (or at `name` itself when it is a full path),
    /// readable by its owner only: it carries a member's name and dealings. Never overwrites a
    /// file. Returns the path.
    public static func write(_ s: TimeBankStore.Statement, timeBank: String, printed: CalendarDate, folder: String,
                             name: String? = nil) throws -> String {
        let chosen = (name ?? defaultName(s, printed: printed, folder: folder)).trimmingCharacters(in: .whitespaces)
        guard !chosen.isEmpty else { throw StoreError.invalid("Give the file a name.") }
        let path = chosen.hasPrefix("/") ? chosen : folder + "/" + chosen
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError.invalid("\(chosen) already exists; choose another name.")
        }
        let data = Data(render(s, timeBank: timeBank, printed: printed).utf8)
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.invalid("The statement could not be written to \(path).")
        }
        return path
    }
}
