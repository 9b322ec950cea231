import Foundation

/// The report written out: `text` the printable board report (80 columns), `md` the same for a
/// document, `csv` one tidy table, `json` the same figures nested. Both the command line and
/// screen 6 write through these, so a file from either is the same.
public enum ReportDocument {
    public enum Format: String, CaseIterable, Sendable {
        case text, md, csv, json
    }

    public static func render(_ report: Report, format: Format, sections: [ReportSection] = []) -> String {
        switch format {
        case .text: return text(report, sections: sections)
        case .md: return markdown(report, sections: sections)
        case .csv: return csv(report, sections: sections)
        case .json: return json(report, sections: sections)
        }
    }

    // MARK: csv

    public static let csvHeader = "section,figure,breakdown,value,previous,year_before"

    public static func csv(_ report: Report, sections: [ReportSection] = []) -> String {
        var out = csvHeader + "\n"
        for l in report.lines(sections: sections) {
            out += [l.row.section.rawValue, l.row.figure, l.row.breakdown, l.row.value.data,
                    l.previous?.data ?? "", l.yearBefore?.data ?? ""].map(csvField).joined(separator: ",") + "\n"
        }
        return out
    }

    /// RFC 4180 quoting; a field a spreadsheet would run as a formula is written as text.
    static func csvField(_ s: String) -> String {
        var v = s
        // Looked for in the UTF-8 bytes: a report writes thousands of fields, and walking each one's
        // characters cost more than the rest of the CSV. A line break is quoted also when written
        // as "\r\n", which is one character, not two.
        if let b = v.utf8.first, b == UInt8(ascii: "=") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: "@"),
           let f = v.first, "=+-@".contains(f), Double(v) == nil {
            v = "'" + v
        }
        guard v.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: json

    /// `{"period": {...}, "sections": {"headline": {"exchanges": {"value": …, "previous": …, "year_before": …}},
    /// "by_month": {"minutes_exchanged": {"2026-07": {"value": …}}}}, "milestones": [...]}`
    public static func json(_ report: Report, sections: [ReportSection] = []) -> String {
        func value(_ v: ReportValue?) -> String {
            guard let v else { return "null" }
            switch v {
            case .people where v.isSuppressed: return jsonString(ReportValue.suppressed)
            case .rate(nil), .days(nil), .measure(nil): return "null"
            default: return v.data
            }
        }
        func triple(_ l: Report.Line) -> String {
            "{\"value\": \(value(l.row.value)), \"previous\": \(value(l.previous)), \"year_before\": \(value(l.yearBefore))}"
        }
        let p = report.period
        var out = "{\n  \"time_bank\": \(jsonString(report.timeBankName)),\n"
        out += "  \"period\": {\"code\": \(jsonString(p.code)), \"from\": \"\(p.first.iso)\", \"to\": \"\(p.last.iso)\""
        out += ", \"previous\": " + (report.previous.map { jsonString($0.period.code) } ?? "null")
        out += ", \"year_before\": " + (report.yearBefore.map { jsonString($0.period.code) } ?? "null") + "},\n"
        out += "  \"sections\": {"
        let lines = report.lines(sections: sections)
        var firstSection = true
        for s in ReportSection.allCases {
            let mine = lines.filter { $0.row.section == s }
            guard !mine.isEmpty else { continue }
            out += (firstSection ? "\n" : ",\n") + "    \(jsonString(s.rawValue)): {"
            firstSection = false
            var figures: [String] = []
            for l in mine where !figures.contains(l.row.figure) { figures.append(l.row.figure) }
            out += figures.map { f in
                let of = mine.filter { $0.row.figure == f }
                if of.count == 1, of[0].row.breakdown.isEmpty { return "\n      \(jsonString(f)): " + triple(of[0]) }
                return "\n      \(jsonString(f)): {" + of.map { "\n        \(jsonString($0.row.breakdown)): " + triple($0) }.joined(separator: ",") + "\n      }"
            }.joined(separator: ",")
            out += "\n    }"
        }
        out += "\n  },\n  \"milestones\": ["
        let wantsRecognition = sections.isEmpty || sections.contains(.recognition)
        out += (wantsRecognition ? report.current.namedMilestones : []).map {
            "{\"member\": \($0.number), \"name\": \(jsonString($0.name)), \"hours\": \($0.hours)}"
        }.joined(separator: ", ")
        out += "]\n}\n"
        return out
    }

    static func jsonString(_ s: String) -> String { JSONText.quoted(s) }

    // MARK: text and md

    /// The printable board report: 80 columns, hours as H:MM, each figure beside the periods compared.
    public static func text(_ report: Report, sections: [ReportSection] = []) -> String {
        var out = heading(report).map { $0 + "\n" }.joined()
        let lines = report.lines(sections: sections)
        for s in ReportSection.allCases {
            let mine = lines.filter { $0.row.section == s }
            guard !mine.isEmpty else { continue }
            out += "\n" + s.title.uppercased() + "\n"
            let widths = figureColumnWidths(mine)
            // 79 columns in all, as with the standard widths: a wider figure takes from the label.
            let labelWidth = max(16, 79 - widths.reduce(0, +))
            func line(_ label: String, _ cells: [String]) -> String {
                pad(label, labelWidth) + zip(cells, widths).map { padLeft($0, $1) }.joined() + "\n"
            }
            out += line("", figureHeadings)
            for l in mine { out += line(lineLabel(l.row, width: labelWidth - 1), figureCells(l)) }
            if s == .byMonth { out += "\n" + monthChart(report.current, width: 80, blocks: false).joined(separator: "\n") + "\n" }
            if s == .recognition { out += namedLines(report.current).map { "  " + $0 + "\n" }.joined() }
        }
        return out
    }

