import Foundation
import GRDB
import TimeBank

/// A referral row (`SELECT * FROM referral`, or `r.*` beside joined names).
extension Referral: FetchableRecord {
    public init(row: Row) throws {
        self.init(id: try row.stored("id", of: "referral"), need: try row.stored("need", of: "referral"),
                  offer: try row.storedOptional("offer", of: "referral"), helper: try row.stored("helper", of: "referral"),
                  status: try row.storedCase("status", of: "referral"),
                  created: try row.storedTimestamp("created_at", of: "referral"), updated: try row.storedTimestamp("updated_at", of: "referral"),
                  broker: try row.stored("broker", of: "referral"), note: try row.stored("note", of: "referral"),
                  version: try row.storedOptional("version", of: "referral") ?? 1)
    }
}

/// A step in a referral's history (`SELECT * FROM referral_step`).
extension ReferralStep: FetchableRecord {
    public init(row: Row) throws {
        self.init(status: try row.storedCase("status", of: "referral_step"), at: try row.storedTimestamp("at", of: "referral_step"),
                  broker: try row.stored("broker", of: "referral_step"), note: try row.stored("note", of: "referral_step"))
    }
}
