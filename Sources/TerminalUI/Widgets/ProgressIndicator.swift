/// Progress of long work, as whole units done out of a total (nil when the
/// total is not known yet).
public struct Progress: Sendable, Hashable {
    public var label: String
    public var completed: Int
    public var total: Int?

    public init(label: String, completed: Int, total: Int?) {
        self.label = label
        self.completed = completed
        self.total = total
    }

    /// Whole percent done, or nil when the total is unknown.
    public var percent: Int? {
        guard let total, total > 0 else { return nil }
        return min(100, max(0, completed * 100 / total))
    }
}

/// Draws "Label [#####.....]  50%": a text bar that needs no colour.
/// With an unknown total it shows the count so far ("Label… 1,234").
public enum ProgressIndicator {
    public static func render(_ progress: Progress, into frame: inout Frame, at rect: Rect) {
        guard !rect.isEmpty else { return }
        let line = rect.row(0)
        frame.fill(line)
        guard let percent = progress.percent, let total = progress.total else {
            frame.put("\(Sanitizer.clean(progress.label))… \(progress.completed)", row: line.row, column: line.column, maxWidth: line.width)
            return
        }
        let suffix = String(repeating: " ", count: 3 - min(3, String(percent).count)) + "\(percent)%"
        let labelWidth = min(progress.label.displayWidth, max(0, line.width / 2))
        let parts = line.splitColumns([.fixed(labelWidth), .minimum(3), .fixed(suffix.count)], gap: labelWidth > 0 ? 1 : 0)
        frame.put(progress.label, row: line.row, column: parts[0].column, maxWidth: parts[0].width)
        let inner = max(0, parts[1].width - 2)
        let filled = total > 0 ? min(inner, inner * min(progress.completed, total) / total) : 0
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: inner - filled) + "]"
        frame.put(bar, row: line.row, column: parts[1].column, maxWidth: parts[1].width)
        frame.put(suffix, row: line.row, column: parts[2].column, maxWidth: parts[2].width, style: .bold)
    }
}
