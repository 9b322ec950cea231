extension ReportPeople {
    /// How many of the given slots have each value of each demographic breakdown, in the order
    /// of `ReportFigures.demographics`, by code; a slot beyond the members counts nowhere.
    func demographicCounts(of slots: [Int32]) -> [[Int]] {
        ReportFigures.demographics(self).map { $0.codes.counts(of: slots) }
    }
}
