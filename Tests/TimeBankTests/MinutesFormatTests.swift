import Foundation
import Testing
@testable import TimeBank

@Suite("Showing minutes")
struct MinutesFormatTests {
    @Test("Clock form", arguments: [(0, "0:00"), (5, "0:05"), (45, "0:45"), (60, "1:00"), (90, "1:30"), (720, "12:00"), (1440, "24:00"),
                                     (6001, "100:01"), (-45, "-0:45"), (-90, "-1:30"), (-600, "-10:00")])
    func clock(minutes: Int, text: String) {
        #expect(MinutesFormat.clock(minutes) == text)
    }

    @Test("Signed clock form: a plus for credit, a minus for debit, nothing for zero",
          arguments: [(0, "0:00"), (1, "+0:01"), (90, "+1:30"), (-1, "-0:01"), (-90, "-1:30")])
    func signedClock(minutes: Int, text: String) {
        #expect(MinutesFormat.signedClock(minutes) == text)
    }

    @Test("Clock form for every minute of a day and its negative is h:mm of the exact value")
    func clockAllMinutes() {
        // Hours, a colon, then the minutes as two digits; a minus before a negative amount.
        let written: [(Int, String)] = [
            (0, "0:00"), (1, "0:01"), (9, "0:09"), (10, "0:10"), (59, "0:59"), (60, "1:00"), (61, "1:01"), (90, "1:30"),
            (119, "1:59"), (120, "2:00"), (599, "9:59"), (600, "10:00"), (1439, "23:59"), (1440, "24:00"), (100_000, "1666:40"),
            (-1, "-0:01"), (-59, "-0:59"), (-60, "-1:00"), (-90, "-1:30"), (-1440, "-24:00"),
        ]
        for (minutes, text) in written { #expect(MinutesFormat.clock(minutes) == text, "\(minutes) minutes") }
    }

    @Test("Decimal hours for every minute from -1440 to 1440 are the value rounded to two places")
    func decimalHoursAllMinutes() {
        for m in -1440...1440 {
            // m/60 is never exactly half a hundredth (that would need 10m to be odd), so %.2f is a safe reference.
            var expected = String(format: "%.2f", Double(m) / 60)
            if expected == "-0.00" { expected = "0.00" }
            #expect(MinutesFormat.decimalHours(m) == expected, "\(m) minutes")
        }
    }

    @Test("Decimal hours are exact whenever the minutes are a whole number of hundredths of an hour (multiples of 3)")
    func decimalHoursExact() {
        for m in stride(from: -3000, through: 3000, by: 3) {
            let text = MinutesFormat.decimalHours(m)
            let value = Decimal(string: text)!
            #expect(value * 60 == Decimal(m), "\(m) → \(text)")
        }
    }

    @Test("Known values", arguments: [(90, "1.50"), (15, "0.25"), (-15, "-0.25"), (1, "0.02"), (20, "0.33"), (40, "0.67"), (59, "0.98"), (119, "1.98"), (1440, "24.00"), (0, "0.00")])
    func decimalHoursKnown(minutes: Int, text: String) {
        #expect(MinutesFormat.decimalHours(minutes) == text)
    }
}
