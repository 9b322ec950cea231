import Testing
@testable import TimeBank

/// A report's CSV fields: quoted when they hold a comma, a quote or a line break, and kept from
/// being read as a formula by a spreadsheet, as the data-format contract says.
@Suite("A report's CSV fields")
struct ReportCSVFieldTests {
    @Test("Plain text, numbers and suppressed counts are written as they are")
    func plain() {
        #expect(ReportDocument.csvField("minutes_exchanged") == "minutes_exchanged")
        #expect(ReportDocument.csvField("-5") == "-5")
        #expect(ReportDocument.csvField("0.25") == "0.25")
        #expect(ReportDocument.csvField("<5") == "<5")
        #expect(ReportDocument.csvField("Zoë 王 O'Brien") == "Zoë 王 O'Brien")
    }

    @Test("A comma, a quote or a line break is quoted, a line break written as CR LF too")
    func quoted() {
        #expect(ReportDocument.csvField("Hull, East") == "\"Hull, East\"")
        #expect(ReportDocument.csvField("the \"Old\" mill") == "\"the \"\"Old\"\" mill\"")
        #expect(ReportDocument.csvField("two\nlines") == "\"two\nlines\"")
        #expect(ReportDocument.csvField("two\r\nlines") == "\"two\r\nlines\"")
    }

    @Test("Text a spreadsheet would run as a formula starts with an apostrophe")
    func formula() {
        #expect(ReportDocument.csvField("=SUM(A1)") == "'=SUM(A1)")
        #expect(ReportDocument.csvField("+44 7700") == "'+44 7700")
        #expect(ReportDocument.csvField("@home") == "'@home")
        #expect(ReportDocument.csvField("-area") == "'-area")
    }
}
