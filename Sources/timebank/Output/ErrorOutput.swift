import Foundation
import TerminalUI

/// The one way the command line reports a failure: on stderr, always through the console's
/// sanitiser (whatever stderr is), so an echoed argument or stored name can neither act on the
/// terminal nor break the one line into two.
enum ErrorOutput {
    /// One sentence on one line; `lines` keeps the line breaks of a list (what `check` found).
    static func report(_ message: String, lines: Bool = false) {
        let safe = lines ? TerminalSafeText.lines(message) : Sanitizer.clean(message)
        FileHandle.standardError.write(Data((safe + "\n").utf8))
    }

    /// A sentence ends with one full stop, question mark or exclamation mark, never two.
    static func sentence(_ text: String) -> String {
        guard let last = text.last else { return text }
        return ".?!".contains(last) ? text : text + "."
    }
}
