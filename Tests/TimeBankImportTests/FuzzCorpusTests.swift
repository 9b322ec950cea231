import Foundation
import Testing
import TimeBankImport

/// The fuzz corpora (Tests/FuzzCorpus/TARGET), replayed through the properties the fuzz
/// targets check (scripts/fuzz.sh): every kept input still parses or is refused cleanly.
@Suite("Fuzz corpora replayed")
struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FuzzCorpus")

    @Test("Every kept input holds every property", arguments: FuzzProperties.targets)
    func replay(target: String) throws {
        let folder = Self.corpus.appendingPathComponent(target)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            #expect(FuzzProperties.check(target, bytes) == [], "\(target)/\(name)")
        }
    }

    @Test("An unknown target is reported; a cleanly refused file holds the properties")
    func propertiesCanFail() {
        #expect(FuzzProperties.check("nothing", []) != [])
        // A CSV refusal must name a line inside the file: the check is real, not a formality.
        #expect(FuzzProperties.csv(Array("a\n\u{1B}\n".utf8)) == [])
    }
}
