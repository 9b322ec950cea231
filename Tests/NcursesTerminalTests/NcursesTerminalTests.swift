#if canImport(Glibc)
import Glibc
#endif
import Testing
import TerminalUI
@testable import NcursesTerminal

/// Everything here starts real ncurses on a pseudo-terminal. ncurses keeps global
/// state, so these run one at a time, all in this one suite.
@Suite(.serialized)
struct NcursesTerminalTests {
    static let size80x24 = Size(width: 80, height: 24)

    /// ncurses on a fresh pty, shut down (and the pty closed) when `body` returns.
    func withTerminal<T>(
        term: String,
        size: Size = NcursesTerminalTests.size80x24,
        noColour: Bool = false,
        fallbackTerms: [String] = [],
        _ body: (NcursesTerminal, PseudoTerminal) throws -> T
    ) throws -> T {
        let pty = try PseudoTerminal(size: size)
        defer { pty.close() }
        let terminal = try NcursesTerminal(
            inputDescriptor: pty.slave,
            outputDescriptor: pty.slave,
            options: NcursesOptions(term: term, fallbackTerms: fallbackTerms, noColour: noColour)
        )
        defer { terminal.shutdown() }
        return try body(terminal, pty)
    }

    static let capabilityKeys: [(String, Key)] = [
        ("kcuu1", .up), ("kcud1", .down), ("kcub1", .left), ("kcuf1", .right),
        ("khome", .home), ("kend", .end), ("kpp", .pageUp), ("knp", .pageDown),
        ("kdch1", .delete), ("kich1", .insert), ("kbs", .backspace), ("kcbt", .backTab),
        ("kent", .enter),
    ] + (1...10).map { ("kf\($0)", Key.function($0)) }

    @Test("Keys typed as each terminal's terminfo sends them decode to Keys", arguments: ["xterm", "vt100", "linux"])
    func decodesTerminfoKeySequences(term: String) throws {
        try withTerminal(term: term) { terminal, pty in
            #expect(terminal.terminalType == term)
            var seen: Set<[UInt8]> = []
            var decoded: [String] = []
            for (capability, key) in Self.capabilityKeys {
                // Where two capabilities share a sequence, ncurses can only report one.
                guard let bytes = terminal.capability(capability), seen.insert(bytes).inserted else { continue }
                pty.type(bytes)
                let got = terminal.readKey(timeoutMilliseconds: 2000)
                #expect(got == key, "\(term) \(capability) \(bytes)")
                decoded.append(capability)
            }
            #expect(decoded.contains("kcuu1") && decoded.contains("kbs") && decoded.contains("kf1"))
            let literals: [(String, Key)] = [
                ("\t", .tab), ("\r", .enter), ("\u{13}", .ctrl("s")), ("\u{11}", .ctrl("q")),
                ("\u{03}", .ctrl("c")), ("\u{7F}", .backspace), ("\u{08}", .backspace),
                ("ë", .char("ë")), ("王", .char("王")), ("q", .char("q")), (" ", .char(" ")),
                ("\u{1B}", .escape),
            ]
            for (text, key) in literals {
                pty.type(text)
                #expect(terminal.readKey(timeoutMilliseconds: 2000) == key, "\(term) \(Array(text.utf8))")
            }
        }
    }

    @Test("Alt-combinations and unknown sequences are swallowed whole")
    func ignoresAltAndUnknownSequences() throws {
        try withTerminal(term: "xterm") { terminal, pty in
            pty.type("\u{1B}x")
            #expect(terminal.readKey(timeoutMilliseconds: 1000) == nil)
            pty.type("\u{1B}[99;5~")
            #expect(terminal.readKey(timeoutMilliseconds: 1000) == nil)
            pty.type("a")
            #expect(terminal.readKey(timeoutMilliseconds: 1000) == .char("a"))
        }
    }

    @Test("readKey returns nil after its timeout")
    func readKeyTimesOut() throws {
        try withTerminal(term: "xterm") { terminal, _ in
            let start = ContinuousClock.now
            #expect(terminal.readKey(timeoutMilliseconds: 100) == nil)
            let elapsed = ContinuousClock.now - start
            #expect(elapsed >= .milliseconds(90) && elapsed < .milliseconds(1000))
            #expect(!terminal.hangupRequested)
        }
    }

    @Test("A window-size change arrives as .resize with the new size")
    func resize() throws {
        try withTerminal(term: "xterm") { terminal, pty in
            #expect(terminal.size == Self.size80x24)
            pty.resize(to: Size(width: 100, height: 30))
            kill(getpid(), SIGWINCH)
            #expect(terminal.readKey(timeoutMilliseconds: 2000) == .resize)
            #expect(terminal.size == Size(width: 100, height: 30))
        }
    }

