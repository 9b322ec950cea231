import Foundation
import Testing
@testable import TimeBankImport

@Suite("The one CSV reader")
struct CSVFileTests {
    func read(_ text: String) throws -> [CSVRecord] { try CSVFile.records(bytes: Array(text.utf8)) }

    func refusal(_ bytes: [UInt8]) -> CSVFileError? {
        do { _ = try CSVFile.records(bytes: bytes); return nil } catch let e as CSVFileError { return e } catch { return nil }
    }

    @Test("Records carry the line they start on, across CRLF, LF and quoted line breaks")
    func lineNumbers() throws {
        let records = try read("a,b\r\n\"two\r\nlines\",x\r\n\r\nlast,\"q\"\"uote\"\r\n")
        #expect(records == [
            CSVRecord(line: 1, fields: ["a", "b"]),
            CSVRecord(line: 2, fields: ["two\r\nlines", "x"]),
            CSVRecord(line: 5, fields: ["last", "q\"uote"]),
        ])
    }

    @Test("A byte-order mark is skipped and commas inside quotes stay in the field")
    func bomAndCommas() throws {
        let records = try CSVFile.records(bytes: [0xEF, 0xBB, 0xBF] + Array("name,note\nZoë 王,\"a, b\"\n".utf8))
        #expect(records == [CSVRecord(line: 1, fields: ["name", "note"]), CSVRecord(line: 2, fields: ["Zoë 王", "a, b"])])
    }

    @Test("A Windows-1252 byte is refused naming its line")
    func windows1252() {
        let bytes = Array("name\nAnn\nZo".utf8) + [0xEB] + Array("\n".utf8)
        #expect(refusal(bytes)?.line == 3)
        #expect(refusal(bytes)?.reason.contains("UTF-8") == true)
    }

    @Test("Escape, tab and other control characters are refused with the line, inside quotes too")
    func controls() {
        #expect(refusal(Array("a\nb\u{1B}[31m\n".utf8))?.line == 2)
        #expect(refusal(Array("a\n\"x\ny\u{7}\"\n".utf8))?.line == 3)
        #expect(refusal(Array("a\tb\n".utf8))?.line == 1)
        #expect(refusal(Array("a\n\u{85}\n".utf8))?.line == 2)
    }

    @Test("Broken quoting is refused with the line where it goes wrong")
    func quoting() {
        #expect(refusal(Array("a\nb\"c\n".utf8))?.line == 2)
        #expect(refusal(Array("a\n\"b\"c\n".utf8))?.line == 2)
        #expect(refusal(Array("a\nb\n\"never\nclosed\n".utf8))?.line == 3)
    }

    @Test("An empty file is refused")
    func empty() {
        #expect(refusal([]) != nil)
        #expect(refusal([0xEF, 0xBB, 0xBF]) != nil)
    }

    @Test("A file is read from disk in the same way")
    func fromDisk() throws {
        let path = NSTemporaryDirectory() + "csvfile-\(UUID().uuidString).csv"
        try Data("x,y\r\n1,\"2\n3\"\r\n4,5".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var got: [CSVRecord] = []
        try CSVFile.forEachRecord(path: path) { got.append($0) }
        #expect(got == [CSVRecord(line: 1, fields: ["x", "y"]), CSVRecord(line: 2, fields: ["1", "2\n3"]), CSVRecord(line: 4, fields: ["4", "5"])])
    }
}
