/// The demographics of a period's active members (age band, gender, ethnicity, disability, came
/// through) are five counts over tens of thousands of members in each period of a report. Each
/// member's five values are combined once, when the members are read, into one code: a period
/// then counts each active member once, in one array of combinations, and adds each
/// combination's count to its five values, a few thousand cells.
extension ReportPeople {
    /// More combinations than this are counted breakdown by breakdown instead.
    static let maxDemographicCombinations = 1 << 16

    /// Sets `demographicCodes` and `demographicRadix` from the members' breakdowns, or leaves
    /// them empty when there are no members or too many combinations.
    mutating func combineDemographics() {
        demographicCodes = []
        demographicRadix = []
        let breakdowns = ReportFigures.demographics(self).map(\.codes)
        var combinations = 1
        for b in breakdowns {
            guard b.names.count > 0, b.codes.count == count else { return }
            combinations *= b.names.count
            guard combinations <= Self.maxDemographicCombinations else { return }
        }
        // Every breakdown has a code for each member (checked above), and the combinations fit
        // in an Int32: the codes are read without a bounds check or an overflow check.
        var combined = [Int32](repeating: 0, count: count)
        combined.withUnsafeMutableBufferPointer { combined in
            for b in breakdowns {
                let radix = Int32(b.names.count)
                b.codes.withUnsafeBufferPointer { codes in
                    for s in combined.indices { combined[s] = combined[s] &* radix &+ codes[s] }
                }
            }
        }
        demographicCodes = combined
        demographicRadix = breakdowns.map(\.names.count)
    }

    /// How many of the given slots have each value of each demographic breakdown, in the order
    /// of `ReportFigures.demographics`, by code; a slot beyond the members counts nowhere.
    func demographicCounts(of slots: [Int32]) -> [[Int]] {
        guard !demographicRadix.isEmpty else { return ReportFigures.demographics(self).map { $0.codes.counts(of: slots) } }
        var combinations = [Int](repeating: 0, count: demographicRadix.reduce(1, *))
        // Every code is below the count of combinations (`combineDemographics`), and each slot
        // is checked against the members: no bounds check in the one pass over the actives.
        demographicCodes.withUnsafeBufferPointer { codes in
            combinations.withUnsafeMutableBufferPointer { combinations in
                for s in slots where s >= 0 && Int(s) < codes.count { combinations[Int(codes[Int(s)])] += 1 }
            }
        }
        // Each combination's count goes to each of its values: the values of all breakdowns in
        // one array, breakdown after breakdown (`offsets`), and the combination's digits moved
        // on like an odometer, the last breakdown fastest, as the codes were made.
        let radix = demographicRadix
        var offsets: [Int] = [], total = 0
        for r in radix {
            offsets.append(total)
            total += r
        }
        var values = [Int](repeating: 0, count: total)
        var digits = [Int](repeating: 0, count: radix.count)
        values.withUnsafeMutableBufferPointer { values in
            digits.withUnsafeMutableBufferPointer { digits in
                for n in combinations {
                    if n > 0 {
                        for d in 0..<radix.count { values[offsets[d] + digits[d]] += n }
                    }
                    var d = radix.count - 1
                    while d >= 0 {
                        digits[d] += 1
                        if digits[d] < radix[d] { break }
                        digits[d] = 0
                        d -= 1
                    }
                }
            }
        }
        return radix.indices.map { Array(values[offsets[$0] ..< offsets[$0] + radix[$0]]) }
    }
}
