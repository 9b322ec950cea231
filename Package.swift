// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "TimeBank",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "timebank", targets: ["timebank"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Domain: value types and pure rules, no I/O.
        .target(name: "TimeBank"),
        // Shipped data: category taxonomy, demo word lists.
        .target(name: "TimeBankResources", path: "Resources", resources: [.copy("data")]),
        // Files in: the one CSV reader (over CSV.swift) and the import mappings, pure, no SQL.
        .target(name: "TimeBankImport", dependencies: ["TimeBank", .product(name: "CSV", package: "CSV.swift")]),
        // The one place with SQL.
        .target(
            name: "TimeBankStore",
            dependencies: [
                "TimeBank", "TimeBankImport", "TimeBankResources", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
                // PIN hashing: PBKDF2 from a maintained library.
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // Terminal toolkit: never imports ncurses.
        .target(name: "TerminalUI"),
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .target(name: "NcursesTerminal", dependencies: ["CNcurses", "TerminalUI"]),
        // glibc's malloc tuning for the console's memory (mallopt, malloc_trim).
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // What both the console and the command line print (paper statements): below both.
        .target(name: "Printouts", dependencies: ["TimeBank", "TimeBankStore", "TerminalUI"]),
        .target(name: "BrokerConsole", dependencies: ["TimeBank", "TimeBankStore", "TerminalUI", "Printouts", "CMalloc"]),
        .executableTarget(
            name: "timebank",
            dependencies: [
                "TimeBank", "TimeBankStore", "TimeBankImport", "BrokerConsole", "NcursesTerminal", "TerminalUI", "Printouts",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Performance figures against the targets: swift run -c release timebank-bench.
        .executableTarget(
            name: "timebank-bench",
            dependencies: [
                "TimeBank", "TimeBankStore", "BrokerConsole", "NcursesTerminal", "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TimeBankTests", dependencies: ["TimeBank"]),
        .testTarget(name: "TimeBankStoreTests", dependencies: ["TimeBankStore", "TimeBank", "TimeBankImport"]),
        .testTarget(name: "TimeBankImportTests", dependencies: ["TimeBankImport", "TimeBank"]),
        .testTarget(name: "PrintoutsTests", dependencies: ["Printouts", "TimeBankStore", "TimeBank"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(name: "NcursesTerminalTests", dependencies: ["NcursesTerminal", "TerminalUI"]),
        .testTarget(name: "BrokerConsoleTests", dependencies: ["BrokerConsole", "TerminalUI", "TimeBankStore", "TimeBank"],
                    exclude: ["Golden"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TimeBankStore", "TimeBank", "TimeBankImport"]),
    ],
    swiftLanguageModes: [.v6]
)
