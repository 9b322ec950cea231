/// What a report needs to know of every member, held as columns by slot (0..<count) rather
/// than a record per member: a report of 100,000 members reads and counts them in a few
/// milliseconds, and each period's tallies are arrays of the same slots.
public struct ReportPeople: Sendable {
    /// Member number of each slot, ascending.
    public private(set) var numbers: [Int] = []
    public private(set) var isOrganisation: [Bool] = []
    /// Came through a public or voluntary service (`CameThrough.isService`).
    public private(set) var cameThroughService: [Bool] = []
    /// Agreed to be named (consent to share details): milestones name only these.
    public private(set) var mayBeNamed: [Bool] = []
    /// Active or on hold: a member whose vetting review can be overdue (not pending, not left).
    public private(set) var isCurrent: [Bool] = []
    /// Each breakdown's value per slot, as a code into its `names`.
    public private(set) var area = ReportCodes()
    public private(set) var ageBand = ReportCodes()
    public private(set) var gender = ReportCodes()
    public private(set) var ethnicity = ReportCodes()
    public private(set) var disability = ReportCodes()
    public private(set) var cameThrough = ReportCodes()

    /// Slot of a member number: an offset into `denseSlots` when numbers are close together,
    /// as the console gives them; a dictionary when an import brought far-apart numbers.
    @usableFromInline var firstNumber = 0
    @usableFromInline var denseSlots: [Int32] = []
    @usableFromInline var sparseSlots: [Int: Int] = [:]

    public init() {}

    public var count: Int { numbers.count }

    @inlinable
    public func slot(of number: Int) -> Int? {
        if denseSlots.isEmpty { return sparseSlots[number] }
        let offset = number - firstNumber
        guard offset >= 0, offset < denseSlots.count else { return nil }
        let s = Int(denseSlots[offset])
        return s < 0 ? nil : s
    }

    /// Adds a member; numbers must come in ascending order. The breakdown values are the
    /// stored texts, empty when not given. `finish` when every member is in.
    public mutating func append(number: Int, kind: MemberKind, cameThrough: String, area: String, ageBand: String, gender: String,
                                ethnicity: String, disability: String, mayBeNamed: Bool, isCurrent: Bool = true) {
        numbers.append(number)
        isOrganisation.append(kind == .organisation)
        self.mayBeNamed.append(mayBeNamed)
        self.isCurrent.append(isCurrent)
        self.area.append(area)
        self.ageBand.append(ageBand)
        self.gender.append(gender)
        self.ethnicity.append(ethnicity)
        self.disability.append(disability)
        self.cameThrough.append(cameThrough)
    }

    /// Builds the slot look-up once every member is in, and who came through a service (each
    /// distinct answer read once, not once per member).
    public mutating func finish() {
        let isService = cameThrough.names.map { CameThrough(rawValue: $0)?.isService == true }
        cameThroughService = cameThrough.codes.map { isService[Int($0)] }
        sparseSlots = [:]
        denseSlots = []
        guard let low = numbers.first, let high = numbers.last else { return }
        let span = high - low + 1
        if span <= 4 * numbers.count + 1024 {
            firstNumber = low
            denseSlots = [Int32](repeating: -1, count: span)
            for (s, n) in numbers.enumerated() { denseSlots[n - low] = Int32(s) }
        } else {
            for (s, n) in numbers.enumerated() { sparseSlots[n] = s }
        }
    }
}

/// One breakdown's values: a small code per member and the text of each code.
public struct ReportCodes: Sendable {
    public private(set) var codes: [Int32] = []
    public private(set) var names: [String] = []
    private var byName: [String: Int32] = [:]

    public init() {}

    /// How many of the given slots have each code, by code; a slot beyond the members counts
    /// nowhere. A report counts five breakdowns over tens of thousands of active members in
    /// each period, so the codes are read without a bounds check: each slot is checked against
    /// the members, and every code is below `names.count`, as `append` gives them.
    func counts(of slots: [Int32]) -> [Int] {
        var counts = [Int](repeating: 0, count: names.count)
        codes.withUnsafeBufferPointer { codes in
            counts.withUnsafeMutableBufferPointer { counts in
                for s in slots where s >= 0 && Int(s) < codes.count { counts[Int(codes[Int(s)])] += 1 }
            }
        }
        return counts
    }

    /// Adds the next member's value, coded; a value met before keeps its code.
    mutating func append(_ value: String) {
        if let c = byName[value] {
            codes.append(c)
            return
        }
        let c = Int32(names.count)
        names.append(value)
        byName[value] = c
        codes.append(c)
    }
}