    public static func markdown(_ report: Report, sections: [ReportSection] = []) -> String {
        var out = "# " + heading(report).joined(separator: "\n\n") + "\n"
        let lines = report.lines(sections: sections)
        for s in ReportSection.allCases {
            let mine = lines.filter { $0.row.section == s }
            guard !mine.isEmpty else { continue }
            out += "\n## \(s.title)\n\n| Figure | This period | Previous | Change | Year before |\n|---|---:|---:|---:|---:|\n"
            for l in mine {
                out += "| \(mdCell(lineLabel(l.row))) | \(l.row.value.printed) | \(l.previous?.printed ?? "") | "
                    + "\(l.row.value.change(from: l.previous)) | \(l.yearBefore?.printed ?? "") |\n"
            }
            if s == .recognition, !report.current.namedMilestones.isEmpty {
                out += "\n" + namedLines(report.current).map { "- " + mdCell($0) + "\n" }.joined()
            }
        }
        return out
    }

    static func mdCell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }

    public static func heading(_ report: Report) -> [String] {
        let p = report.period
        var lines = ["\(report.timeBankName): report for \(p.title)", "Dates of service \(p.first.iso) to \(p.last.iso)"]
        var compared: [String] = []
        if let prev = report.previous { compared.append("previous \(prev.period.code)") }
        if let ago = report.yearBefore { compared.append("year before \(ago.period.code)") }
        if !compared.isEmpty { lines.append("Compared with " + compared.joined(separator: " and ")) }
        return lines
    }

    /// A row's words in at most `width` characters: a breakdown's group name is shortened, never its figure.
    public static func lineLabel(_ row: ReportRow, width: Int = 33) -> String {
        let label = ReportWording.label(row.figure)
        guard !row.breakdown.isEmpty else { return String(label.prefix(width)) }
        let tail: String
        switch row.section {
        case .byMonth, .byCategory, .byCategoryGroup, .byArea, .byMemberKind: tail = " " + ReportWording.short(row.figure)
        case .recognition: return String((label + " " + row.breakdown + " given").prefix(width))
        default: return String((label + ": " + row.breakdown).prefix(width))
        }
        let room = max(1, width - tail.count)
        let name = row.breakdown.count > room ? String(row.breakdown.prefix(room - 1)) + "…" : row.breakdown
        return name + tail
    }

    static func namedLines(_ figures: ReportFigures) -> [String] {
        figures.namedMilestones.map { "\($0.hours) hours: \($0.name) (\($0.number))" }
    }

    /// Hours by month as bars, the longest filling the width. `blocks` draws with block
    /// characters; without, with `#` for terminals that cannot show them.
    public static func monthChart(_ figures: ReportFigures, width: Int, blocks: Bool) -> [String] {
        let months = figures.rows.filter { $0.section == .byMonth && $0.figure == "minutes_exchanged" }
        let top = months.compactMap { $0.value.number }.max() ?? 0
        let barWidth = max(1, width - 8 - 11)
        return months.map { row in
            let m = max(0, row.value.number ?? 0)
            let eighths = top > 0 ? Int((m / top * Double(barWidth * 8)).rounded()) : 0
            var bar = ""
            if blocks {
                bar = String(repeating: "█", count: eighths / 8)
                let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
                bar += partial
            } else {
                bar = String(repeating: "#", count: (eighths + 4) / 8)
            }
            return row.breakdown + " " + pad(bar, barWidth) + padLeft(row.value.printed, 11)
        }
    }

    /// The four figure columns of the text report and screen 6, right-aligned.
    public static let figureHeadings = ["This period", "Previous", "Change", "Year before"]
    public static let figureColumnWidths = [11, 11, 11, 12]

    /// The figure columns' widths for these lines: the standard ones, each widened to keep a space
    /// before its widest figure (a year's change in hours at 100,000 members, "+369,738:15", filled 11).
    public static func figureColumnWidths(_ lines: [Report.Line]) -> [Int] {
        let cells = lines.map(figureCells)
        return figureColumnWidths.enumerated().map { i, standard in
            max(standard, cells.map { $0[i].count + 1 }.max() ?? 0)
        }
    }

    /// A line's four figures as printed: this period, previous, the change, the year before.
    public static func figureCells(_ l: Report.Line) -> [String] {
        [l.row.value.printed, l.previous?.printed ?? "", l.row.value.change(from: l.previous), l.yearBefore?.printed ?? ""]
    }

    static func pad(_ s: String, _ w: Int) -> String {
        s.count >= w ? String(s.prefix(w - 1)) + " " : s + String(repeating: " ", count: w - s.count)
    }

    static func padLeft(_ s: String, _ w: Int) -> String {
        s.count >= w ? s : String(repeating: " ", count: w - s.count) + s
    }
}
