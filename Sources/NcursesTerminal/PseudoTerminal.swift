#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses
import Foundation
import TerminalUI

/// A pseudo-terminal whose master side is drained continuously, standing in for
/// a terminal emulator: tests and measurements start ncurses on `slave`, type
/// into `master`, and read what ncurses sent.
///
/// Draining happens on a background thread because a pty holds only so much;
/// ncurses writing a large screen would otherwise block the one thread that is
/// also supposed to read it.
public final class PseudoTerminal {
    public let master: Int32
    public let slave: Int32
    private let drain: MasterDrain
    private var consumed = 0
    private var closed = false
    private var masterClosed = false

    /// Bytes that cannot come from ncurses (it sends no NULs), written straight to
    /// the slave after a draw to mark where that draw's output ends.
    private static let marker: [UInt8] = [0, 0x7E, 0, 0x7E, 0]

    public init(size: Size) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        guard tb_openpty(&master, &slave, Int32(size.height), Int32(size.width)) == 0 else {
            throw PseudoTerminalError.openFailed(errno: errno)
        }
        self.master = master
        self.slave = slave
        drain = MasterDrain(descriptor: master)
        drain.start()
    }

    deinit {
        close()
    }

    /// Types `bytes` as if from the keyboard.
    public func type(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            offset += written
        }
    }

    public func type(_ text: String) {
        type(Array(text.utf8))
    }

    /// Changes the window size the slave reports (the caller then raises SIGWINCH,
    /// as a terminal emulator's kernel would for the foreground process group).
    public func resize(to size: Size) {
        _ = tb_set_window_size(master, Int32(size.height), Int32(size.width))
    }

    /// Everything written to the terminal since the previous call, once all of it
    /// has arrived. Call after the draw whose output you want.
    public func takeOutput(timeoutSeconds: Double = 5) -> [UInt8] {
        var bytes = Self.marker
        let written = bytes.withUnsafeMutableBytes { write(slave, $0.baseAddress, $0.count) }
        precondition(written == Self.marker.count, "the pty refused the marker")
        bytes = drain.bytes(from: consumed, upTo: Self.marker, timeoutSeconds: timeoutSeconds)
        consumed += bytes.count + Self.marker.count
        return bytes
    }

    /// Closes the master side, as a terminal emulator or sshd does when the
    /// connection drops: the slave then reports hang-up.
    public func hangUp() {
        guard !masterClosed else { return }
        masterClosed = true
        drain.stop()
        closeDescriptor(master)
    }

    /// Closes both sides; ncurses must have been shut down first.
    public func close() {
        guard !closed else { return }
        closed = true
        hangUp()
        closeDescriptor(slave)
    }
}

/// `close` inside PseudoTerminal would name its own method.
private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}

public enum PseudoTerminalError: Error, Equatable {
    case openFailed(errno: Int32)
}

/// The master side's reader. All mutable state is guarded by `condition`.
private final class MasterDrain: @unchecked Sendable {
    private let descriptor: Int32
    private let condition = NSCondition()
    private var received: [UInt8] = []
    private var stopping = false
    private var finished = false

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.start()
    }

    private func run() {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            condition.lock()
            let stop = stopping
            condition.unlock()
            if stop { break }
            // Polling with a timeout lets stop() end the thread without closing
            // the descriptor under a blocked read.
            var descriptor = pollfd(fd: self.descriptor, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 50) <= 0 { continue }
            let count = buffer.withUnsafeMutableBytes { read(self.descriptor, $0.baseAddress, $0.count) }
            if count <= 0 {
                if count < 0 && errno == EINTR { continue }
                break
            }
            condition.lock()
            received.append(contentsOf: buffer[0..<count])
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until `marker` appears at or after `start`, and returns the bytes before it.
    func bytes(from start: Int, upTo marker: [UInt8], timeoutSeconds: Double) -> [UInt8] {
        let deadline = Date(timeIntervalSinceNow: timeoutSeconds)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let end = Self.find(marker, in: received, from: start) {
                return Array(received[start..<end])
            }
            if finished || !condition.wait(until: deadline) {
                return Array(received[min(start, received.count)...])
            }
        }
    }

    func stop() {
        condition.lock()
        stopping = true
        while !finished { condition.wait() }
        condition.unlock()
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count - start >= needle.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0] && Array(haystack[index..<index + needle.count]) == needle {
                return index
            }
            index += 1
        }
        return nil
    }
}
