// Bundle access for the shipped data files.
import Foundation
public enum TimeBankResources {
    /// The folder holding taxonomy and word lists.
    public static var dataDirectory: URL { Bundle.module.resourceURL!.appendingPathComponent("data") }
}
