import Foundation

/// A fresh folder for one test, removed afterwards, whatever the test did inside.
///
///     try await withTemporaryDirectory { dir in
///         let db = dir.path("tb.sqlite")
///         ...
///     }
struct TemporaryDirectory: Sendable {
    let url: URL

    /// A path inside the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    static func make(prefix: String = "timebank-e2e") throws -> TemporaryDirectory {
        let base = URL(fileURLWithPath: NSTemporaryDirectory())
        let url = base.appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8).lowercased())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return TemporaryDirectory(url: url)
    }

    /// Removes the folder; files made unreadable or unwritable by a test are opened up first.
    func remove() {
        let fm = FileManager.default
        if let e = fm.enumerator(atPath: url.path) {
            for case let rel as String in e { chmod(path(rel), 0o700) }
        }
        try? fm.removeItem(at: url)
    }
}

func withTemporaryDirectory<T>(_ body: (TemporaryDirectory) async throws -> T) async throws -> T {
    let dir = try TemporaryDirectory.make()
    defer { dir.remove() }
    return try await body(dir)
}
