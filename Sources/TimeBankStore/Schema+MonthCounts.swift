/// The one way a trigger adds to a table of one count per month (`month` the key): the row is
/// made on first use and kept when the count falls back to 0 (`Store.monthCountProblems` agrees).
extension Schema {
    static func addToMonthCount(_ table: String, _ column: String, month: String, by change: String, when condition: String = "1") -> String {
        """
        INSERT INTO \(table) (month, \(column)) SELECT \(month), \(change) WHERE \(condition)
            ON CONFLICT (month) DO UPDATE SET \(column) = \(column) + excluded.\(column);
        """
    }
}
