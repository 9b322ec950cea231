import TerminalUI
import TimeBank

/// A PIN being typed: kept as bytes, shown only as dots, wiped when taken or cleared.
struct PinField {
    private var bytes: [UInt8] = []

    var isEmpty: Bool { bytes.isEmpty }
    var dots: String { String(repeating: "•", count: min(bytes.count, 40)) }

    /// True when the key was typing into the field.
    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            guard bytes.count < PinPolicy.maximumLength else { return true }
            bytes.append(contentsOf: Array(String(c).utf8))
            return true
        case .backspace:
            // Remove one whole character (its UTF-8 continuation bytes too).
            while let last = bytes.popLast(), last & 0xC0 == 0x80 {}
            return true
        default:
            return false
        }
    }

    /// The typed PIN, leaving the field empty.
    mutating func take() -> PinSecret {
        let secret = PinSecret(bytes: bytes)
        clear()
        return secret
    }

    mutating func clear() {
        for i in bytes.indices { bytes[i] = 0 }
        bytes.removeAll()
    }
}
