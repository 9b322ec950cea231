import Foundation
import Testing
@testable import TimeBank

private let today = CalendarDate(year: 2026, month: 11, day: 29)!
private let joined = CalendarDate(year: 2026, month: 1, day: 5)!

/// Issue #16: no input may crash a parser or put a control character into the store.
@Suite("Hostile input to the domain")
struct HostileInputTests {
    /// Digits of other scripts, Roman numerals, fractions, and numbers too long for an integer
    /// used to reach a force-unwrap; each is now one sentence naming what was typed.
    @Test("Dates written with anything but ASCII digits are not dates", arguments: [
        "２０２６-１１-２９", "28/１１", "٢٠٢٦-11-29", "2026-Ⅻ-01", "½/11", "2026-99999999999999999999-01",
        "99999999999999999999/11", "28/11/99999999999999999999", "-99999999999999999999", "-٣", "2026-1１-29", "２８/１１/２０２６",
    ])
    func foreignDigits(input: String) {
        #expect(throws: DateInputError.unreadable(input)) { try DateParser.parse(input, today: today) }
        #expect(DateInputError.unreadable(input).description == "'\(input)' is not a date; write today, yesterday, -3, 28/11/2026 or 2026-11-28.")
    }

    @Test("A very long date is refused and shown shortened")
    func longDate() {
        let input = String(repeating: "1", count: 5000)
        #expect(throws: DateInputError.unreadable(String(repeating: "1", count: 40) + "…")) { try DateParser.parse(input, today: today) }
    }

    @Test("Days back reach ten years and no further")
    func daysBack() throws {
        #expect(try DateParser.parse("-3660", today: today) == CalendarDate(year: 2016, month: 11, day: 21))
        #expect(throws: DateInputError.unreadable("-3661")) { try DateParser.parse("-3661", today: today) }
    }

    @Test("Durations with other scripts' digits are refused", arguments: ["１:30", "١.٥", "Ⅻh", "½", "99999999999999999999", "1h٣٠"])
    func foreignDurations(input: String) {
        #expect(throws: DurationError.unreadable(input)) { try DurationParser.parse(input) }
    }

    @Test("Month starts are exact at year ends")
    func monthStarts() {
        #expect(CalendarDate(year: 2026, month: 1, day: 17)!.startOfPreviousMonth == CalendarDate(year: 2025, month: 12, day: 1))
        #expect(CalendarDate(year: 2026, month: 3, day: 31)!.startOfMonth == CalendarDate(year: 2026, month: 3, day: 1))
    }

    // MARK: control characters and lengths

    static let controls: [String] = ["\u{1B}]0;pwned\u{07}", "\u{1B}[2J", "a\nb", "tab\there", "\u{9B}6n", "\u{202E}gnp.exe", "\u{2066}x", "nul\u{0}", "del\u{7F}", "\u{2028}"]

    @Test("Every member field refuses control characters", arguments: controls)
    func memberFields(bad: String) {
        let fieldsAndMembers: [(MemberField, Member)] = [
            (.name, Member(name: "Ann" + bad, joined: joined)),
            (.preferredName, Member(name: "Ann", preferredName: bad, joined: joined)),
            (.address, Member(name: "Ann", address: "1 High St" + (bad == "a\nb" ? "\t" : bad), joined: joined)),
            (.area, Member(name: "Ann", area: bad, joined: joined)),
        ]
        for (field, member) in fieldsAndMembers {
            let problems = MemberValidation.problems(in: member).filter { $0.field == field }
            #expect(problems.count == 1, "\(field) took \(bad.debugDescription)")
            #expect(problems.first?.message.contains("control character (U+") == true)
        }
    }

    @Test("An exchange's description and category code refuse control characters", arguments: controls)
    func exchangeText(bad: String) throws {
        let note = ExchangeRequest(date: today, giver: .member(1001), receiver: .member(1002), minutes: 60, description: "Shopping" + bad)
        if bad == "a\nb" {
            try note.validate()  // a description may run over several lines
        } else {
            #expect(throws: LedgerError.self) { try note.validate() }
        }
        let code = ExchangeRequest(date: today, giver: .member(1001), receiver: .member(1002), minutes: 60, categoryCode: "garden" + bad)
        #expect(throws: LedgerError.self) { try code.validate() }
    }

    @Test("The sentence names the field and the character")
    func controlSentence() {
        #expect(TextRules.controlProblem("The title", "Hi\u{1B}[2J") == "The title contains a control character (U+001B), which cannot be stored.")
        #expect(TextRules.controlProblem("The title", "Zoë 王 O'Brien") == nil)
    }

    @Test("Limits count what is seen and what is stored: one letter under 5,000 accents is too long")
    func graphemesAndBytes() {
        let stacked = "a" + String(repeating: "\u{0301}", count: 5000)
        #expect(stacked.count == 1)
        let r = ExchangeRequest(date: today, giver: .member(1001), receiver: .member(1002), minutes: 60, description: stacked)
        #expect(throws: LedgerError.descriptionTooLong) { try r.validate() }
        #expect(MemberValidation.problems(in: Member(name: stacked, joined: joined)).map(\.field) == [.name])
        // 500 characters of four bytes each still fit a 500-character limit.
        #expect(TextRules.fits(String(repeating: "😀", count: 500), characters: 500))
        #expect(!TextRules.fits(String(repeating: "😀", count: 501), characters: 500))
    }
}
