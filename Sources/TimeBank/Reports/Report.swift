/// A period's figures beside the previous period of the same length and the same period a year before.
public struct Report: Sendable {
    public var timeBankName: String
    public var current: ReportFigures
    public var previous: ReportFigures?
    public var yearBefore: ReportFigures?

    public init(timeBankName: String, current: ReportFigures, previous: ReportFigures?, yearBefore: ReportFigures?) {
        self.timeBankName = timeBankName
        self.current = current
        self.previous = previous
        self.yearBefore = yearBefore
    }

    public var period: ReportPeriod { current.period }

    /// A row with what the same figure (and group) was in the two periods compared.
    public struct Line: Hashable, Sendable {
        public var row: ReportRow
        public var previous: ReportValue?
        public var yearBefore: ReportValue?
    }

    /// The lines of the chosen sections (all when empty), in the report's order.
    public func lines(sections: [ReportSection] = []) -> [Line] {
        let wanted = Set(sections.isEmpty ? ReportSection.allCases : sections)
        let before = Dictionary(previous?.rows.map { ($0.key, $0.value) } ?? [], uniquingKeysWith: { a, _ in a })
        let yearAgo = Dictionary(yearBefore?.rows.map { ($0.key, $0.value) } ?? [], uniquingKeysWith: { a, _ in a })
        return ReportSection.allCases.filter(wanted.contains).flatMap { s in
            current.rows.filter { $0.section == s }.map { Line(row: $0, previous: before[$0.key], yearBefore: yearAgo[$0.key]) }
        }
    }
}
