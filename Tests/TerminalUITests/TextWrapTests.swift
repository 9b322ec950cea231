import Testing
@testable import TerminalUI

@Suite("Word wrapping by display width")
struct TextWrapTests {
    @Test func wrapsAtSpaces() {
        #expect(TextWrap.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
    }

    @Test func keepsLineBreaksAndEmptyLines() {
        #expect(TextWrap.wrap("one\n\ntwo", width: 10) == ["one", "", "two"])
    }

    @Test func breaksWordsLongerThanALine() {
        #expect(TextWrap.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }

    @Test func wrapsCJKByColumnsNotCharacters() {
        #expect(TextWrap.wrap("日本語のテキスト", width: 5) == ["日本", "語の", "テキ", "スト"])
    }

    @Test func controlCharactersAreShownNotObeyed() {
        #expect(TextWrap.wrap("a\u{1B}[2Jb", width: 10) == ["a␛[2Jb"])
    }
}
