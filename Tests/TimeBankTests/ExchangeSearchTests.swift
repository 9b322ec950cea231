import Testing
@testable import TimeBank

/// Issue #12: "A ledger-wide search finds an exchange by member, date, hours or words."
/// What a broker types is read into terms, each of which must hold.
@Suite("Ledger-wide search: reading what was typed")
struct ExchangeSearchTests {
    let today = CalendarDate(year: 2026, month: 11, day: 29)!

    func terms(_ text: String) -> [ExchangeSearchTerm] { ExchangeSearch.parse(text, today: today).terms }
    func day(_ m: Int, _ d: Int, _ y: Int = 2026) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

    @Test("A bare number is a member number")
    func memberNumber() {
        #expect(terms("1005") == [.member(1005)])
        #expect(terms("13") == [.member(13)])
    }

    @Test("Dates as the slip takes them are one day; a month or A..B a range")
    func dates() {
        #expect(terms("28/11") == [.dates(from: day(11, 28), to: day(11, 28))])
        #expect(terms("2026-11-02") == [.dates(from: day(11, 2), to: day(11, 2))])
        #expect(terms("yesterday") == [.dates(from: day(11, 28), to: day(11, 28))])
        #expect(terms("-3") == [.dates(from: day(11, 26), to: day(11, 26))])
        #expect(terms("2026-02") == [.dates(from: day(2, 1), to: day(2, 28))])
        #expect(terms("1/11..15/11") == [.dates(from: day(11, 1), to: day(11, 15))])
        #expect(terms("15/11..1/11") == [.dates(from: day(11, 1), to: day(11, 15))])
        #expect(terms("2026-10..2026-11") == [.dates(from: day(10, 1), to: day(11, 30))])
    }

    @Test("Durations with a unit or separator are minutes")
    func durations() {
        #expect(terms("1:30") == [.minutes(90)])
        #expect(terms("1.5") == [.minutes(90)])
        #expect(terms("90m") == [.minutes(90)])
        #expect(terms("1h30") == [.minutes(90)])
        #expect(terms("2h") == [.minutes(120)])
    }

    @Test("Everything else is folded words; the terms combine")
    func wordsAndCombinations() {
        #expect(terms("Zoë O'Brien") == [.word("zoe"), .word("obrien")])
        #expect(terms("garden 1:30 28/11 1005") == [.word("garden"), .minutes(90), .dates(from: day(11, 28), to: day(11, 28)), .member(1005)])
        // The slip's one-letter date shortcuts are the first letter of a word being typed here.
        #expect(terms("t y") == [.word("t"), .word("y")])
        #expect(terms("garden garden") == [.word("garden")])
    }

    @Test("Total on any input: foreign digits are words, control characters separate, length is bounded")
    func total() {
        #expect(terms("") == [])
        #expect(terms("   \t\n ") == [])
        // Arabic-Indic digits are neither a number nor a word to the member search's folding;
        // full-width ones fold to words, never to a duration or a member number.
        #expect(terms("٢٠٢٦") == [])
        #expect(terms("１:３０") == [.word("1"), .word("30")])
        #expect(terms("１００５") == [.word("1005")])
        #expect(terms("ann\u{1B}[31mbob") == [.word("ann"), .word("31mbob")])
        #expect(terms("ann\u{202E}bob\u{0}cat") == [.word("ann"), .word("bob"), .word("cat")])
        #expect(terms("99999999999999999999") == [.word("99999999999999999999")])
        #expect(terms("0") == [.word("0")])
        #expect(terms("2026-99999999999999999999-01") == [.word("2026"), .word("99999999999999999999"), .word("01")])
        let long = ExchangeSearch.parse(String(repeating: "word ", count: 2_000), today: today)
        #expect(long.terms == [.word("word")])
        let many = ExchangeSearch.parse((1...10_000).map { "w\($0)" }.joined(separator: " "), today: today)
        #expect(many.terms.count == ExchangeSearch.mostTerms)
        #expect(ExchangeSearch.parse(String(repeating: "é", count: 10_000), today: today).terms.count == 1)
    }
}
