import TerminalUI

/// Frames the drawing and byte-count tests share.
enum FrameSamples {
    /// Writes `text` from `column`, giving wide characters their continuation cell.
    static func write(_ text: String, row: Int, column: Int, style: Style = .plain, into frame: inout Frame) {
        var column = column
        for character in text {
            let wide = character.unicodeScalars.first.map { ScreenEmulator.width(of: $0) == 2 } ?? false
            frame[row, column] = Cell(text: String(character), style: style)
            if wide { frame[row, column + 1] = Cell(text: "", style: style, isContinuation: true) }
            column += wide ? 2 : 1
        }
    }

    /// A member list filling an 80x24 screen, with row `selected` highlighted and
    /// the cursor on it, as the Members screen will draw it.
    static func memberList(selected: Int, size: Size = Size(width: 80, height: 24)) -> Frame {
        var frame = Frame(size: size)
        let title = "Members" + String(repeating: " ", count: size.width - 7)
        write(title, row: 0, column: 0, style: .header, into: &frame)
        let names = ["Zoë Ærø", "王小明", "Siobhán Ní Bhriain", "Đặng Thị Hoa", "Jürgen Groß", "Amara Okafor"]
        for row in 1..<(size.height - 1) {
            let number = String(1000 + row)
            let name = names[row % names.count]
            let style: Style = row == selected ? .selected : .plain
            var line = "\(number)  \(name)"
            let nameWidth = name.reduce(0) { $0 + (ScreenEmulator.width(of: $1.unicodeScalars.first!) == 2 ? 2 : 1) }
            line += String(repeating: " ", count: 28 - nameWidth) + "gardening, lifts to appointments, IT help"
            let padding = size.width - (line.count + (nameWidth - name.count))
            write(line + String(repeating: " ", count: max(0, padding)), row: row, column: 0, style: style, into: &frame)
        }
        write("↑↓ move  Enter open  / search  ? help  q quit", row: size.height - 1, column: 0, style: .muted, into: &frame)
        frame.cursor = Position(row: selected, column: 0)
        return frame
    }

    /// The frame's text as the screen shows it (continuation cells read as nothing).
    static func lines(of frame: Frame) -> [String] {
        (0..<frame.height).map { row in
            (0..<frame.width).map { frame[row, $0].text }.joined()
        }
    }
}
