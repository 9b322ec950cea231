/// Counts as brokers read them: "81,384", and "5,000+" for a count that stopped at a limit.
public enum CountText {
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = n < 0 ? "-" : ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }

    /// "1 row", "12 rows", "5,000+ rows".
    public static func count(_ n: Int, _ singular: String, _ plural: String, atLeast: Bool = false) -> String {
        n == 1 && !atLeast ? "1 \(singular)" : "\(grouped(n))\(atLeast ? "+" : "") \(plural)"
    }
}
