/// A PIN as typed: bytes that are wiped as soon as nothing needs them, never a `String` (which
/// could be copied anywhere), never printed (its description hides it).
public final class PinSecret: @unchecked Sendable, CustomStringConvertible {
    // Unchecked: the bytes are written only by `init` and `deinit`, read in between.
    public private(set) var bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Drops one trailing newline, as read from a line of standard input.
    public convenience init(line: [UInt8]) {
        var b = line
        if b.last == 0x0A { b.removeLast() }
        if b.last == 0x0D { b.removeLast() }
        self.init(bytes: b)
    }

    public var description: String { "PIN(hidden)" }

    public var problem: String? { PinPolicy.problem(with: bytes) }

    public func equals(_ other: PinSecret) -> Bool { bytes == other.bytes }

    deinit {
        for i in bytes.indices { bytes[i] = 0 }
    }
}
