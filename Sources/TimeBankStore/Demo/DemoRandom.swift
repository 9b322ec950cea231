/// xoshiro256** seeded through SplitMix64. Our own generator, because demo data must be the same
/// for a seed on every platform and toolchain; the standard library promises neither its
/// system generator's output nor the algorithms of `shuffle` and `randomElement`.
struct DemoRandom {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// Each phase draws from its own stream, so changing how one phase uses randomness
    /// does not reshuffle everything generated after it.
    init(seed: UInt64, stream: UInt64) {
        var x = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// Uniform in 0..<n (Lemire's multiply-shift; the tiny bias is irrelevant for demo data).
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// An index drawn in proportion to `weights`.
    mutating func weighted(_ weights: [Int]) -> Int {
        var r = below(weights.reduce(0, +))
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return weights.count - 1
    }

    /// `count` distinct indexes below `n` (all of them, in random order, if `count >= n`).
    mutating func distinct(_ count: Int, below n: Int) -> [Int] {
        if count * 3 < n {
            var seen = Set<Int>(), out: [Int] = []
            while out.count < count {
                let i = below(n)
                if seen.insert(i).inserted { out.append(i) }
            }
            return out
        }
        var all = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) { all.swapAt(i, below(i + 1)) }
        return Array(all.prefix(count))
    }

    /// A version-4 UUID in the ledger's lowercase text form, built from this stream's bytes.
    mutating func uuid() -> String {
        var a = next(), b = next()
        a = (a & ~0xF000) | 0x4000  // version 4
        b = (b & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000  // RFC 4122 variant
        return DemoFormat.uuidText(a, b)
    }

    /// A version-7 UUID: the day's milliseconds first, then this stream's bytes. Ledger rows are
    /// written in date order, so their ids land near the end of the id index instead of all over
    /// it, which keeps a 500,000-row load from thrashing the page cache.
    mutating func uuid(day: Int) -> String {
        let millis = UInt64(max(0, day)) &* 86_400_000 &+ UInt64(below(86_400_000))
        let r = next()
        let a = (millis << 16) | 0x7000 | (r & 0x0FFF)
        let b = (next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        return DemoFormat.uuidText(a, b)
    }
}
