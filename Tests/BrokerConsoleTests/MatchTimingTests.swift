import Foundation
import Testing
import TimeBank
import TimeBankStore

/// Ranking speed on a big file, run by hand: MATCH_TIMING_DB=/tmp/match100k.sqlite swift test -c release --filter MatchTiming
@Suite struct MatchTimingTests {
    static let path = ProcessInfo.processInfo.environment["MATCH_TIMING_DB"]

    @Test(.enabled(if: path != nil, "set MATCH_TIMING_DB to a large demo database"))
    func rankHelpersForHundredNeeds() throws {
        let store = try Store(path: Self.path!)
        let r = try MatchTiming.rankHundredNeeds(store: store)
        print(String(format: "match timing: %d needs, median %.1f ms, 90th percentile %.1f ms, worst %.1f ms (need %d), %d helpers ranked",
                     r.needs, r.medianMilliseconds, r.p90Milliseconds, r.worstMilliseconds, r.worstNeed, r.totalHelpers))
        #expect(r.needs == 100)
    }
}
