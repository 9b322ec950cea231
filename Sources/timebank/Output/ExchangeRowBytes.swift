import TimeBank
import TimeBankStore

/// `export exchanges` as CSV and `export ledger` write half a million rows: each row is built as
/// bytes straight from SQLite's into the output buffer, with no String per cell. What they write
/// is byte for byte what the contracts say (the export tests hold them to it).
struct ExchangeRowBytes {
    typealias Row = Store.ExchangeExportBytes

    /// An exchange is at most 24 hours: the minutes and decimal hours of every length, made once.
    private let minutesText: [[UInt8]]
    private let hoursText: [[UInt8]]

    init() {
        minutesText = (0...DurationParser.maximum).map { Array(String($0).utf8) }
        hoursText = (0...DurationParser.maximum).map { Array(MinutesFormat.decimalHours($0).utf8) }
    }

    /// One line of `export exchanges` (CSV), ending in CRLF.
    func csv(_ e: Row, to out: inout [UInt8]) {
        out.append(contentsOf: e.text(.id)); out.append(0x2C)
        out.append(contentsOf: e.text(.date)); out.append(0x2C)
        out.append(contentsOf: e.text(.giver)); out.append(0x2C)
        out.append(contentsOf: e.text(.receiver)); out.append(0x2C)
        let minutes = e.integer(.minutes)
        if minutesText.indices.contains(minutes) {
            out.append(contentsOf: minutesText[minutes]); out.append(0x2C)
            out.append(contentsOf: hoursText[minutes]); out.append(0x2C)
        } else {
            CSVCell.appendInteger(minutes, to: &out); out.append(0x2C)
            out.append(contentsOf: MinutesFormat.decimalHours(minutes).utf8); out.append(0x2C)
        }
        CSVCell.append(e.text(.category), protect: true, to: &out); out.append(0x2C)
        CSVCell.append(e.text(.description), protect: true, to: &out); out.append(0x2C)
        out.append(contentsOf: e.text(.reverses)); out.append(0x2C)
        CSVCell.append(e.text(.recordedBy), protect: true, to: &out); out.append(0x2C)
        out.append(contentsOf: e.text(.recordedAt)); out.append(0x0D); out.append(0x0A)
    }

    /// One transaction of `export ledger`: the giver's posting positive, so hledger's balance of
    /// each account equals ours (given − received); tags name the entry (`id`), what it reverses,
    /// its group activity and its category.
    func journal(_ e: Row, to out: inout [UInt8]) {
        out.append(contentsOf: e.text(.date)); out.append(0x20)
        let description = e.text(.description), category = e.text(.category)
        let what = !description.isEmpty ? description : category
        if what.isEmpty {
            out.append(contentsOf: "exchange".utf8)
        } else {
            // A journal parser minds control characters and ";" (a comment): each becomes a space.
            // All are single bytes in UTF-8, so byte by byte is character by character.
            for b in what { out.append(b < 0x20 || b == 0x7F || b == 0x3B ? 0x20 : b) }
        }
        out.append(contentsOf: "  ; id:".utf8); out.append(contentsOf: e.text(.id))
        let reverses = e.text(.reverses), group = e.text(.group)
        if !reverses.isEmpty { out.append(contentsOf: ", reverses:".utf8); out.append(contentsOf: reverses) }
        if !group.isEmpty { out.append(contentsOf: ", group:".utf8); out.append(contentsOf: group) }
        // The category as a tag, so hledger can total hours by it (`--pivot category`): a tag value
        // cannot hold a control character, ";" or ",", so each becomes "-".
        if !category.isEmpty {
            out.append(contentsOf: ", category:".utf8)
            for b in category { out.append(b < 0x20 || b == 0x7F || b == 0x3B || b == 0x2C ? 0x2D : b) }
        }
        let minutes = e.integer(.minutes)
        out.append(contentsOf: "\n    ".utf8); Self.account(e.text(.giver), to: &out)
        out.append(0x20); out.append(0x20); CSVCell.appendInteger(minutes, to: &out); out.append(contentsOf: " min\n    ".utf8)
        Self.account(e.text(.receiver), to: &out)
        out.append(contentsOf: "  -".utf8); CSVCell.appendInteger(minutes, to: &out); out.append(contentsOf: " min\n\n".utf8)
    }

    /// `pot`, `opening`, or `members:N`: the export row's account as a journal account.
    static func account(_ exported: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        if !(exported.elementsEqual("pot".utf8) || exported.elementsEqual("opening".utf8)) { out.append(contentsOf: "members:".utf8) }
        out.append(contentsOf: exported)
    }
}
