import GRDB

extension Schema {
    /// How a member came to the time bank (self, a GP, the council…), for the co-production
    /// figures funders ask for. Empty when not asked; the codes are `CameThrough`'s.
    static func addMemberCameThrough(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE member ADD COLUMN came_through TEXT NOT NULL DEFAULT ''
                CHECK (came_through IN ('', 'self', 'friend-or-family', 'gp-or-social-prescriber',
                                        'council-or-social-services', 'housing', 'charity-or-group', 'other'))
            """)
    }
}
