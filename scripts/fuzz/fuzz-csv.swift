import TimeBankImport

/// libFuzzer entry for the csv parser: any property that fails stops the run with the input kept.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let failures = FuzzProperties.check("csv", bytes)
    if !failures.isEmpty { fatalError("csv: " + failures.joined(separator: "; ")) }
    return 0
}
