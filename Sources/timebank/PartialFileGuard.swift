import Foundation

/// While a file is being written under a temporary name, SIGTERM, SIGHUP or SIGINT removes it
/// (and the journal SQLite keeps beside it) before the process ends, so a stopped backup leaves
/// no `*.partial-*` behind.
final class PartialFileGuard {
    /// The paths the handler removes; C memory, as a signal handler may touch nothing else.
    nonisolated(unsafe) private static var armed: [UnsafeMutablePointer<CChar>?] = []
    nonisolated(unsafe) private static var isArmed: sig_atomic_t = 0
    private static let signals = [SIGTERM, SIGHUP, SIGINT]

    init(removing path: String) {
        Self.armed = ["", "-journal", "-wal", "-shm"].map { strdup(path + $0) }
        Self.isArmed = 1
        for sig in Self.signals {
            signal(sig) { received in
                if PartialFileGuard.isArmed != 0 {
                    for path in PartialFileGuard.armed { if let path { unlink(path) } }
                }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    /// The write finished (renamed or removed): signals act as before.
    func release() {
        for sig in Self.signals { signal(sig, SIG_DFL) }
        Self.isArmed = 0
    }
}
