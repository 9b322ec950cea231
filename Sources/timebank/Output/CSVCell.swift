/// One CSV cell as bytes, the one rule for every export: RFC 4180 quotes where a comma, a quote,
/// a line break or a space at either end needs them, and a leading `'` on text a spreadsheet
/// would run as a formula (`=`, `+`, `-`, `@`, a tab or a carriage return first).
enum CSVCell {
    static func append(_ text: UnsafeBufferPointer<UInt8>, protect: Bool, to out: inout [UInt8]) {
        var needsQuotes = false
        var hasQuote = false
        for b in text {
            if b == 0x2C || b == 0x0A || b == 0x0D { needsQuotes = true }
            if b == 0x22 { needsQuotes = true; hasQuote = true }
        }
        if let first = text.first, first == 0x20 { needsQuotes = true }
        if let last = text.last, last == 0x20 { needsQuotes = true }
        let first = text.first ?? 0
        let formula = protect && (first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D)
        if needsQuotes { out.append(0x22) }
        if formula { out.append(0x27) }
        if hasQuote {
            for b in text {
                out.append(b)
                if b == 0x22 { out.append(0x22) }
            }
        } else {
            out.append(contentsOf: text)
        }
        if needsQuotes { out.append(0x22) }
    }

    /// A whole number in decimal digits, without making a String.
    static func appendInteger(_ n: Int, to out: inout [UInt8]) {
        if n < 0 { out.append(0x2D) }
        var magnitude = n.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
                count += 1
            } while magnitude > 0
            out.append(contentsOf: buffer[(20 - count)...])
        }
    }
}