    @Test("A drawn frame reads back as the same text: accents, CJK wide characters, styles")
    func drawsMixedText() throws {
        let size = Size(width: 40, height: 6)
        var frame = Frame(size: size)
        FrameSamples.write("Members", row: 0, column: 0, style: .header, into: &frame)
        FrameSamples.write("Zoë Ærø", row: 1, column: 2, into: &frame)
        FrameSamples.write("王小明 joined", row: 2, column: 2, style: .selected, into: &frame)
        FrameSamples.write("Café crème — e\u{301}", row: 3, column: 0, style: .init(underline: true, role: .accent), into: &frame)
        FrameSamples.write("end", row: 5, column: 37, style: .error, into: &frame)
        frame.cursor = Position(row: 2, column: 2)
        try withTerminal(term: "xterm-256color", size: size) { terminal, pty in
            _ = pty.takeOutput()
            terminal.draw(frame)
            let bytes = pty.takeOutput()
            let allowedControls: Set<UInt8> = [0x1B, 0x0D, 0x0A, 0x08, 0x09]
            let strayControls = bytes.filter { ($0 < 0x20 || $0 == 0x7F) && !allowedControls.contains($0) }
            #expect(strayControls.isEmpty, "\(strayControls)")
            var screen = ScreenEmulator(width: size.width, height: size.height)
            screen.feed(bytes)
            #expect(screen.lines == FrameSamples.lines(of: frame))
        }
    }

    @Test("Redrawing with a changed row sends only the change, and the screen stays right")
    func incrementalRedraw() throws {
        try withTerminal(term: "xterm-256color") { terminal, pty in
            _ = pty.takeOutput()
            var screen = ScreenEmulator(width: 80, height: 24)
            for selected in [3, 4, 9, 8] {
                let frame = FrameSamples.memberList(selected: selected)
                terminal.draw(frame)
                screen.feed(pty.takeOutput())
                #expect(screen.lines == FrameSamples.lines(of: frame))
            }
        }
    }

    @Test("Bytes sent on 80x24: a full first draw, and a selection moving down one row")
    func bytesWritten() throws {
        let frames = [FrameSamples.memberList(selected: 5), FrameSamples.memberList(selected: 6)]
        for term in ["xterm-256color", "vt100"] {
            let counts = try OutputByteCounter.measureBytesWritten(frames: frames, size: Self.size80x24, term: term, noColour: term == "vt100")
            print("\(term) 80x24: full draw \(counts[0]) bytes; selection down one row \(counts[1]) bytes")
            #expect(counts[1] < 200)
            #expect(counts[0] > 1000)
        }
    }

    @Test("An unknown TERM falls back to a known one, says so, and works")
    func unknownTermFallsBack() throws {
        try withTerminal(term: "no-such-terminal-xyz", fallbackTerms: NcursesOptions.defaultFallbackTerms) { terminal, pty in
            #expect(terminal.terminalType == "xterm-256color")
            #expect(terminal.startupNotice?.contains("Unknown terminal type 'no-such-terminal-xyz'; using xterm-256color.") == true)
            pty.type(terminal.capability("kcud1") ?? [])
            #expect(terminal.readKey(timeoutMilliseconds: 2000) == .down)
            _ = pty.takeOutput()
            var frame = Frame(width: 80, height: 24)
            FrameSamples.write("still drawing", row: 0, column: 0, into: &frame)
            terminal.draw(frame)
            #expect(String(decoding: pty.takeOutput(), as: UTF8.self).contains("still drawing"))
        }
    }

