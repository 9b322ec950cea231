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
    /// stored texts, empty when not given.
    public mutating func append(number: Int, kind: MemberKind, cameThrough: String, area: String, ageBand: String, gender: String,
                                ethnicity: String, disability: String, mayBeNamed: Bool, isCurrent: Bool = true) {
        appendCoded(number: number, isOrganisation: kind == .organisation,
                    cameThroughService: CameThrough(rawValue: cameThrough)?.isService == true, mayBeNamed: mayBeNamed, isCurrent: isCurrent,
                    codes: (self.area.code(area), self.ageBand.code(ageBand), self.gender.code(gender), self.ethnicity.code(ethnicity),
                            self.disability.code(disability), self.cameThrough.code(cameThrough)))
    }

    /// The same with codes already taken from this value's `ReportCodes` (the store's fast read).
    public mutating func appendCoded(number: Int, isOrganisation: Bool, cameThroughService: Bool, mayBeNamed: Bool, isCurrent: Bool,
                                     codes: (area: Int32, ageBand: Int32, gender: Int32, ethnicity: Int32, disability: Int32, cameThrough: Int32)) {
        numbers.append(number)
        self.isOrganisation.append(isOrganisation)
        self.cameThroughService.append(cameThroughService)
        self.mayBeNamed.append(mayBeNamed)
        self.isCurrent.append(isCurrent)
        area.codes.append(codes.area)
        ageBand.codes.append(codes.ageBand)
        gender.codes.append(codes.gender)
        ethnicity.codes.append(codes.ethnicity)
        disability.codes.append(codes.disability)
        cameThrough.codes.append(codes.cameThrough)
    }

    /// The interning tables, for a reader that codes values itself before `appendCoded`.
    public mutating func withCodes<T>(_ body: (inout ReportCodes, inout ReportCodes, inout ReportCodes, inout ReportCodes,
                                               inout ReportCodes, inout ReportCodes) throws -> T) rethrows -> T {
        try body(&area, &ageBand, &gender, &ethnicity, &disability, &cameThrough)
    }

    /// Builds the slot look-up once every member is in.
    public mutating func finish() {
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
    public fileprivate(set) var codes: [Int32] = []
    public private(set) var names: [String] = []
    private var byName: [String: Int32] = [:]

    public init() {}

    /// The code of a value, added when new.
    public mutating func code(_ value: String) -> Int32 {
        if let c = byName[value] { return c }
        let c = Int32(names.count)
        names.append(value)
        byName[value] = c
        return c
    }
}
