import Foundation

/// The benchmark's output: a plain-text table for people, JSON for scripts.
struct Report: Encodable {
    var members: Int
    var exchanges: Int
    var database: String
    var machine: String
    var figures: [Figure]

    func table() -> String {
        let header = ["measure", "median", "p99", "max", "target", "result"]
        var rows: [[String]] = figures.map { f in
            let values = f.summary.map { s in [s.median, s.p99, s.max].map { Report.format($0, f.unit) } }
                ?? Array(repeating: "-", count: 3)
            let target = f.target.map { "\(Report.formatLimit($0.limit, f.unit)) \($0.statistic.rawValue)" } ?? "-"
            return [f.name] + values + [target, Report.mark(f)]
        }
        rows.insert(header, at: 0)
        let widths = header.indices.map { i in rows.map { $0[i].count }.max() ?? 0 }
        var lines = rows.map { row in
            row.enumerated().map { i, cell in
                // Numbers right-aligned so their digits line up; words left-aligned.
                (1...3).contains(i) ? cell.leftPadded(to: widths[i]) : cell.padded(to: widths[i])
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        lines.insert(String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1)), at: 1)
        let notes = figures.enumerated().map { "  \($0.offset + 1). \($0.element.name): \($0.element.failure ?? $0.element.method)" }
        let misses = figures.filter { $0.verdict == .missed || $0.verdict == .failed }.count
        return """
            timebank-bench: \(members) members, \(exchanges) exchanges, \(database)
            \(machine)

            \(lines.joined(separator: "\n"))

            \(misses == 0 ? "Every measured figure meets its target." : "\(misses) figure\(misses == 1 ? "" : "s") MISS their target (marked MISS).")
            How each figure was taken:
            \(notes.joined(separator: "\n"))
            """
    }

    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }

    static func mark(_ figure: Figure) -> String {
        switch figure.verdict {
        case .met: return "ok"
        case .missed: return "MISS"
        case .noTarget: return "-"
        case .notBuilt: return "not built yet"
        case .failed: return "FAILED"
        }
    }

    /// Targets are round numbers; showing "150.0 ms" would suggest a precision they lack.
    static func formatLimit(_ value: Double, _ unit: Figure.Unit) -> String {
        value == value.rounded() ? "\(Int(value)) \(unit.rawValue == "bytes" ? "B" : unit.rawValue)" : format(value, unit)
    }

    static func format(_ value: Double, _ unit: Figure.Unit) -> String {
        switch unit {
        case .milliseconds: return String(format: value < 10 ? "%.2f ms" : "%.1f ms", value)
        case .bytes: return "\(Int(value.rounded())) B"
        case .megabytes: return String(format: "%.1f MB", value)
        }
    }

    /// What the figures were measured on, since they mean little without it.
    static func describeMachine() -> String {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        let model = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? nil
        // Other work on the machine inflates p99 and max; the load average says how much there was.
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init)
        return "\(cores) cores\(model.map { " (\($0))" } ?? ""), \(String(format: "%.0f", memory)) GB RAM"
            + (load.map { ", load average \($0) at the start" } ?? "")
    }
}

extension String {
    func padded(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
