import Testing
@testable import TimeBank

@Suite("Availability")
struct AvailabilityTests {
    @Test("Text form reads back to the same slots: every single slot, every day, and random sets")
    func roundTrip() {
        var samples: [Availability] = [[], .anytime, .weekdays]
        for d in 0..<7 {
            for p in Availability.Part.allCases { samples.append(.slot(day: d, part: p)) }
            samples.append(Availability(rawValue: 0b111 << (d * 3)))
        }
        var rng = SplitMix(state: 20261128)
        for _ in 0..<3000 { samples.append(Availability(rawValue: Int.random(in: 0...0x1F_FFFF, using: &rng))) }
        for a in samples {
            #expect(Availability(text: a.text) == a, "\(a.rawValue): '\(a.text)'")
        }
    }

    @Test("Typed forms", arguments: [
        ("Mon am", Availability.slot(day: 0, part: .morning)),
        ("Mon am pm, Sat", Availability([.slot(day: 0, part: .morning), .slot(day: 0, part: .afternoon), .slot(day: 5, part: .morning), .slot(day: 5, part: .afternoon), .slot(day: 5, part: .evening)])),
        ("tuesday evenings", .slot(day: 1, part: .evening)),
        ("Sun eve", .slot(day: 6, part: .evening)),
        ("any time", .anytime), ("anytime", .anytime), ("weekdays", .weekdays), ("", Availability()), ("  ", Availability()),
    ] as [(String, Availability)])
    func typed(text: String, expected: Availability) {
        #expect(Availability(text: text) == expected)
    }

    @Test("Unknown days or parts are refused", arguments: ["Mo am", "Funday", "Mon noon", "Mon am, xyz", "Mon night"])
    func refused(text: String) {
        #expect(Availability(text: text) == nil)
    }

    @Test("Text and phrase forms")
    func forms() {
        let a: Availability = [.slot(day: 0, part: .morning), .slot(day: 1, part: .afternoon), .slot(day: 1, part: .evening)]
        #expect(a.text == "Mon am, Tue pm eve")
        #expect(a.phrase == "Mon mornings, Tue afternoons/evenings")
        #expect(Availability(rawValue: 0b111).phrase == "Mon")
        // Days free at the same parts of the day are named together, so a reason stays short.
        func free(_ text: String) -> String { Availability(text: text)!.phrase }
        #expect(free("Mon eve, Tue eve, Wed eve, Thu eve, Fri eve, Sat, Sun") == "weekday evenings, weekends")
        #expect(free("Mon, Tue, Wed, Thu, Fri") == "weekdays")
        #expect(free("Mon pm, Wed pm") == "Mon, Wed afternoons")
        #expect(free("Mon am, Tue am, Wed am, Fri am") == "Mon–Wed, Fri mornings")
        #expect(free("Mon eve, Tue eve, Wed eve, Thu eve, Fri eve, Sat eve, Sun eve") == "evenings every day")
        #expect(free("Sat am, Sun am, Tue am pm") == "Tue mornings/afternoons, weekend mornings")
        #expect(Availability.anytime.phrase == "any time")
        #expect(Availability.anytime.text == "any time")
        #expect(Availability([]).text == "")
    }

    @Test("Weekdays are Monday to Friday, all parts; any time is all 21 slots; bits past 21 are dropped")
    func constants() {
        for d in 0..<7 {
            for p in Availability.Part.allCases {
                #expect(Availability.weekdays.contains(day: d, part: p) == (d < 5))
                #expect(Availability.anytime.contains(day: d, part: p))
            }
        }
        #expect(Availability(rawValue: -1) == .anytime)
        #expect(Availability(rawValue: 1 << 21) == [])
    }

    @Test("Overlap between a need and a helper is the intersection")
    func overlap() {
        let need: Availability = [.slot(day: 1, part: .morning), .slot(day: 2, part: .morning)]
        let helper: Availability = [.slot(day: 2, part: .morning), .slot(day: 3, part: .evening)]
        #expect(need.intersection(helper) == .slot(day: 2, part: .morning))
    }
}
