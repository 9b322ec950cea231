import TimeBankImport

/// libFuzzer entry for the durations parser: any property that fails stops the run with the input kept.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let failures = FuzzProperties.check("durations", bytes)
    if !failures.isEmpty { fatalError("durations: " + failures.joined(separator: "; ")) }
    return 0
}
