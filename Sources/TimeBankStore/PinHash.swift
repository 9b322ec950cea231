import Crypto
import _CryptoExtras
import Foundation
import TimeBank

/// A PIN's stored form: PBKDF2-HMAC-SHA256 over a random salt, with its name and rounds kept
/// beside the hash so a later version can raise them and still check the old ones.
struct PinHash: Equatable {
    static let algorithm = "pbkdf2-hmac-sha256"
    /// OWASP's current recommendation for PBKDF2-HMAC-SHA256.
    static let currentIterations = 600_000
    static let saltBytes = 16
    static let hashBytes = 32

    var algorithm: String
    var iterations: Int
    var salt: [UInt8]
    var hash: [UInt8]

    /// A new hash of `pin` under a fresh salt.
    static func make(_ pin: PinSecret, iterations: Int = currentIterations) throws -> PinHash {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<saltBytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return PinHash(algorithm: algorithm, iterations: iterations, salt: salt,
                       hash: try derive(pin, salt: salt, iterations: iterations))
    }

    /// Whether `pin` is the one hashed; compares in constant time.
    func matches(_ pin: PinSecret) throws -> Bool {
        guard algorithm == PinHash.algorithm, iterations > 0 else { return false }
        let candidate = try PinHash.derive(pin, salt: salt, iterations: iterations)
        guard candidate.count == hash.count else { return false }
        var difference: UInt8 = 0
        for i in hash.indices { difference |= candidate[i] ^ hash[i] }
        return difference == 0
    }

    static func derive(_ pin: PinSecret, salt: [UInt8], iterations: Int) throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(from: pin.bytes, salt: salt, using: .sha256,
                                                    outputByteCount: hashBytes, unsafeUncheckedRounds: iterations)
        return key.withUnsafeBytes { Array($0) }
    }

    var hashHex: String { hash.map { String(format: "%02x", $0) }.joined() }

    static func bytes(hex: String) -> [UInt8]? {
        let chars = Array(hex.utf8)
        guard chars.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        var i = 0
        while i < chars.count {
            guard let hi = nibble(chars[i]), let lo = nibble(chars[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }
}
