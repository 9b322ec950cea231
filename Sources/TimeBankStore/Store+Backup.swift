import Foundation
import GRDB
import TimeBank

/// `timebank backup FILE`: a consistent copy while others keep working, written beside the
/// target under a temporary name and renamed into place, so the target is never half-written.
///
/// It never writes over what it should not: the live database (or its -wal/-shm files), a
/// device, a folder, a symbolic link, or (without `replacing`) a file that already exists.
extension Store {
    /// The temporary file a backup to `destination` is written to before its rename; the
    /// command line removes it if the process is stopped by a signal half way.
    public static func backupTemporaryPath(for destination: String) -> String {
        destination + ".partial-\(getpid())"
    }

    public func backup(to destination: String, replacing: Bool = false) throws {
        try refuseBackupTarget(destination, replacing: replacing)
        let temp = Store.backupTemporaryPath(for: destination)
        unlink(temp)
        let fd = open(temp, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            throw StoreError.invalid("Cannot write the backup to \(destination): \(String(cString: strerror(errno))).")
        }
        close(fd)
        do {
            let target = try DatabaseQueue(path: temp)
            try reader.backup(to: target)
            try target.close()
            // The copy is checked again just before the rename: the target may have appeared meanwhile.
            try refuseBackupTarget(destination, replacing: replacing)
            guard rename(temp, destination) == 0 else {
                throw StoreError.invalid("Cannot write the backup to \(destination): \(String(cString: strerror(errno))).")
            }
        } catch {
            for suffix in ["", "-journal", "-wal", "-shm"] { unlink(temp + suffix) }
            if let e = error as? StoreError { throw e }
            if let e = error as? DatabaseError, e.resultCode == .SQLITE_FULL {
                throw StoreError.invalid("The disk is full; the backup to \(destination) was not written.")
            }
            throw StoreError.invalid("The backup to \(destination) failed (\((error as? DatabaseError)?.message ?? "\(error)")); nothing was written.")
        }
    }

    private func refuseBackupTarget(_ destination: String, replacing: Bool) throws {
        // By name too: a -wal or -shm path that does not exist yet would be taken for the live one's.
        let named = URL(fileURLWithPath: destination).standardizedFileURL.path
        let livePath = URL(fileURLWithPath: path).standardizedFileURL.path
        if ["", "-wal", "-shm", "-journal"].contains(where: { livePath + $0 == named }) {
            throw StoreError.invalid("\(destination) is the live database; back it up to another file.")
        }
        var target = stat()
        guard lstat(destination, &target) == 0 else { return }  // a new path: fine
        var live = stat()
        for file in [path, path + "-wal", path + "-shm"] where stat(file, &live) == 0 {
            if live.st_dev == target.st_dev && live.st_ino == target.st_ino {
                throw StoreError.invalid("\(destination) is the live database; back it up to another file.")
            }
        }
        let kind = target.st_mode & S_IFMT
        guard kind == S_IFREG else {
            let what = kind == S_IFLNK ? "a symbolic link" : kind == S_IFDIR ? "a folder" : "not a regular file"
            throw StoreError.invalid("\(destination) is \(what); give the path of a new file.")
        }
        guard replacing else {
            throw StoreError.invalid("\(destination) already exists; add --force to replace it.")
        }
    }
}
