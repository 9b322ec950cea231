import Foundation
import TimeBank

/// The value readers every mapping shares. Each is total: any text gives a value or a sentence.
public enum ImportValues {
    /// A date as spreadsheets write it: ISO `YYYY-MM-DD` or British `DD/MM/YYYY`, nothing else
    /// (a file has no "today" to count back from). A timestamp's date part is read too.
    public static func date(_ text: String) -> CalendarDate? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let bytes = Array(t.utf8.prefix(10))
        guard bytes.count == 10 else { return nil }
        // A timestamp "2026-11-28 10:22:33 UTC" or "2026-11-28T10:22:33Z" is read by its day.
        if t.utf8.count > 10 {
            let next = t.utf8[t.utf8.index(t.utf8.startIndex, offsetBy: 10)]
            guard next == UInt8(ascii: " ") || next == UInt8(ascii: "T") else { return nil }
        }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for b in bytes[range] {
                guard b >= 0x30, b <= 0x39 else { return nil }
                n = n * 10 + Int(b - 0x30)
            }
            return n
        }
        if bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
           let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) {
            return CalendarDate(year: y, month: m, day: d)
        }
        if bytes[2] == UInt8(ascii: "/"), bytes[5] == UInt8(ascii: "/"),
           let d = number(0..<2), let m = number(3..<5), let y = number(6..<10) {
            return CalendarDate(year: y, month: m, day: d)
        }
        return nil
    }

    /// A whole number of ASCII digits, optionally signed, at most 12 digits.
    public static func integer(_ text: String) -> Int? {
        var t = Substring(text.trimmingCharacters(in: .whitespaces))
        var sign = 1
        if let first = t.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            t = t.dropFirst()
        }
        guard !t.isEmpty, t.utf8.count <= 12 else { return nil }
        var n = 0
        for b in t.utf8 {
            guard b >= 0x30, b <= 0x39 else { return nil }
            n = n * 10 + Int(b - 0x30)
        }
        return sign * n
    }

    /// `true`/`false` as the export writes them; also yes/no and 1/0 as spreadsheets do.
    public static func bool(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "yes", "1", "y": return true
        case "false", "no", "0", "n", "": return false
        default: return nil
        }
    }

    /// Decimal hours ("1.50", "-2.25") as whole minutes; nil when not a whole number of minutes.
    public static func hoursAsMinutes(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let negative = t.hasPrefix("-")
        let body = negative ? String(t.dropFirst()) : t
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = integer(String(parts[0])), whole >= 0, !parts[0].hasPrefix("+") else { return nil }
        var minutes = whole * 60
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.count <= 6, fraction.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  let f = Int(fraction) else { return nil }
            var scale = 1
            for _ in 0..<fraction.count { scale *= 10 }
            guard (f * 60) % scale == 0 else { return nil }
            minutes += f * 60 / scale
        }
        return negative ? -minutes : minutes
    }

    /// A name-based id: the same text always gives the same UUID, so a file with no ids of its
    /// own (TimeOverflow's transfers, opening balances) imports once however often it is run.
    public static func stableID(_ text: String) -> UUID {
        // Two FNV-1a 64-bit hashes with different offsets: stable across runs and machines
        // (Swift's Hasher is seeded per process), and enough bits that rows do not collide.
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x6c62_272e_07bb_0142
        for byte in text.utf8 {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = b &+ (b << 7)
        }
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 {
            bytes[i] = UInt8(truncatingIfNeeded: a >> (8 * UInt64(i)))
            bytes[8 + i] = UInt8(truncatingIfNeeded: b >> (8 * UInt64(i)))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5 (name-based)
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
