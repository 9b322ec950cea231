import Foundation
import Testing
import TimeBank
@testable import TimeBankStore

/// Issue #16: `backup` wrote over anything: a file ("keep me" lost), the live database, a device.
@Suite("Backup safety")
struct BackupSafetyTests {
    static func store() throws -> (TempDatabase, Store) {
        let temp = TempDatabase()
        let store = try Store(path: temp.path)
        _ = try store.signIn(username: "alice")
        return (temp, store)
    }

    @Test("An existing file is kept unless --force; with it, the copy replaces the file whole")
    func existingFile() throws {
        let (temp, store) = try Self.store()
        let target = temp.folder + "/keep.txt"
        try "keep me\n".write(toFile: target, atomically: true, encoding: .utf8)
        #expect(throws: StoreError.invalid("\(target) already exists; add --force to replace it.")) { try store.backup(to: target) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me\n")
        try store.backup(to: target, replacing: true)
        #expect(try Store(path: target, create: false, readOnly: true).check() == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.folder).filter { $0.contains(".partial-") }.isEmpty)
    }

    @Test("The live database and its -wal, -shm and -journal files are refused even with --force", arguments: ["", "-wal", "-shm", "-journal"])
    func liveDatabase(suffix: String) throws {
        let (temp, store) = try Self.store()
        let live = temp.path + suffix
        let before = try Data(contentsOf: URL(fileURLWithPath: temp.path))
        #expect(throws: StoreError.invalid("\(live) is the live database; back it up to another file.")) { try store.backup(to: live, replacing: true) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: temp.path)) == before)
        // The same file by another name is refused too.
        let other = temp.folder + "/./" + URL(fileURLWithPath: live).lastPathComponent
        #expect(throws: StoreError.self) { try store.backup(to: other, replacing: true) }
    }

    @Test("A device, a folder and a symbolic link are refused even with --force")
    func notRegularFiles() throws {
        let (temp, store) = try Self.store()
        #expect(throws: StoreError.invalid("/dev/null is not a regular file; give the path of a new file.")) { try store.backup(to: "/dev/null", replacing: true) }
        #expect(throws: StoreError.invalid("\(temp.folder) is a folder; give the path of a new file.")) { try store.backup(to: temp.folder, replacing: true) }
        let link = temp.folder + "/link.sqlite"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: temp.path)
        #expect(throws: StoreError.invalid("\(link) is a symbolic link; give the path of a new file.")) { try store.backup(to: link, replacing: true) }
    }
}
