/// What makes an acceptable PIN: at least 6 digits, or a passphrase of at least 10 characters.
public enum PinPolicy {
    public static let minimumDigits = 6
    public static let minimumPassphrase = 10
    public static let maximumLength = 128

    /// Nil when acceptable; otherwise one sentence that never repeats the PIN.
    public static func problem(with pin: [UInt8]) -> String? {
        guard pin.count <= maximumLength else { return "A PIN is at most \(maximumLength) characters." }
        guard !pin.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return "A PIN cannot contain control characters." }
        let digitsOnly = !pin.isEmpty && pin.allSatisfy { (0x30...0x39).contains($0) }
        if digitsOnly {
            return pin.count >= minimumDigits ? nil : "A PIN needs at least \(minimumDigits) digits, or use a passphrase of at least \(minimumPassphrase) characters."
        }
        // Counted in code points, not bytes, so a passphrase in any script counts alike; counted
        // on the bytes, so the PIN is not copied into a String that outlives the check.
        let characters = pin.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
        return characters >= minimumPassphrase ? nil : "A passphrase needs at least \(minimumPassphrase) characters, or use a PIN of at least \(minimumDigits) digits."
    }
}

/// How long a broker waits after wrong PINs in a row: nothing for the first four, then 30
/// seconds after the fifth, doubling with each further failure, never more than 15 minutes.
public enum PinLockout {
    public static let freeFailures = 4
    public static let firstLockSeconds = 30
    public static let longestLockSeconds = 15 * 60

    /// Seconds locked out after `failures` wrong PINs in a row; zero when not locked.
    public static func lockSeconds(afterFailures failures: Int) -> Int {
        guard failures > freeFailures else { return 0 }
        let doublings = failures - freeFailures - 1
        // 30 · 2^5 already passes 15 minutes; stop doubling before an overflow could happen.
        guard doublings < 5 else { return longestLockSeconds }
        return min(firstLockSeconds << doublings, longestLockSeconds)
    }

    /// "30 seconds", "2 minutes", "1 minute 30 seconds".
    public static func wording(seconds: Int) -> String {
        let s = max(seconds, 1)
        if s < 60 { return "\(s) second\(s == 1 ? "" : "s")" }
        let m = s / 60, rest = s % 60
        let minutes = "\(m) minute\(m == 1 ? "" : "s")"
        return rest == 0 ? minutes : "\(minutes) \(rest) second\(rest == 1 ? "" : "s")"
    }
}
