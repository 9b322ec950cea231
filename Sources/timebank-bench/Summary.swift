import Foundation

/// Median, 99th percentile and maximum of a set of samples: the median says what a broker
/// usually feels, p99 and max say whether anyone ever waits.
struct Summary: Encodable, Equatable {
    var count: Int
    var median: Double
    var p99: Double
    var max: Double

    init?(_ samples: [Double]) {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        count = sorted.count
        median = sorted.count % 2 == 1
            ? sorted[sorted.count / 2]
            : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        // Nearest-rank p99: with fewer than 100 samples it is the maximum, never an interpolation.
        p99 = sorted[Swift.max(0, Int((0.99 * Double(sorted.count)).rounded(.up)) - 1)]
        max = sorted[sorted.count - 1]
    }

    /// One value measured once (bytes, memory): all three statistics are that value.
    init(single value: Double) {
        count = 1
        median = value
        p99 = value
        max = value
    }
}

/// Wall-clock timing of a body, in milliseconds.
enum Stopwatch {
    static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }

    /// Runs `body` `warmUp` times unmeasured (caches, SQLite statement cache, page cache),
    /// then `repetitions` times measured.
    static func samples(warmUp: Int, repetitions: Int, _ body: () throws -> Void) rethrows -> [Double] {
        for _ in 0..<warmUp { try body() }
        var samples: [Double] = []
        samples.reserveCapacity(repetitions)
        for _ in 0..<repetitions { samples.append(try milliseconds(body)) }
        return samples
    }
}
