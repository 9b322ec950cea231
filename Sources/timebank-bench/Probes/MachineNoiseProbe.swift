/// The same fixed computation timed again and again. Its median is the machine's speed; how
/// far its p99 and maximum stray from the median is the machine's noise (other tenants of a
/// shared host, the scheduler), which every worst-case figure above carries too.
enum MachineNoiseProbe {
    static func run(repetitions: Int = 500) -> Figure {
        // The same scrambled numbers every run: multiplying by an odd constant shuffles them.
        let numbers = (0..<40_000).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
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
