import TerminalUI

/// Measures what drawing costs on the wire: for a slow SSH link, bytes per frame
/// matter more than time per frame.
public enum OutputByteCounter {
    /// Starts ncurses as `term` on a fresh pseudo-terminal of `size`, draws
    /// `frames` in order, and returns the number of bytes each draw sent to the
    /// terminal. Start-up output (modes, keypad transmit) is not counted; the
    /// first figure includes the initial screen clear.
    ///
    /// Uses the process-wide ncurses state: do not call while another
    /// NcursesTerminal is live.
    public static func measureBytesWritten(
        frames: [Frame],
        size: Size,
        term: String = "xterm-256color",
        noColour: Bool = false
    ) throws -> [Int] {
        let pty = try PseudoTerminal(size: size)
        defer { pty.close() }
        let terminal = try NcursesTerminal(
            inputDescriptor: pty.slave,
            outputDescriptor: pty.slave,
            options: NcursesOptions(term: term, fallbackTerms: [], noColour: noColour)
        )
        defer { terminal.shutdown() }
        _ = pty.takeOutput()
        return frames.map { frame in
            terminal.draw(frame)
            return pty.takeOutput().count
        }
    }
}
