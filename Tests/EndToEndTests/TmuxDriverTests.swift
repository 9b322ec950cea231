import Foundation
import Testing

/// The terminal driver that the screen tests build on, checked with plain programs.
@Suite("tmux driver", .enabled(if: Fixture.tmux != nil, "tmux is not installed (.ci/run installs it)"))
struct TmuxDriverTests {
    @Test func typesWaitsAndCaptures() async throws {
        try await withTmux(["/bin/cat"], width: 40, height: 10) { t in
            try await t.type("héllo 世界 'quoted' $HOME")
            try await t.press("Enter")
            let screen = try await t.waitFor("héllo 世界 'quoted' $HOME\nhéllo 世界")
            #expect(screen.contains("héllo 世界 'quoted' $HOME\nhéllo 世界 'quoted' $HOME"))
            let lines = try await t.lines()
            #expect(lines.count == 10)
            let cursor = try await t.cursor()
            #expect(cursor.x == 0 && cursor.y == 2)
            try await t.press("C-d")
            // cat ends on EOF. Its status is not checked: when tmux 3.3a misses the child's exit it
            // closes the pane's tty and cat may end by SIGHUP (-1); the status test below covers statuses.
            let status = try await t.waitForExit()
            #expect(status == 0 || status == -1, "cat ended with \(status)")
        }
    }

    @Test func environmentSizeAndExitStatus() async throws {
        let script = "echo \"[$TERM|$LANG|$NO_COLOR]\"; echo \"size $(tput cols)x$(tput lines)\"; exit 7"
        try await withTmux(["/bin/bash", "--norc", "--noprofile", "-c", script], width: 72, height: 20, term: "screen",
                           environment: ["NO_COLOR": "1"]) { t in
            try await t.waitFor("size 72x20")
            let screen = try await t.capture(history: true)
            #expect(screen.contains("[screen|C.UTF-8|1]"))
            #expect(try await t.waitForExit() == 7)
        }
    }

    @Test func resizeReachesTheProgram() async throws {
        // The shell prints the size each time it gets SIGWINCH.
        let script = "trap 'echo \"now $(tput cols)x$(tput lines)\"' WINCH; echo ready; while :; do sleep 0.05; done"
        try await withTmux(["/bin/bash", "--norc", "--noprofile", "-c", script], width: 80, height: 24) { t in
            try await t.waitFor("ready")
            try await t.resize(width: 100, height: 30)
            try await t.waitFor("now 100x30")
            #expect(t.width == 100 && t.height == 30)
            #expect(try await t.lines().count == 30)
            try await t.resize(width: 80, height: 24)
            try await t.waitFor("now 80x24")
            #expect(try await t.exitStatus() == nil)
        }
    }

    @Test func waitingForMissingTextFailsWithTheScreen() async throws {
        try await withTmux(["/bin/cat"], width: 30, height: 5) { t in
            try await t.type("abc")
            do {
                try await t.waitFor("never shown", timeout: 0.3)
                Issue.record("waitFor should have thrown")
            } catch let e as SupportError {
                #expect(e.description.contains("abc"))
                #expect(e.description.contains("30x5"))
            }
        }
    }

    @Test func killEndsTheServer() async throws {
        let t = try await Tmux(["/bin/cat"], width: 20, height: 5)
        #expect(try await t.tmuxCommand(["has-session", "-t", t.target]).succeeded)
        await t.kill()
        #expect(try await !t.tmuxCommand(["has-session", "-t", t.target]).succeeded)
        await t.kill()  // twice is harmless
    }
}
