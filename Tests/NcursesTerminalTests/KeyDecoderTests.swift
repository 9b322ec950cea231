import CNcurses
import Testing
import TerminalUI
@testable import NcursesTerminal

/// The character and key-code mapping, without a terminal.
struct KeyDecoderTests {
    @Test func controlBytes() {
        #expect(KeyDecoder.key(forCharacter: 1) == .ctrl("a"))
        #expect(KeyDecoder.key(forCharacter: 19) == .ctrl("s"))
        #expect(KeyDecoder.key(forCharacter: 26) == .ctrl("z"))
        #expect(KeyDecoder.key(forCharacter: 9) == .tab)
        #expect(KeyDecoder.key(forCharacter: 10) == .enter)
        #expect(KeyDecoder.key(forCharacter: 13) == .enter)
        #expect(KeyDecoder.key(forCharacter: 8) == .backspace)
        #expect(KeyDecoder.key(forCharacter: 127) == .backspace)
        #expect(KeyDecoder.key(forCharacter: 0) == nil)
        #expect(KeyDecoder.key(forCharacter: 0x9B) == nil)
        #expect(KeyDecoder.key(forCharacter: 0xEB) == .char("ë"))
    }

    @Test func keyCodes() {
        #expect(KeyDecoder.key(forCode: KEY_BTAB) == .backTab)
        #expect(KeyDecoder.key(forCode: tb_key_f0() + 12) == .function(12))
        #expect(KeyDecoder.key(forCode: tb_key_f0() + 13) == nil)
        #expect(KeyDecoder.key(forCode: KEY_RESIZE) == .resize)
        #expect(KeyDecoder.key(forCode: KEY_MOUSE) == nil)
    }
}
