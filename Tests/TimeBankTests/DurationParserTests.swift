import Testing
@testable import TimeBank

/// SPEC: durations are whole minutes; input accepts `1:30`, `1.5`, `1h30`, `90m`;
/// a single exchange is more than 0 and at most 24 h. A bare whole number up to 12 is hours.
@Suite("Reading durations")
struct DurationParserTests {
    @Test("Every accepted way of writing a duration gives whole minutes", arguments: [
        ("1:30", 90), ("0:45", 45), ("24:00", 1440), ("12:05", 725),
        ("1.5", 90), ("1,5", 90), ("0.25", 15), (".5", 30), ("2.75", 165), ("0.1", 6),
        ("1h30", 90), ("1h", 60), ("1h30m", 90), ("2 hours", 120), ("1 hr", 60), ("1.5h", 90), ("0h45", 45),
        ("90m", 90), ("5m", 5), ("1440m", 1440),
        ("60", 60), ("2", 120), ("1", 60), ("12", 720), ("90", 90), ("1440", 1440),
        ("  1:30  ", 90), ("1H30", 90), ("90M", 90),
    ])
    func accepted(input: String, minutes: Int) throws {
        #expect(try DurationParser.parse(input) == minutes)
    }

    @Test("A bare number up to 12 is hours, 13 to 59 needs a unit, 60 and above is minutes")
    func bareNumberBoundary() throws {
        for n in 1...12 { #expect(try DurationParser.parse(String(n)) == n * 60, "\(n)") }
        for n in 13...59 { #expect(throws: DurationError.needsUnit(n)) { try DurationParser.parse(String(n)) } }
        for n in 60...200 { #expect(try DurationParser.parse(String(n)) == n, "\(n)") }
        #expect(try DurationParser.parse("13m") == 13)
        #expect(try DurationParser.parse("13h") == 13 * 60)
    }

    @Test("Every h:mm from 0:01 to 24:00 reads back to its minutes")
    func clockFormRoundTrip() throws {
        for m in 1...1440 {
            let text = "\(m / 60):\(m % 60 < 10 ? "0" : "")\(m % 60)"
            #expect(try DurationParser.parse(text) == m, "\(text)")
            #expect(try DurationParser.parse(MinutesFormat.clock(m)) == m)
        }
    }

    @Test("Minutes written as '90min' are read too (the parser strips 'in' for that purpose)")
    func minSuffix() throws {
        #expect(try DurationParser.parse("90min") == 90)
        #expect(try DurationParser.parse("90 min") == 90)
    }

    @Test("Errors say what is wrong in one sentence", arguments: [
        ("abc", DurationError.unreadable("abc"), "'abc' is not a duration; write it as 1:30, 1.5, 1h30 or 90m."),
        ("25:00", .tooLong("25:00"), "'25:00' is more than 24 hours, the longest one exchange can be."),
        ("0", .zero, "A duration must be more than zero."),
        ("1:75", .unreadable("1:75"), "'1:75' is not a duration; write it as 1:30, 1.5, 1h30 or 90m."),
        ("1.333", .notWholeMinutes("1.333"), "'1.333' is not a whole number of minutes."),
        ("", .empty, "Enter a duration, for example 1:30, 1.5, 1h30 or 90m."),
        ("   ", .empty, "Enter a duration, for example 1:30, 1.5, 1h30 or 90m."),
        ("13", .needsUnit(13), "'13' could be 13 minutes or 13 hours; write 13m or 13h."),
        ("-1", .negative("-1"), "'-1': hours cannot be negative; a mistake is put right by reversing its entry."),
    ])
    func errors(input: String, error: DurationError, message: String) {
        #expect(throws: error) { try DurationParser.parse(input) }
        #expect(error.description == message)
    }

    @Test("Nonsense, negative, zero and too-long durations are refused", arguments: [
        "-1:30", "-5", "1:5", "1:", ":30", "1.", "1..5", "1.5.5", "h", "m", "1h75", "1.5h30", "x1", "1x",
        "0:00", "0.0", "0m", "0h", "24:01", "1441", "25h", "1441m", "9999999", "١", "1:3O",
    ])
    func refused(input: String) {
        #expect(throws: DurationError.self) { try DurationParser.parse(input) }
    }

    @Test("A fraction of an hour that is not whole minutes is refused, not rounded", arguments: ["0.01", "1.333", "0.3333", "1,001"])
    func notWholeMinutes(input: String) {
        #expect(throws: DurationError.notWholeMinutes(input)) { try DurationParser.parse(input) }
    }

    @Test("Zero and the 24-hour limit give their own errors")
    func zeroAndLimit() {
        #expect(throws: DurationError.zero) { try DurationParser.parse("0:00") }
        #expect(throws: DurationError.tooLong("24:01")) { try DurationParser.parse("24:01") }
        #expect(throws: DurationError.tooLong("1441")) { try DurationParser.parse("1441") }
        #expect(DurationParser.maximum == 24 * 60)
    }
}
