import Foundation
import Testing
@testable import TimeBankStore

/// Store.swift promises "WAL with FULL sync: a commit that returned is on disk, even after a
/// power cut". A SIGKILL test cannot see the difference (the OS keeps the written pages), so the
/// setting itself is checked on the connection that writes. Needs a build with testability
/// (the default debug build).
@Suite("durability setting")
struct DurabilityTests {
    @Test("the writing connection runs with PRAGMA synchronous = FULL")
    func writerIsFullSync() async throws {
        try await withTemporaryDirectory { dir in
            let store = try Store(path: dir.path("tb.sqlite"))
            let mode = try store.writer().write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
            #expect(mode == 2, "synchronous is \(mode.map(String.init) ?? "?") (0 OFF, 1 NORMAL, 2 FULL): GRDB's DatabasePool sets NORMAL after prepareDatabase ran")
        }
    }
}
