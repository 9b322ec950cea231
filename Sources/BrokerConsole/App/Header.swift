import TerminalUI
import TimeBank

/// The top line: time bank, broker, screen and date, so a broker at a shared terminal
/// always sees whose name their changes will carry.
enum Header {
    static func render(timeBank: String, broker: Broker, screen: ScreenID, date: CalendarDate, into frame: inout Frame, at rect: Rect) {
        frame.fill(rect, style: .header)
        let right = "\(broker.displayName) (\(broker.role.rawValue)) · \(weekday(date)) \(date.british)"
        let rightWidth = min(right.displayWidth, rect.width / 2)
        let left = "\(timeBank) · \(screen.title)"
        frame.put(left, row: rect.row, column: rect.column + 1, maxWidth: rect.width - rightWidth - 3, style: .header)
        frame.put(right, row: rect.row, column: rect.maxColumn - rightWidth - 1, maxWidth: rightWidth, style: .header)
    }

    static func weekday(_ date: CalendarDate) -> String {
        // 1970-01-01 was a Thursday.
        ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((date.dayNumber % 7) + 7) % 7]
    }
}

/// The row of screen keys under the header; the current screen stands out in reverse video.
enum ScreenBar {
    static func render(current: ScreenID, into frame: inout Frame, at rect: Rect) {
        var column = rect.column + 1
        for screen in ScreenID.allCases {
            let label = " \(screen.rawValue) \(screen.title) "
            let style: Style = screen == current ? Style(bold: true, reverse: true, role: .focus) : .plain
            column += frame.put(label, row: rect.row, column: column, maxWidth: rect.maxColumn - column, style: style)
            column += 1
        }
    }
}
