#if os(Linux)
import CMalloc
#endif

/// How the console's process hands memory back to the system (glibc's malloc; elsewhere nothing).
///
/// A report counts on two threads at once, each with arrays of a few MB per period. By default
/// glibc raises its mmap threshold to the size of every large block freed, so the next report's
/// arrays come from the heap and stay resident after they are freed, and each thread's arena
/// keeps what it freed: a session that opened screen 6 stayed about 20 MB larger (issue #13).
public enum ProcessMemory {
    /// Called once at the console's start, before any reader thread exists: blocks of 128 KiB
    /// and more are mapped apart and unmapped when freed (a fixed threshold stops glibc raising
    /// it), and two arenas serve the threads that allocate at once (the main thread and the
    /// report's second connection).
    public static func handLargeBlocksBackWhenFreed() {
        #if os(Linux)
        _ = mallopt(M_MMAP_THRESHOLD, 128 * 1024)
        _ = mallopt(M_ARENA_MAX, 2)
        #endif
    }

    /// Returns the free pages of every arena to the system, after slow work (a report) that
    /// allocated and freed much.
    public static func returnFreedPages() {
        #if os(Linux)
        _ = malloc_trim(0)
        #endif
    }
}
