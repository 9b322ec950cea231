/// How much of a split one part takes.
public enum Extent: Hashable, Sendable {
    /// Exactly this many cells (less only if the space runs out).
    case fixed(Int)
    /// At least this many cells, growing like `fill(1)` when there is room.
    case minimum(Int)
    /// A share of whatever the fixed and minimum parts leave, by weight.
    case fill(Int)

    public static let fill: Extent = .fill(1)
}

/// Splits a length into parts. Fixed and minimum parts are served first, in
/// order, so when space runs short the parts at the end shrink to zero
/// (a status line listed first stays visible on a tiny terminal).
enum Split {
    static func lengths(_ total: Int, _ extents: [Extent], gap: Int = 0) -> [Int] {
        let gaps = max(0, extents.count - 1) * gap
        var remaining = max(0, total - gaps)
        var lengths = extents.map { extent -> Int in
            let wanted: Int
            switch extent {
            case .fixed(let n), .minimum(let n): wanted = max(0, n)
            case .fill: wanted = 0
            }
            let granted = min(wanted, remaining)
            remaining -= granted
            return granted
        }
        let weights = extents.map { extent -> Int in
            switch extent {
            case .fixed: return 0
            case .minimum: return 1
            case .fill(let weight): return max(0, weight)
            }
        }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0, remaining > 0 else { return lengths }
        var handedOut = 0
        for index in lengths.indices {
            let share = remaining * weights[index] / totalWeight
            lengths[index] += share
            handedOut += share
        }
        // The rounding remainder goes to the first growable parts, one cell each.
        var leftover = remaining - handedOut
        for index in lengths.indices where leftover > 0 && weights[index] > 0 {
            lengths[index] += 1
            leftover -= 1
        }
        return lengths
    }
}

extension Rect {
    /// Stacks parts top to bottom.
    public func splitRows(_ extents: [Extent], gap: Int = 0) -> [Rect] {
        var top = row
        return Split.lengths(height, extents, gap: gap).map { length in
            defer { top += length + gap }
            return Rect(row: top, column: column, width: width, height: length)
        }
    }

    /// Places parts left to right.
    public func splitColumns(_ extents: [Extent], gap: Int = 0) -> [Rect] {
        var left = column
        return Split.lengths(width, extents, gap: gap).map { length in
            defer { left += length + gap }
            return Rect(row: row, column: left, width: length, height: height)
        }
    }
}
