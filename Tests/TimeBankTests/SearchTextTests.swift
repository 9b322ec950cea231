import Testing
@testable import TimeBank

/// SPEC: search by name, number, phone, postcode; names of any script. `zoe` finds Zoë, `obrien` finds O'Brien.
@Suite("Search text folding")
struct SearchTextTests {
    @Test("Accents, case and apostrophes fold away", arguments: [
        ("Zoë", "zoe"), ("ZOË", "zoe"), ("O'Brien", "obrien"), ("O’Brien", "obrien"), ("Siobhán", "siobhan"), ("José", "jose"),
        ("Renée", "renee"), ("Çelik", "celik"), ("Ñuñez", "nunez"), ("Smith-Jones", "smith jones"), ("  Ann  ", "  ann  "),
    ])
    func folds(text: String, folded: String) {
        #expect(SearchText.fold(text) == folded)
    }

    @Test("Letters with strokes fold to the letter a UK keyboard types", arguments: [("Łukasz", "lukasz"), ("Søren", "soren"), ("Đorđe", "dorde")])
    func strokedLetters(text: String, folded: String) {
        #expect(SearchText.fold(text) == folded)
    }

    @Test("CJK and other scripts are kept")
    func otherScripts() {
        #expect(SearchText.fold("Zoë 王 O'Brien") == "zoe 王 obrien")
        #expect(SearchText.words("王小明") == ["王小明"])
        #expect(SearchText.words("Αθηνά") == ["αθηνα"])
        #expect(SearchText.words("Ольга") == ["ольга"])
    }

    @Test("Words and compact forms for phones and postcodes")
    func compact() {
        #expect(SearchText.words("Zoë 王 O'Brien") == ["zoe", "王", "obrien"])
        #expect(SearchText.compact("07700 900123") == "07700900123")
        #expect(SearchText.compact("(01452) 123-456") == "01452123456")
        #expect(SearchText.compact("GL1 2AB") == "gl12ab")
        #expect(SearchText.compact("gl1 2ab") == SearchText.compact("GL12AB"))
        #expect(SearchText.words("zoe@example.org") == ["zoe", "example", "org"])
        #expect(SearchText.words("\"; DROP TABLE member; --") == ["drop", "table", "member"])
        #expect(SearchText.words("ＡＢＣ１２") == ["abc12"])
    }
}

@Suite("Search words across scripts")
struct SearchScriptBoundaryTests {
    @Test("A change between CJK and Latin letters starts a new word, so 王O'Brien is found by obrien")
    func cjkNextToLatin() {
        #expect(SearchText.words("王O'Brien") == ["王", "obrien"])
        #expect(SearchText.words("Zoë王") == ["zoe", "王"])
        #expect(SearchText.words("王小明") == ["王小明"])
    }
}
