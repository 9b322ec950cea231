import Foundation
import TerminalUI

/// The one way the command line writes: buffered, in constant memory, and checked.
///
/// When the destination is a terminal, every line passes through the console's sanitiser, so
/// no stored byte can act as a control sequence; files and pipes get the data as stored.
/// A write that fails (a full disk, `> /dev/full`, a closed pipe) throws, so the command
/// exits non-zero with one sentence instead of reporting success over a short file.
final class CommandOutput {
    enum Failure: Error, CustomStringConvertible {
        case cannotWrite(String)

        var description: String {
            switch self {
            case .cannotWrite(let reason): return "The output could not be written: \(reason)."
            }
        }
    }

    private let descriptor: Int32
    private let sanitises: Bool
    private var buffer: [UInt8] = []
    private let flushAt = 64 * 1024

    /// Standard output, sanitised when it is a terminal.
    static func standardOutput() -> CommandOutput {
        CommandOutput(descriptor: STDOUT_FILENO, sanitises: isatty(STDOUT_FILENO) == 1)
    }

    init(descriptor: Int32, sanitises: Bool) {
        self.descriptor = descriptor
        self.sanitises = sanitises
        buffer.reserveCapacity(flushAt + 4096)
    }

    /// Writes text as it is (after sanitising, for a terminal). Line breaks stay line breaks.
    func write(_ text: String) throws {
        if sanitises {
            buffer.append(contentsOf: TerminalSafeText.lines(text).utf8)
        } else {
            buffer.append(contentsOf: text.utf8)
        }
        if buffer.count >= flushAt { try flush() }
    }

    func writeLine(_ text: String) throws { try write(text + "\n") }

    /// Appends bytes built in place, for exports of half a million rows. A terminal still gets
    /// them through the sanitiser, as text.
    func writeBytes(_ build: (inout [UInt8]) -> Void) throws {
        guard !sanitises else {
            var scratch: [UInt8] = []
            build(&scratch)
            try write(String(decoding: scratch, as: UTF8.self))
            return
        }
        build(&buffer)
        if buffer.count >= flushAt { try flush() }
    }

    /// Writes the whole of a command's output and hands it to the kernel.
    func finish(_ text: String) throws {
        try write(text)
        try flush()
    }

    func finishLine(_ text: String) throws { try finish(text + "\n") }

    /// Hands everything buffered to the kernel; throws when it is refused.
    func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Foundation.write(descriptor, base + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = errno == ENOSPC ? "the disk is full" : String(cString: strerror(errno))
                buffer.removeAll(keepingCapacity: true)
                throw Failure.cannotWrite(reason)
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Text for a terminal: each line through the one sanitiser, line breaks kept.
enum TerminalSafeText {
    static func lines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Sanitizer.clean(String($0)) }
            .joined(separator: "\n")
    }
}
