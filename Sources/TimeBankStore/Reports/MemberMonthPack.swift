/// One month's `report_member_month` rows, the columns a report reads, packed into one blob
/// (`report_month_pack`, migration v12m-report-month-packs). A month of 60,000 rows cost a report
/// about 2,400 instructions each to step through SQLite; unpacked here, about a tenth of that.
///
/// The format: a version byte, then per row in member order the member as the difference from
/// the row before (the first from 0), then its five figures, each a zigzag varint (LEB128), so
/// any value that fits in 64 bits packs, however large or negative.
struct MemberMonthPack {
    /// A row as the report reads it.
    struct Row: Equatable {
        var member: Int
        var keptGivenMinutes: Int
        var keptReceivedMinutes: Int
        var givenThrough: Int
        var partners: Int
        var activeBefore: Int
    }

    static let version: UInt8 = 1

    enum Damaged: Error { case damaged }

    /// The rows packed; they must come in increasing member order.
    static func pack(_ rows: [Row]) -> [UInt8] {
        var out: [UInt8] = [version]
        out.reserveCapacity(1 + rows.count * 10)
        var previous = 0
        for r in rows {
            for v in [r.member &- previous, r.keptGivenMinutes, r.keptReceivedMinutes, r.givenThrough, r.partners, r.activeBefore] {
                var z = UInt64(bitPattern: Int64((v << 1) ^ (v >> 63)))
                while z >= 0x80 {
                    out.append(UInt8(truncatingIfNeeded: z) | 0x80)
                    z >>= 7
                }
                out.append(UInt8(z))
            }
            previous = r.member
        }
        return out
    }

    /// Reads the rows back one at a time, from chunks of the blob as they are needed (a year's
    /// report reads 24 packs side by side). A blob that is not a pack of this version, or ends
    /// inside a row, throws `Damaged` (`timebank check` names such a pack).
    struct Reader {
        private var chunk: [UInt8] = []
        private var at = 0
        private var member = 0
        /// The next chunk of the blob, nil after the last.
        private let nextChunk: () throws -> [UInt8]?

        init(chunks nextChunk: @escaping () throws -> [UInt8]?) throws {
            self.nextChunk = nextChunk
            guard try refill(), chunk[at] == MemberMonthPack.version else { throw Damaged.damaged }
            at += 1
        }

        init(_ bytes: [UInt8]) throws {
            var given: [UInt8]? = bytes
            try self.init(chunks: {
                defer { given = nil }
                return given
            })
        }

        /// The next row, nil after the last.
        @inline(__always)
        mutating func next() throws -> Row? {
            if at >= chunk.count { guard try refill() else { return nil } }
            member &+= try value()
            return Row(member: member, keptGivenMinutes: try value(), keptReceivedMinutes: try value(), givenThrough: try value(),
                       partners: try value(), activeBefore: try value())
        }

        /// Whether a byte is there to read, reading the next chunk when this one is done.
        private mutating func refill() throws -> Bool {
            while at >= chunk.count {
                guard let more = try nextChunk() else { return false }
                chunk = more
                at = 0
            }
            return true
        }

        /// One value: most are a byte or two and read here; the rest, and a value across the
        /// chunk's end, in `longValue`.
        @inline(__always)
        private mutating func value() throws -> Int {
            if at + 1 < chunk.count {
                let b0 = chunk[at]
                if b0 < 0x80 {
                    at += 1
                    return Self.unzigzag(UInt64(b0))
                }
                let b1 = chunk[at + 1]
                if b1 < 0x80 {
                    at += 2
                    return Self.unzigzag(UInt64(b0 & 0x7f) | UInt64(b1) << 7)
                }
            }
            return try longValue()
        }

        private mutating func longValue() throws -> Int {
            var z: UInt64 = 0
            var shift: UInt64 = 0
            while try refill() {
                let b = chunk[at]
                at += 1
                guard shift < 64 else { throw Damaged.damaged }
                z |= UInt64(b & 0x7f) << shift
                if b < 0x80 { return Self.unzigzag(z) }
                shift += 7
            }
            throw Damaged.damaged
        }

        @inline(__always)
        private static func unzigzag(_ z: UInt64) -> Int { Int(Int64(bitPattern: z >> 1) ^ -Int64(bitPattern: z & 1)) }
    }

    /// Every row of a pack, for `timebank check` and the tests.
    static func rows(_ bytes: [UInt8]) throws -> [Row] {
        var reader = try Reader(bytes)
        var out: [Row] = []
        while let r = try reader.next() { out.append(r) }
        return out
    }
}
