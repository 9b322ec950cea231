/// One line of the benchmark's report: what was measured, the figures, and the verdict
/// against its target.
struct Figure: Encodable {
    enum Unit: String, Encodable {
        case milliseconds = "ms"
        case bytes
        case megabytes = "MB"
    }

    /// Which statistic a target is compared with.
    enum Statistic: String, Encodable {
        case median, p99, max
    }

    struct Target: Encodable {
        var limit: Double
        var statistic: Statistic
    }

    enum Verdict: String, Encodable {
        case met
        case missed
        case noTarget = "no target"
        case notBuilt = "not built yet"
        case failed
    }

    var name: String
    var unit: Unit
    var summary: Summary?
    var target: Target?
    /// How it was measured, so a reader can tell a headless figure from a real-terminal one.
    var method: String
    /// Set when the measurement itself could not be taken.
    var failure: String?

    init(name: String, unit: Unit, summary: Summary?, target: Target?, method: String, failure: String? = nil) {
        self.name = name
        self.unit = unit
        self.summary = summary
        self.target = target
        self.method = method
        self.failure = failure
    }

    var verdict: Verdict {
        if failure != nil { return .failed }
        guard let summary else { return .notBuilt }
        guard let target else { return .noTarget }
        let value: Double
        switch target.statistic {
        case .median: value = summary.median
        case .p99: value = summary.p99
        case .max: value = summary.max
        }
        return value <= target.limit ? .met : .missed
    }

    private enum CodingKeys: String, CodingKey {
        case name, unit, summary, target, method, failure, verdict
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(unit, forKey: .unit)
        try c.encodeIfPresent(summary, forKey: .summary)
        try c.encodeIfPresent(target, forKey: .target)
        try c.encode(method, forKey: .method)
        try c.encodeIfPresent(failure, forKey: .failure)
        try c.encode(verdict, forKey: .verdict)
    }
}
