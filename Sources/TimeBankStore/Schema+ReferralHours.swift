import GRDB

extension Schema {
    /// Today lists done referrals with no hours recorded against them; finding the hours of a
    /// referral must not walk the ledger.
    static func referralHours(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX IF NOT EXISTS exchange_referral ON exchange(referral) WHERE referral IS NOT NULL")
    }
}
