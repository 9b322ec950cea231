import GRDB

extension Schema {
    /// The needs and referrals figures of a period (`Store.reportNeedFigures`) read only the
    /// period's rows: needs by the day they were opened, referrals by the moment they were made,
    /// done steps by their moment, and, for the few needs those name, their first referral and
    /// first done referral. Without these a month's figures walked every need (150 ms at
    /// 100,000 members). The partial indexes hold only done referrals and done steps.
    static func addReportNeedIndexes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX IF NOT EXISTS need_opened ON need(created, status);
            CREATE INDEX IF NOT EXISTS referral_made ON referral(created_at, need);
            CREATE INDEX IF NOT EXISTS referral_need_made ON referral(need, created_at);
            CREATE INDEX IF NOT EXISTS referral_done ON referral(need, updated_at) WHERE status = 'done';
            CREATE INDEX IF NOT EXISTS referral_step_done ON referral_step(referral, at) WHERE status = 'done';
            CREATE INDEX IF NOT EXISTS referral_step_done_at ON referral_step(at, referral) WHERE status = 'done';
            """)
    }
}
