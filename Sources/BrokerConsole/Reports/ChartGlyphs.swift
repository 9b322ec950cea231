import Foundation

/// Whether bars can be drawn with block characters. A vt100, or the Linux console without a
/// UTF-8 locale, cannot show them; bars are then drawn with `#`.
enum ChartGlyphs {
    static func blocksSupported(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        let term = environment["TERM"] ?? ""
        if term.hasPrefix("vt") || term == "dumb" || term.isEmpty { return false }
        let locale = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LANG"] ?? ""
        let utf8 = locale.uppercased().contains("UTF-8") || locale.uppercased().contains("UTF8")
        if term == "linux" { return utf8 }
        return utf8
    }
}
