import Testing
@testable import TerminalUI

@Suite("Display width is measured without the process locale")
struct DisplayWidthTests {
    @Test func asciiIsOneColumnEach() {
        #expect("Hello".displayWidth == 5)
    }

    @Test func cjkHangulKanaAndFullwidthAreTwoColumns() {
        #expect(Character("中").displayWidth == 2)
        #expect(Character("한").displayWidth == 2)
        #expect(Character("カ").displayWidth == 2)
        #expect(Character("ひ").displayWidth == 2)
        #expect(Character("Ａ").displayWidth == 2)
        #expect("日本語".displayWidth == 6)
    }

    @Test func emojiPresentationIsTwoColumns() {
        #expect(Character("😀").displayWidth == 2)
        #expect(Character("👍🏽").displayWidth == 2)
        #expect(Character("❤️").displayWidth == 2)
        #expect(Character("🇬🇧").displayWidth == 2)
    }

    @Test func combiningMarksAddNoWidth() {
        let decomposed = "e\u{0301}"
        #expect(decomposed.count == 1)
        #expect(decomposed.displayWidth == 1)
        #expect("Zoe\u{0308}".displayWidth == 3)
    }

    @Test func zeroWidthFormatCharactersAddNothing() {
        #expect("a\u{200B}b".displayWidth == 2)
    }

    @Test func accentedLatinAndCyrillicAreOneColumn() {
        #expect("Łódź".displayWidth == 4)
        #expect("Привет".displayWidth == 6)
    }

    @Test func controlsCountAsTheirOnePlaceholderColumn() {
        #expect("\u{1B}[2J".displayWidth == 4)
        #expect("\u{202E}".displayWidth == 1)
    }
}
