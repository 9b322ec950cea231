/// Checks a CSV file's bytes before any field is read: valid UTF-8 (a spreadsheet saved as
/// Windows-1252 is refused, never imported as mojibake), no escape or other control
/// characters, and quotes as RFC 4180 has them. Fed in chunks, so a file of any size is
/// checked in constant memory, and every refusal names the line.
struct CSVByteCheck {
    private enum Field { case start, unquoted, quoted, quoteInQuoted }

    private var line = 1
    private var field = Field.start
    private var quotedFieldLine = 1
    private var lastWasCR = false
    private var atFileStart = true
    private var bomBytesSeen = 0
    private var sawContent = false
    // UTF-8 decoding state: the scalar so far, how many continuation bytes remain, and the
    // allowed range of the next one (which rules out overlong forms and surrogates).
    private var scalar: UInt32 = 0
    private var remaining = 0
    private var nextLow: UInt8 = 0x80
    private var nextHigh: UInt8 = 0xBF

    mutating func feed<C: Collection>(_ bytes: C) throws(CSVFileError) where C.Element == UInt8 {
        for byte in bytes { try feed(byte) }
    }

    private mutating func feed(_ byte: UInt8) throws(CSVFileError) {
        if atFileStart {
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            if byte == bom[bomBytesSeen] {
                bomBytesSeen += 1
                if bomBytesSeen == 3 { atFileStart = false }
                return
            }
            atFileStart = false
            if bomBytesSeen > 0 {
                // The beginning of a byte-order mark that is not one: decode those bytes normally.
                let seen = Array(bom.prefix(bomBytesSeen))
                bomBytesSeen = 0
                for b in seen { try decode(b) }
            }
        }
        try decode(byte)
    }

    private mutating func decode(_ byte: UInt8) throws(CSVFileError) {
        if remaining > 0 {
            guard byte >= nextLow, byte <= nextHigh else { throw notUTF8() }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
            remaining -= 1
            nextLow = 0x80
            nextHigh = 0xBF
            if remaining == 0 { try take(scalar) }
            return
        }
        switch byte {
        case 0x00...0x7F: try take(UInt32(byte))
        case 0xC2...0xDF: begin(UInt32(byte & 0x1F), 1)
        case 0xE0: begin(0, 2, low: 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: begin(UInt32(byte & 0x0F), 2)
        case 0xED: begin(0x0D, 2, high: 0x9F)
        case 0xF0: begin(0, 3, low: 0x90)
        case 0xF1...0xF3: begin(UInt32(byte & 0x07), 3)
        case 0xF4: begin(4, 3, high: 0x8F)
        default: throw notUTF8()
        }
    }

    private mutating func begin(_ bits: UInt32, _ count: Int, low: UInt8 = 0x80, high: UInt8 = 0xBF) {
        scalar = bits
        remaining = count
        nextLow = low
        nextHigh = high
    }

    private func notUTF8() -> CSVFileError {
        CSVFileError(line: line, "the file is not UTF-8 text (a spreadsheet saved as Windows-1252 or similar); save it as \"CSV UTF-8\" and import it again.")
    }

    private mutating func take(_ s: UInt32) throws(CSVFileError) {
        let isCR = s == 0x0D
        let isLF = s == 0x0A
        if lastWasCR, !isLF { line += 1 }
        lastWasCR = isCR
        if isLF { defer { line += 1 } ; try structure(s); return }
        if isCR { try structure(s); return }
        if s < 0x20 || s == 0x7F || (0x80...0x9F).contains(s) {
            let name = s == 0x1B ? "an escape character" : s == 0x09 ? "a tab character" : "a control character"
            throw CSVFileError(line: line, "a field holds \(name), which no field may contain; remove it and import again.")
        }
        sawContent = true
        try structure(s)
    }

    /// Quote marks as RFC 4180 allows them: a quoted field is quoted from its first character,
    /// a quote inside it is doubled, and after its closing quote comes a comma or the line's end.
    private mutating func structure(_ s: UInt32) throws(CSVFileError) {
        let quote: UInt32 = 0x22, comma: UInt32 = 0x2C
        let lineEnd = s == 0x0A || s == 0x0D
        switch field {
        case .start:
            if s == quote { field = .quoted; quotedFieldLine = line } else if s != comma && !lineEnd { field = .unquoted }
        case .unquoted:
            if s == quote {
                throw CSVFileError(line: line, "a quote mark is inside a field that does not begin with one; put the whole field in quotes and double the quote mark.")
            }
            if s == comma || lineEnd { field = .start }
        case .quoted:
            if s == quote { field = .quoteInQuoted }
        case .quoteInQuoted:
            if s == quote { field = .quoted } else if s == comma || lineEnd { field = .start } else {
                throw CSVFileError(line: line, "a quoted field is followed by more text before the next comma; double a quote mark that belongs in the text.")
            }
        }
    }

    /// Called after the last byte.
    mutating func finish() throws(CSVFileError) {
        if remaining > 0 { throw notUTF8() }
        if field == .quoted {
            throw CSVFileError(line: quotedFieldLine, "a quoted field starts here and is never closed; add the closing quote mark.")
        }
        if !sawContent { throw CSVFileError(line: nil, "The file is empty.") }
    }
}
