#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses
import TerminalUI

/// Copies a Frame into ncurses' virtual screen and lets ncurses send the difference.
///
/// The whole window is erased and redrawn every frame, which is cheap: `werase`
/// touches only ncurses' memory, and `doupdate` compares against what the
/// terminal already shows, so only changed cells go down the wire. `clear`
/// would force a full repaint and is never used here.
struct FrameRenderer {
    let theme: Theme
    private let maxCombined = Int(tb_ccharw_max())

    init(theme: Theme) {
        self.theme = theme
    }

    /// Returns whether the cursor is to be shown.
    func render(_ frame: Frame, into window: UnsafeMutablePointer<WINDOW>) -> Bool {
        werase(window)
        let rows = min(frame.height, Int(tb_max_y(window)))
        let columns = min(frame.width, Int(tb_max_x(window)))
        var buffer = [wchar_t](repeating: 0, count: maxCombined + 1)
        for row in 0..<rows {
            for column in 0..<columns {
                let cell = frame[row, column]
                // The wide character to the left already covers this column.
                if cell.isContinuation { continue }
                if cell.text == " " && cell.style == .plain { continue }
                let wide = column + 1 < frame.width && frame[row, column + 1].isContinuation
                guard fill(&buffer, with: cell.text, room: wide ? 2 : 1, lastColumn: column == columns - 1) else { continue }
                let rendition = theme.rendition(for: cell.style)
                var character = cchar_t()
                if setcchar(&character, buffer, rendition.attributes, rendition.pair, nil) == OK {
                    mvwadd_wch(window, Int32(row), Int32(column), &character)
                }
            }
        }
        guard let cursor = frame.cursor, cursor.row >= 0, cursor.row < rows, cursor.column >= 0, cursor.column < columns else {
            return false
        }
        wmove(window, Int32(cursor.row), Int32(cursor.column))
        return true
    }

    /// Writes the cell's text as ncurses wants it: one spacing character followed by
    /// at most `CCHARW_MAX - 1` combining marks, null-terminated. Clusters that do
    /// not fit that shape (emoji sequences) keep their first character only.
    /// Returns false when nothing can be drawn in the room the frame gave it.
    private func fill(_ buffer: inout [wchar_t], with text: String, room: Int, lastColumn: Bool) -> Bool {
        var count = 0
        for scalar in text.unicodeScalars {
            let value = wchar_t(bitPattern: scalar.value)
            let width = tb_wcwidth(value)
            if count == 0 {
                // A character ncurses thinks wider than its room would spill into
                // the next cell (or wrap at the right margin) and shift the row.
                if width < 1 || width > room || (width > 1 && lastColumn) {
                    buffer[0] = wchar_t(0x20)
                    buffer[1] = 0
                    return true
                }
            } else if width != 0 || count == maxCombined {
                break
            }
            buffer[count] = value
            count += 1
        }
        if count == 0 { return false }
        buffer[count] = 0
        return true
    }
}
