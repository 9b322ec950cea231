import Testing
@testable import TimeBank

/// The demographics of active members (issue #13) count each active member's age band, gender,
/// ethnicity, disability and how they came through: each value counts the active members who
/// have it, for a few values as for hundreds.
@Suite("Demographic counts of active members")
struct ReportDemographicCountTests {
    typealias Values = (age: String, gender: String, ethnicity: String, disability: String, cameThrough: String)

    func people(_ values: [Values]) -> ReportPeople {
        var people = ReportPeople()
        for (i, v) in values.enumerated() {
            people.append(number: i + 1, kind: .person, cameThrough: v.cameThrough, area: "", ageBand: v.age, gender: v.gender,
                          ethnicity: v.ethnicity, disability: v.disability, mayBeNamed: false)
        }
        people.finish()
        return people
    }

    /// The counts by value text of each breakdown, in the order age band, gender, ethnicity,
    /// disability, came through.
    func byText(_ people: ReportPeople, _ slots: [Int32]) -> [[String: Int]] {
        let breakdowns = [people.ageBand, people.gender, people.ethnicity, people.disability, people.cameThrough]
        return zip(breakdowns, people.demographicCounts(of: slots)).map { codes, counts in
            var out: [String: Int] = [:]
            for (code, n) in counts.enumerated() where n > 0 { out[codes.names[code]] = n }
            return out
        }
    }

    @Test("Each value counts the active members who have it; members not active and slots beyond the members count nowhere")
    func fewCombinations() {
        let p = people([("18-25", "woman", "", "no", "self"), ("66-75", "man", "Irish", "", "housing"),
                        ("18-25", "", "Irish", "yes", "self"), ("66-75", "woman", "Polish", "no", "")])
        // Active: the first, second and fourth members (slots 0, 1, 3); slot 9 is no one.
        #expect(byText(p, [0, 1, 3, 9]) == [
            ["18-25": 1, "66-75": 2], ["woman": 2, "man": 1], ["": 1, "Irish": 1, "Polish": 1], ["no": 2, "": 1], ["self": 1, "housing": 1, "": 1],
        ])
        #expect(byText(p, []) == [[:], [:], [:], [:], [:]])
    }

    @Test("A time bank with hundreds of values in a breakdown counts them with the same rule")
    func manyCombinations() {
        // 700 ethnicities × 5 age bands × 5 genders × 2 disabilities × 2 ways in: 70,000 combinations.
        let values: [Values] = (0..<700).map { i in ("band \(i % 5)", "gender \(i % 5)", "ethnicity \(i)", "d\(i % 2)", "w\(i / 350)") }
        let p = people(values)
        let active = (0..<700).filter { $0 % 7 == 0 }.map { Int32($0) }   // 100 members: 0, 7, …, 693
        let counts = byText(p, active)
        // Of multiples of 7 below 700: 20 in each band and each gender, each its own ethnicity,
        // 50 even and 50 odd, 50 below 350 and 50 from 350.
        #expect(counts[0] == ["band 0": 20, "band 1": 20, "band 2": 20, "band 3": 20, "band 4": 20])
        #expect(counts[1].count == 5 && counts[1].values.allSatisfy { $0 == 20 })
        #expect(counts[2].count == 100 && counts[2]["ethnicity 693"] == 1 && counts[2]["ethnicity 1"] == nil)
        #expect(counts[3] == ["d0": 50, "d1": 50])
        #expect(counts[4] == ["w0": 50, "w1": 50])
    }
}