    @Test("Without any known TERM, start-up fails with an error instead of exiting")
    func noKnownTerm() throws {
        let pty = try PseudoTerminal(size: Self.size80x24)
        defer { pty.close() }
        #expect(throws: NcursesTerminalError.noUsableTerminalType(tried: ["no-such-terminal-xyz", "nor-this-one"])) {
            _ = try NcursesTerminal(
                inputDescriptor: pty.slave, outputDescriptor: pty.slave,
                options: NcursesOptions(term: "no-such-terminal-xyz", fallbackTerms: ["nor-this-one"])
            )
        }
    }

    /// SGR parameters that set a foreground or background colour.
    static func colourRenditions(_ screen: ScreenEmulator) -> [[Int]] {
        screen.graphicRenditions.filter { parameters in parameters.contains { (30...49).contains($0) || (90...107).contains($0) } }
    }

    @Test("Colour theme on a colour terminal; NO_COLOR gives the monochrome theme with reverse selection")
    func colourAndMonochromeThemes() throws {
        let frame = FrameSamples.memberList(selected: 4)
        let colourRenditions = try withTerminal(term: "xterm-256color") { terminal, pty in
            #expect(terminal.hasColour)
            _ = pty.takeOutput()
            terminal.draw(frame)
            var screen = ScreenEmulator(width: 80, height: 24)
            screen.feed(pty.takeOutput())
            return screen.graphicRenditions
        }
        #expect(colourRenditions.contains { $0.contains { (30...49).contains($0) } })

        try withTerminal(term: "xterm-256color", noColour: true) { terminal, pty in
            #expect(!terminal.hasColour)
            _ = pty.takeOutput()
            terminal.draw(frame)
            var screen = ScreenEmulator(width: 80, height: 24)
            screen.feed(pty.takeOutput())
            #expect(Self.colourRenditions(screen).isEmpty, "\(Self.colourRenditions(screen))")
            #expect(screen.graphicRenditions.contains { $0.contains(7) }, "selection must show in reverse")
            #expect(screen.lines == FrameSamples.lines(of: frame))
        }

        try withTerminal(term: "vt100") { terminal, _ in
            #expect(!terminal.hasColour)
        }
    }

    @Test("NO_COLOR is read from the environment when non-empty")
    func noColourEnvironment() throws {
        setenv("NO_COLOR", "1", 1)
        #expect(NcursesOptions.fromEnvironment().noColour)
        var options = NcursesOptions.fromEnvironment()
        options.term = "xterm-256color"
        let pty = try PseudoTerminal(size: Self.size80x24)
        defer { pty.close() }
        let terminal = try NcursesTerminal(inputDescriptor: pty.slave, outputDescriptor: pty.slave, options: options)
        #expect(!terminal.hasColour)
        terminal.shutdown()
        setenv("NO_COLOR", "", 1)
        #expect(!NcursesOptions.fromEnvironment().noColour)
        unsetenv("NO_COLOR")
        #expect(!NcursesOptions.fromEnvironment().noColour)
    }

    @Test("SIGHUP and SIGTERM end readKey and raise hangupRequested", arguments: [SIGHUP, SIGTERM])
    func hangupSignal(signal: Int32) throws {
        try withTerminal(term: "xterm") { terminal, _ in
            #expect(!terminal.hangupRequested)
            // kill, not raise: test threads come from a pool that blocks these
            // signals, and a signal raised on such a thread would stay pending.
            kill(getpid(), signal)
            #expect(terminal.readKey(timeoutMilliseconds: 5000) == nil)
            #expect(terminal.hangupRequested)
        }
    }

    @Test("Losing the terminal (master closed) counts as a hang-up")
    func lostInput() throws {
        try withTerminal(term: "xterm") { terminal, pty in
            pty.hangUp()
            let start = ContinuousClock.now
            #expect(terminal.readKey(timeoutMilliseconds: 5000) == nil)
            #expect(terminal.hangupRequested)
            #expect(ContinuousClock.now - start < .seconds(2))
        }
    }

    @Test("Shutdown leaves the terminal modes exactly as found")
    func restoresTerminalModes() throws {
        let pty = try PseudoTerminal(size: Self.size80x24)
        defer { pty.close() }
        var before = termios()
        tcgetattr(pty.slave, &before)
        let terminal = try NcursesTerminal(
            inputDescriptor: pty.slave, outputDescriptor: pty.slave,
            options: NcursesOptions(term: "xterm")
        )
        var during = termios()
        tcgetattr(pty.slave, &during)
        #expect(during.c_lflag & tcflag_t(ICANON | ECHO) == 0, "raw, no echo while running")
        var frame = FrameSamples.memberList(selected: 2)
        frame.cursor = nil
        terminal.draw(frame)
        _ = pty.takeOutput()
        terminal.shutdown()
        terminal.shutdown()
        var action = sigaction()
        sigaction(SIGHUP, nil, &action)
        #expect(action.__sigaction_handler.sa_handler == nil, "SIGHUP back to its default disposition")
        var after = termios()
        tcgetattr(pty.slave, &after)
        #expect(after.c_iflag == before.c_iflag)
        #expect(after.c_oflag == before.c_oflag)
        #expect(after.c_cflag == before.c_cflag)
        #expect(after.c_lflag == before.c_lflag)
        let output = String(decoding: pty.takeOutput(), as: UTF8.self)
        #expect(output.contains("\u{1B}[?1049l"), "the alternate screen is left")
        #expect(output.contains("\u{1B}[?25h"), "the hidden cursor is shown again")
    }
}
