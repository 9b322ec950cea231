import TerminalUI

/// Data made safe to print on a terminal, with the same sanitiser and widths as the console.
enum Printable {
    static func clean(_ s: String, limit: Int = .max) -> String {
        let cleaned = Sanitizer.clean(s)
        return limit == .max ? cleaned : TextMeasure.truncate(cleaned, toWidth: limit)
    }

    static func width(_ s: String) -> Int { DisplayWidth.of(s) }
}
