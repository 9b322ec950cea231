/// Just enough of a VT100/xterm to replay what ncurses sends and read back the
/// screen, so drawing tests check what a user would see rather than particular
/// escape sequences (ncurses is free to choose its own optimisations).
struct ScreenEmulator {
    let width: Int
    let height: Int
    private(set) var cells: [[String]]
    private var row = 0
    private var column = 0
    private var pendingWrap = false
    private var savedCursor = (0, 0)
    private var lastPrinted = " "
    /// Every SGR parameter list seen, for checks on colour versus monochrome.
    private(set) var graphicRenditions: [[Int]] = []

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        cells = Array(repeating: Array(repeating: " ", count: width), count: height)
    }

    /// Each row as text; the right half of a wide character reads as nothing.
    var lines: [String] {
        cells.map { row in row.joined() }
    }

    mutating func feed(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar.value {
            case 0x1B: escape(&scalars)
            case 0x0D: column = 0; pendingWrap = false
            case 0x0A: lineFeed()
            case 0x08: column = max(0, column - 1); pendingWrap = false
            case 0x09: column = min(width - 1, (column / 8 + 1) * 8); pendingWrap = false
            case 0..<0x20, 0x7F: break
            default: put(scalar)
            }
        }
    }

    private mutating func put(_ scalar: Unicode.Scalar) {
        let width = Self.width(of: scalar)
        if width == 0 {
            let target = pendingWrap ? column : max(0, column - 1)
            cells[row][target] += String(scalar)
            return
        }
        if pendingWrap || column + width > self.width {
            column = 0
            lineFeed()
        }
        cells[row][column] = String(scalar)
        if width == 2 && column + 1 < self.width { cells[row][column + 1] = "" }
        lastPrinted = String(scalar)
        column += width
        if column >= self.width {
            column = self.width - 1
            pendingWrap = true
        }
    }

    private mutating func lineFeed() {
        pendingWrap = false
        if row == height - 1 {
            cells.removeFirst()
            cells.append(Array(repeating: " ", count: width))
        } else {
            row += 1
        }
    }

    private mutating func escape(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        guard let next = scalars.popFirst() else { return }
        switch next {
        case "[": controlSequence(&scalars)
        case "]":
            // Operating system command: up to BEL or ESC \.
            while let s = scalars.popFirst(), s != "\u{07}" {
                if s == "\u{1B}" { _ = scalars.popFirst(); break }
            }
        case "(", ")", "*", "+": _ = scalars.popFirst()
        case "7": savedCursor = (row, column)
        case "8": (row, column) = savedCursor; pendingWrap = false
        case "M": row = max(0, row - 1)
        case "D": lineFeed()
        case "E": column = 0; lineFeed()
        default: break
        }
    }

    private mutating func controlSequence(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        var parameterText = ""
        var final: Unicode.Scalar = "@"
        while let s = scalars.popFirst() {
            if (0x40...0x7E).contains(s.value) { final = s; break }
            parameterText.unicodeScalars.append(s)
        }
        let isPrivate = parameterText.hasPrefix("?") || parameterText.hasPrefix(">")
        let parameters = parameterText.drop { $0 == "?" || $0 == ">" }
            .split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        func parameter(_ index: Int, default value: Int) -> Int {
            index < parameters.count && parameters[index] != 0 ? parameters[index] : value
        }
        if isPrivate { return }
        pendingWrap = false
        switch final {
        case "H", "f":
            row = min(height - 1, parameter(0, default: 1) - 1)
            column = min(width - 1, parameter(1, default: 1) - 1)
        case "A": row = max(0, row - parameter(0, default: 1))
        case "B": row = min(height - 1, row + parameter(0, default: 1))
        case "C": column = min(width - 1, column + parameter(0, default: 1))
        case "D": column = max(0, column - parameter(0, default: 1))
        case "G", "`": column = min(width - 1, parameter(0, default: 1) - 1)
        case "d": row = min(height - 1, parameter(0, default: 1) - 1)
        case "K":
            switch parameters.first ?? 0 {
            case 1: blank(row: row, from: 0, to: column + 1)
            case 2: blank(row: row, from: 0, to: width)
            default: blank(row: row, from: column, to: width)
            }
        case "J":
            switch parameters.first ?? 0 {
            case 1:
                for r in 0..<row { blank(row: r, from: 0, to: width) }
                blank(row: row, from: 0, to: column + 1)
            case 2, 3:
                for r in 0..<height { blank(row: r, from: 0, to: width) }
            default:
                blank(row: row, from: column, to: width)
                for r in (row + 1)..<height { blank(row: r, from: 0, to: width) }
            }
        case "X": blank(row: row, from: column, to: min(width, column + parameter(0, default: 1)))
        case "b":
            for _ in 0..<parameter(0, default: 1) {
                for scalar in lastPrinted.unicodeScalars { put(scalar) }
            }
        case "@":
            let count = parameter(0, default: 1)
            cells[row].insert(contentsOf: Array(repeating: " ", count: count), at: column)
            cells[row].removeLast(count)
        case "P":
            let count = min(parameter(0, default: 1), width - column)
            cells[row].removeSubrange(column..<column + count)
            cells[row].append(contentsOf: Array(repeating: " ", count: count))
        case "L":
            for _ in 0..<parameter(0, default: 1) {
                cells.insert(Array(repeating: " ", count: width), at: row)
                cells.removeLast()
            }
        case "M":
            for _ in 0..<parameter(0, default: 1) {
                cells.remove(at: row)
                cells.append(Array(repeating: " ", count: width))
            }
        case "m": graphicRenditions.append(parameters)
        default: break
        }
    }

    private mutating func blank(row: Int, from start: Int, to end: Int) {
        guard start < end else { return }
        for c in start..<end { cells[row][c] = " " }
    }

    /// East Asian wide and combining marks, as far as the tests' text needs.
    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark {
            return 0
        }
        let wideRanges: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
            0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD,
        ]
        return wideRanges.contains { $0.contains(value) } ? 2 : 1
    }
}
