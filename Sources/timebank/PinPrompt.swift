import Foundation
import TimeBank

/// Reads a PIN without echo from the controlling terminal, or a line of standard input for
/// `--pin-stdin`. The PIN never passes through an argument, the environment or a `String`.
enum PinPrompt {
    /// The PIN typed at the terminal after `prompt`; nil when there is no terminal to ask on.
    static func fromTerminal(_ prompt: String) -> PinSecret? {
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var saved = termios()
        guard tcgetattr(fd, &saved) == 0 else { return nil }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        quiet.c_lflag |= tcflag_t(ICANON)
        _ = tcsetattr(fd, TCSAFLUSH, &quiet)
        defer {
            _ = tcsetattr(fd, TCSAFLUSH, &saved)
            _ = Foundation.write(fd, "\n", 1)
        }
        let bytes = Array(prompt.utf8)
        _ = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        return PinSecret(line: readLine(fd))
    }

    /// One line of standard input (`--pin-stdin`).
    static func fromStandardInput() -> PinSecret {
        PinSecret(line: readLine(STDIN_FILENO))
    }

    /// Reads up to a newline, byte by byte so nothing after it is consumed; at most 1 KB.
    private static func readLine(_ fd: Int32) -> [UInt8] {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while line.count < 1024 {
            let n = read(fd, &byte, 1)
            if n < 0, errno == EINTR { continue }
            guard n == 1 else { break }
            if byte == 0x0A { break }
            line.append(byte)
        }
        byte = 0
        return line
    }

    static var noTerminal: CommandFailure {
        .user("There is no terminal to ask for the PIN on; run the command in a terminal.")
    }
}
