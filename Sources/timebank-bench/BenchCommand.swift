import ArgumentParser
import Foundation

@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timebank-bench",
        abstract: "Measure the console and the store on a demo time bank, against the performance targets.",
        discussion: """
            Builds (or reuses) a busy demo database of N members with two years of exchanges (about 1,000,000 at 100,000 members), then measures start-up, \
            search, commits, report figures, terminal bytes and memory, and prints median, p99 and max for each \
            with its target. Run it as: swift run -c release timebank-bench [--members N] [--json FILE]
            """)

    @Option(help: "Members in the demo time bank.") var members = 100_000
    @Option(help: ArgumentHelp("Also write the figures as JSON to this file.", valueName: "FILE")) var json: String?
    @Option(help: ArgumentHelp("The database; reused when it already holds --members members (default /tmp/timebank-bench-N-2y-busy.sqlite).",
                               valueName: "PATH")) var db: String?
    @Option(help: ArgumentHelp("Measure memory and real start-up with this console binary (e.g. .build/release/timebank) instead of the benchmark's own copy of the console.",
                               valueName: "PATH")) var consoleBinary: String?
    @Option(help: "Exchange commits to time.") var commits = 1000
    @Option(help: ArgumentHelp("Measure only the figures whose names contain this text (repeatable), e.g. --only search --only ranking.",
                               valueName: "TEXT")) var only: [String] = []
    @Option(help: ArgumentHelp("The timebank binary whose exports are timed (default: the one beside this benchmark).", valueName: "PATH"))
    var timebankBinary: String?
    @Flag(help: .hidden) var consoleSession = false

    func validate() throws {
        guard (1...1_000_000).contains(members) else { throw ValidationError("--members must be between 1 and 1,000,000.") }
        guard commits >= 1 else { throw ValidationError("--commits must be at least 1.") }
    }

    func run() throws {
        let path = db ?? BenchDatabase.defaultPath(members: members)
        if consoleSession {
            try ConsoleSession.run(database: path)
            return
        }
        let started = Date()
        let machine = Report.describeMachine()
        let database = try BenchDatabase.prepare(path: path, members: members, log: log)
        var figures: [Figure] = []
        func wanted(_ name: String) -> Bool { only.isEmpty || only.contains { name.localizedCaseInsensitiveContains($0) } }
        func take(_ name: String, _ unit: Figure.Unit, _ target: Figure.Target?, _ body: () throws -> Figure) {
            guard wanted(name) else { return }
            log("Measuring \(name)…")
            do {
                figures.append(try body())
            } catch {
                figures.append(Figure(name: name, unit: unit, summary: nil, target: target, method: "", failure: "\(error)"))
            }
        }
        if wanted("start-up to first frame of Today") {
            log("Measuring start-up to first frame of Today…")
            do {
                figures += try FirstFrameProbe.run(database, repetitions: 30)
            } catch {
                figures.append(Figure(name: "start-up to first frame of Today", unit: .milliseconds, summary: nil, target: Targets.firstFrame,
                                      method: "", failure: "\(error)"))
            }
        }
        take("search keystroke to redrawn list, issue's 100 keys", .milliseconds, Targets.searchKeystrokeWorst) { try SearchKeystrokeProbe.issueKeys(database) }
        take("search keystroke to redrawn list, 500+ keys", .milliseconds, Targets.searchKeystroke) { try SearchKeystrokeProbe.run(database) }
        take("ranking helpers for a need", .milliseconds, Targets.ranking) { try RankingProbe.run(database) }
        take("machine noise: one fixed computation", .milliseconds, nil) { MachineNoiseProbe.run() }
        take("one durable exchange commit", .milliseconds, Targets.commit) { try CommitProbe.run(database, repetitions: commits) }
        take("balance of every account", .milliseconds, Targets.yearTotals) { try FiguresProbe.balances(database, repetitions: 20) }
        take("a year's totals by month and category", .milliseconds, Targets.yearTotals) { try FiguresProbe.yearTotals(database, repetitions: 50) }
        take("a year's full report", .milliseconds, Targets.yearReport) { try ReportProbe.year(database, repetitions: 5) }
        take("a month's full report", .milliseconds, Targets.monthReport) { try ReportProbe.month(database, repetitions: 20) }
        take("a month's full report, last month just changed", .milliseconds, nil) { try ReportProbe.monthAfterCorrection(database, repetitions: 5) }
        if wanted("screen 6 to its first frame") {
            log("Measuring screen 6 to its first frame…")
            do {
                figures += try ReportProbe.firstFrame(database, repetitions: 10)
            } catch {
                figures.append(Figure(name: "screen 6 to its first frame", unit: .milliseconds, summary: nil, target: Targets.reportsFirstFrame,
                                      method: "", failure: "\(error)"))
            }
        }
        take("bytes for a one-row list move (80x24)", .bytes, Targets.oneRowMove) { try TerminalBytesProbe.oneRowMove(database) }
        take("bytes for a full redraw (80x24)", .bytes, nil) { try TerminalBytesProbe.fullRedraw(database) }
        if wanted("export") || wanted("sqlite3") {
            log("Measuring exports against sqlite3's dump…")
            do {
                figures += try ExportProbe.run(database: path, timebank: timebankBinary ?? siblingBinary("timebank"), repetitions: 3)
            } catch {
                figures.append(Figure(name: "export exchanges (CSV)", unit: .milliseconds, summary: nil, target: nil, method: "", failure: "\(error)"))
            }
        }
        if wanted("peak resident memory of a console session") || wanted("start-up to first frame, real process") {
            log("Measuring the console session (real process on a pty)…")
            let (command, described) = consoleCommand(path)
            figures += MemoryProbe.run(command: command, described: described, runs: 3)
        }

        let report = Report(members: database.members, exchanges: try database.store.exchangeCount(), database: path,
                            machine: machine, figures: figures)
        print(report.table())
        print(String(format: "Total run time %.0f s.", Date().timeIntervalSince(started)))
        if let json {
            try report.json().write(to: URL(fileURLWithPath: json))
            print("JSON written to \(json).")
        }
    }

    /// The console to run for the session figures, and how the report names it.
    func consoleCommand(_ path: String) -> ([String], String) {
        if let consoleBinary {
            return ([consoleBinary, "--db", path], "`\(consoleBinary) --db …`")
        }
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return ([me, "--console-session", "--db", path, "--members", String(members)],
                "the console (ConsoleApp + ConsoleRunner + NcursesTerminal, as `timebank --db`) in a child process")
    }

    /// A binary built beside this one (`.build/release/timebank` for `.build/release/timebank-bench`).
    func siblingBinary(_ name: String) -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent(name).path
    }

    func log(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
