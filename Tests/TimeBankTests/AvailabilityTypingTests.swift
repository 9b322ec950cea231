import Testing
import TimeBank

/// What the forms' hints suggest a broker types ("Mon am, Tue pm eve · weekdays · any time",
/// "e.g. Mon am pm, Sat; weekdays; any time") is read, alone and mixed.
@Suite("Availability as typed from the hints")
struct AvailabilityTypingTests {
    static func days(_ days: [Int], _ parts: [Availability.Part] = Availability.Part.allCases) -> Availability {
        var a: Availability = []
        for d in days { for p in parts { a.insert(.slot(day: d, part: p)) } }
        return a
    }

    @Test("Each suggestion alone", arguments: [
        ("weekdays", days([0, 1, 2, 3, 4])),
        ("weekends", days([5, 6])),
        ("Weekend", days([5, 6])),
        ("Sat am", days([5], [.morning])),
        ("any time", days(Array(0..<7))),
        ("Any Time", days(Array(0..<7))),
        ("every day", days(Array(0..<7))),
        ("Saturdays", days([5])),
        ("thurs pm", days([3], [.afternoon])),
        ("Mon-Wed am", days([0, 1, 2], [.morning])),
        ("evenings", days(Array(0..<7), [.evening])),
    ] as [(String, Availability)])
    func alone(text: String, expected: Availability) {
        #expect(Availability(text: text) == expected)
    }

    @Test("Mixes, separated by commas or semicolons", arguments: [
        ("weekdays, Sat am", days([0, 1, 2, 3, 4]).union(days([5], [.morning]))),
        ("Mon am pm, Sat; weekdays; any time", days(Array(0..<7))),
        ("weekdays eve; weekends", days([0, 1, 2, 3, 4], [.evening]).union(days([5, 6]))),
        ("weekends am, Tue pm eve", days([5, 6], [.morning]).union(days([1], [.afternoon, .evening]))),
        ("Mon and Wed pm", days([0, 2], [.afternoon])),
        ("Sat am,", days([5], [.morning])),
        ("Mon am, Tue pm eve · weekdays · any time", days(Array(0..<7))),
        ("Mon am, Tue pm eve · weekdays", days([0, 1, 2, 3, 4])),
    ] as [(String, Availability)])
    func mixes(text: String, expected: Availability) {
        #expect(Availability(text: text) == expected)
    }

    @Test("Words that are neither a day nor a part of the day are still refused", arguments: ["weekdayz", "any", "Sat noon", "weekends, soon", "Mon-Funday"])
    func refused(text: String) {
        #expect(Availability(text: text) == nil)
    }
}
