import Foundation

extension Store {
    /// Whether there is a file at `path`. A folder on the way that this user may not enter hides
    /// the answer (stat fails with EACCES): that is a matter of permission, thrown as such, never
    /// reported as a missing database.
    public static func fileExists(at path: String) throws -> Bool {
        var info = stat()
        if stat(path, &info) == 0 { return true }
        if errno == EACCES { throw StoreError.permissionDenied(path: path) }
        return false
    }
}
