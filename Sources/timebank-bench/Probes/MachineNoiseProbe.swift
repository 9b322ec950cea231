/// The same fixed computation timed again and again. Its median is the machine's speed; how
/// far its p99 and maximum stray from the median is the machine's noise (other tenants of a
/// shared host, the scheduler), which every worst-case figure above carries too.
enum MachineNoiseProbe {
    static func run(repetitions: Int = 500) -> Figure {
        var generator = SplitMix(seed: 42)
        let numbers = (0..<40_000).map { _ in generator.next() }
        var checksum: UInt64 = 0
        let samples = Stopwatch.samples(warmUp: 10, repetitions: repetitions) {
            let sorted = numbers.sorted()
            checksum &+= sorted[sorted.count / 2]
        }
        return Figure(name: "machine noise: one fixed computation", unit: .milliseconds, summary: Summary(samples), target: nil,
                      method: "sorting the same 40,000 numbers \(repetitions) times (checksum \(checksum % 1000)); "
                          + "the ratio of its worst to its median is what the host adds to any worst case")
    }
}

/// A small deterministic generator, so the computation is the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
