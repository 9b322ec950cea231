import GRDB

/// The database's shape, as named migrations. The ledger's promises live here, in SQL,
/// so that no program that opens the file (ours, sqlite3, a script) can break them.
enum Schema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-brokers-settings-audit") { db in
            try db.execute(sql: """
                CREATE TABLE broker (
                    id INTEGER PRIMARY KEY,
                    username TEXT NOT NULL UNIQUE,
                    display_name TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('admin', 'broker', 'viewer')),
                    pin_hash TEXT,
                    active INTEGER NOT NULL DEFAULT 1,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    broker TEXT NOT NULL,
                    action TEXT NOT NULL,
                    entity TEXT NOT NULL,
                    entity_id TEXT NOT NULL DEFAULT '',
                    details TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX audit_entity ON audit(entity, entity_id);
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
                CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
                """)
        }
        m.registerMigration("v1-members") { db in
            try db.execute(sql: """
                CREATE TABLE member (
                    number INTEGER PRIMARY KEY CHECK (number > 0),
                    kind TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'organisation')),
                    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                    preferred_name TEXT NOT NULL DEFAULT '',
                    phone TEXT NOT NULL DEFAULT '',
                    email TEXT NOT NULL DEFAULT '',
                    address TEXT NOT NULL DEFAULT '',
                    postcode TEXT NOT NULL DEFAULT '',
                    area TEXT NOT NULL DEFAULT '',
                    joined TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'on-hold', 'left')),
                    status_reason TEXT NOT NULL DEFAULT '',
                    emergency_contact TEXT NOT NULL DEFAULT '',
                    contact_person TEXT NOT NULL DEFAULT '',
                    languages TEXT NOT NULL DEFAULT '',
                    availability INTEGER NOT NULL DEFAULT 0,
                    can_travel INTEGER NOT NULL DEFAULT 0,
                    has_transport INTEGER NOT NULL DEFAULT 0,
                    accessibility_needs TEXT NOT NULL DEFAULT '',
                    consent_phone INTEGER NOT NULL DEFAULT 1,
                    consent_email INTEGER NOT NULL DEFAULT 1,
                    consent_share INTEGER NOT NULL DEFAULT 0,
                    consent_photos INTEGER NOT NULL DEFAULT 0,
                    age_band TEXT NOT NULL DEFAULT '',
                    gender TEXT NOT NULL DEFAULT '',
                    ethnicity TEXT NOT NULL DEFAULT '',
                    disability TEXT NOT NULL DEFAULT '',
                    erased INTEGER NOT NULL DEFAULT 0,
                    version INTEGER NOT NULL DEFAULT 1,
                    updated_at TEXT NOT NULL,
                    updated_by TEXT NOT NULL
                );
                CREATE INDEX member_status ON member(status);
                CREATE INDEX member_area ON member(area);
                CREATE INDEX member_name ON member(name COLLATE NOCASE);
                CREATE TABLE do_not_match (
                    member INTEGER NOT NULL REFERENCES member(number),
                    other INTEGER NOT NULL REFERENCES member(number),
                    PRIMARY KEY (member, other),
                    CHECK (member <> other)
                );
                CREATE TABLE member_note (
                    id INTEGER PRIMARY KEY,
                    member INTEGER NOT NULL REFERENCES member(number),
                    at TEXT NOT NULL,
                    broker TEXT NOT NULL,
                    text TEXT NOT NULL CHECK (length(text) > 0)
                );
                CREATE INDEX member_note_member ON member_note(member, at);
                CREATE TABLE vetting (
                    member INTEGER PRIMARY KEY REFERENCES member(number),
                    id_seen TEXT,
                    induction TEXT,
                    dbs_required INTEGER NOT NULL DEFAULT 0,
                    dbs_level TEXT,
                    dbs_certificate TEXT,
                    dbs_issued TEXT,
                    dbs_review TEXT,
                    review TEXT,
                    -- Kept by the store whenever vetting changes, so lists can filter without recomputing.
                    complete INTEGER NOT NULL DEFAULT 0,
                    next_review TEXT
                );
                CREATE INDEX vetting_next_review ON vetting(next_review);
                CREATE TABLE vetting_reference (
                    id INTEGER PRIMARY KEY,
                    member INTEGER NOT NULL REFERENCES member(number),
                    referee TEXT NOT NULL,
                    received TEXT NOT NULL
                );
                CREATE INDEX vetting_reference_member ON vetting_reference(member);
                -- Folded words for search-as-you-type: names, number, phone, email, postcode, offers.
                CREATE VIRTUAL TABLE member_search USING fts5(
                    names, contact, offers, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
                );
                """)
        }
        m.registerMigration("v1-listings-referrals") { db in
            try db.execute(sql: """
                CREATE TABLE category (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE,
                    grp TEXT NOT NULL,
                    name TEXT NOT NULL,
                    keywords TEXT NOT NULL DEFAULT '',
                    suggests_vetting INTEGER NOT NULL DEFAULT 0,
                    involves_travel INTEGER NOT NULL DEFAULT 0,
                    active INTEGER NOT NULL DEFAULT 1
                );
                CREATE TABLE offer (
                    id INTEGER PRIMARY KEY,
                    member INTEGER NOT NULL REFERENCES member(number),
                    category INTEGER NOT NULL REFERENCES category(id),
                    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
                    description TEXT NOT NULL DEFAULT '',
                    area TEXT NOT NULL DEFAULT '',
                    availability INTEGER NOT NULL DEFAULT 0,
                    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'matched', 'closed')),
                    created TEXT NOT NULL,
                    review TEXT
                );
                CREATE INDEX offer_member ON offer(member);
                CREATE INDEX offer_category ON offer(category, status);
                CREATE TABLE need (
                    id INTEGER PRIMARY KEY,
                    member INTEGER NOT NULL REFERENCES member(number),
                    category INTEGER NOT NULL REFERENCES category(id),
                    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
                    description TEXT NOT NULL DEFAULT '',
                    area TEXT NOT NULL DEFAULT '',
                    availability INTEGER NOT NULL DEFAULT 0,
                    needs_vetted_helper INTEGER NOT NULL DEFAULT 0,
                    requires_travel INTEGER NOT NULL DEFAULT 0,
                    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'matched', 'closed')),
                    created TEXT NOT NULL,
                    review TEXT
                );
                CREATE INDEX need_member ON need(member);
                CREATE INDEX need_status ON need(status, created);
                CREATE TABLE referral (
                    id INTEGER PRIMARY KEY,
                    need INTEGER NOT NULL REFERENCES need(id),
                    offer INTEGER REFERENCES offer(id),
                    helper INTEGER NOT NULL REFERENCES member(number),
                    status TEXT NOT NULL DEFAULT 'proposed'
                        CHECK (status IN ('proposed', 'contacted', 'agreed', 'done', 'declined', 'cancelled')),
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    broker TEXT NOT NULL,
                    note TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX referral_need ON referral(need);
                CREATE INDEX referral_helper ON referral(helper);
                CREATE INDEX referral_open ON referral(status, updated_at);
                CREATE TABLE referral_step (
                    id INTEGER PRIMARY KEY,
                    referral INTEGER NOT NULL REFERENCES referral(id),
                    status TEXT NOT NULL,
                    at TEXT NOT NULL,
                    broker TEXT NOT NULL,
                    note TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX referral_step_referral ON referral_step(referral);
                """)
        }
        m.registerMigration("v1-ledger") { db in
            try db.execute(sql: """
                CREATE TABLE account (
                    id INTEGER PRIMARY KEY,
                    member INTEGER UNIQUE REFERENCES member(number),
                    kind TEXT NOT NULL CHECK (kind IN ('member', 'pot')),
                    -- Cached from the ledger by the trigger below; `timebank check` recomputes them.
                    given_minutes INTEGER NOT NULL DEFAULT 0,
                    received_minutes INTEGER NOT NULL DEFAULT 0,
                    last_exchange TEXT,
                    CHECK ((kind = 'pot') = (member IS NULL))
                );
                CREATE UNIQUE INDEX account_one_pot ON account(kind) WHERE kind = 'pot';
                INSERT INTO account (kind) VALUES ('pot');
                INSERT INTO account (member, kind) SELECT number, 'member' FROM member;
                CREATE TRIGGER member_gets_account AFTER INSERT ON member
                    BEGIN INSERT INTO account (member, kind) VALUES (NEW.number, 'member'); END;
                CREATE TRIGGER member_no_delete BEFORE DELETE ON member
                    BEGIN SELECT RAISE(ABORT, 'members are never deleted: erase their personal details instead'); END;
                CREATE TABLE closed_month (
                    month TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
                    closed_at TEXT NOT NULL,
                    closed_by TEXT NOT NULL
                );
                CREATE TRIGGER closed_month_no_update BEFORE UPDATE ON closed_month
                    BEGIN SELECT RAISE(ABORT, 'a closed month stays closed'); END;
                CREATE TRIGGER closed_month_no_delete BEFORE DELETE ON closed_month
                    BEGIN SELECT RAISE(ABORT, 'a closed month stays closed'); END;
                CREATE TABLE exchange (
                    seq INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
                    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
                    giver INTEGER NOT NULL REFERENCES account(id),
                    receiver INTEGER NOT NULL REFERENCES account(id),
                    minutes INTEGER NOT NULL CHECK (typeof(minutes) = 'integer' AND minutes > 0 AND minutes <= 1440),
                    category TEXT,
                    description TEXT NOT NULL DEFAULT '',
                    referral INTEGER REFERENCES referral(id),
                    reverses TEXT UNIQUE REFERENCES exchange(id),
                    grp TEXT,
                    recorded_by TEXT NOT NULL,
                    recorded_at TEXT NOT NULL,
                    CHECK (giver <> receiver)
                );
                CREATE INDEX exchange_giver ON exchange(giver, date);
                CREATE INDEX exchange_receiver ON exchange(receiver, date);
                CREATE INDEX exchange_date ON exchange(date);
                CREATE TRIGGER exchange_no_update BEFORE UPDATE ON exchange
                    BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: record a reversal instead'); END;
                CREATE TRIGGER exchange_no_delete BEFORE DELETE ON exchange
                    BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: record a reversal instead'); END;
                CREATE TRIGGER exchange_not_in_closed_month BEFORE INSERT ON exchange
                    WHEN EXISTS (SELECT 1 FROM closed_month WHERE month = substr(NEW.date, 1, 7))
                    BEGIN SELECT RAISE(ABORT, 'closed month'); END;
                CREATE TRIGGER exchange_reversal_mirrors_original BEFORE INSERT ON exchange
                    WHEN NEW.reverses IS NOT NULL AND NOT EXISTS (
                        SELECT 1 FROM exchange o WHERE o.id = NEW.reverses AND o.reverses IS NULL
                           AND o.giver = NEW.receiver AND o.receiver = NEW.giver AND o.minutes = NEW.minutes)
                    BEGIN SELECT RAISE(ABORT, 'a reversal must mirror an original exchange that is not itself a reversal'); END;
                CREATE TABLE month_total (
                    month TEXT NOT NULL,
                    category TEXT NOT NULL,
                    -- 1 when one side is the community pot (grants, donations, remainders).
                    with_pot INTEGER NOT NULL,
                    minutes INTEGER NOT NULL DEFAULT 0,
                    exchanges INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (month, category, with_pot)
                ) WITHOUT ROWID;
                -- Balances and monthly totals move in the same statement as the ledger row,
                -- so the sum of all balances is zero at every commit.
                CREATE TRIGGER exchange_moves_balances AFTER INSERT ON exchange WHEN NEW.reverses IS NULL
                BEGIN
                    UPDATE account SET given_minutes = given_minutes + NEW.minutes,
                        last_exchange = max(coalesce(last_exchange, ''), NEW.date) WHERE id = NEW.giver;
                    UPDATE account SET received_minutes = received_minutes + NEW.minutes,
                        last_exchange = max(coalesce(last_exchange, ''), NEW.date) WHERE id = NEW.receiver;
                END;
                -- A reversal takes the hours back out of "given" and "received", so statements
                -- show what really happened rather than an hour given and an hour received.
                CREATE TRIGGER exchange_reversal_moves_balances AFTER INSERT ON exchange WHEN NEW.reverses IS NOT NULL
                BEGIN
                    UPDATE account SET given_minutes = given_minutes - NEW.minutes WHERE id = NEW.receiver;
                    UPDATE account SET received_minutes = received_minutes - NEW.minutes WHERE id = NEW.giver;
                END;
                CREATE TRIGGER exchange_moves_month_totals AFTER INSERT ON exchange
                BEGIN
                    INSERT INTO month_total (month, category, with_pot, minutes, exchanges)
                    VALUES (substr(NEW.date, 1, 7), coalesce(NEW.category, ''),
                            (SELECT count(*) FROM account WHERE id IN (NEW.giver, NEW.receiver) AND kind = 'pot'),
                            CASE WHEN NEW.reverses IS NULL THEN NEW.minutes ELSE -NEW.minutes END,
                            CASE WHEN NEW.reverses IS NULL THEN 1 ELSE -1 END)
                    ON CONFLICT (month, category, with_pot) DO UPDATE SET
                        minutes = minutes + excluded.minutes, exchanges = exchanges + excluded.exchanges;
                END;
                """)
        }
        m.registerMigration("v2-no-replace-and-dangling-accounts") { db in
            // REPLACE deletes the old row without firing delete triggers, and a connection with
            // foreign keys off (the sqlite3 shell) could point at an account that does not exist.
            // Guarding BEFORE INSERT closes both, whoever opens the file.
            try db.execute(sql: """
                CREATE TRIGGER exchange_no_replace BEFORE INSERT ON exchange
                    WHEN EXISTS (SELECT 1 FROM exchange WHERE id = NEW.id OR seq = NEW.seq
                                 OR (NEW.reverses IS NOT NULL AND reverses = NEW.reverses))
                    BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: record a reversal instead'); END;
                CREATE TRIGGER exchange_accounts_exist BEFORE INSERT ON exchange
                    WHEN NOT EXISTS (SELECT 1 FROM account WHERE id = NEW.giver)
                      OR NOT EXISTS (SELECT 1 FROM account WHERE id = NEW.receiver)
                    BEGIN SELECT RAISE(ABORT, 'an exchange must be between existing accounts'); END;
                CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
                    WHEN EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)
                    BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
                CREATE TRIGGER closed_month_no_replace BEFORE INSERT ON closed_month
                    WHEN EXISTS (SELECT 1 FROM closed_month WHERE month = NEW.month)
                    BEGIN SELECT RAISE(ABORT, 'a closed month stays closed'); END;
                """)
        }
        m.registerMigration("v3-offer-search-and-areas") { db in
            // Full-text index of open offers for matching (bm25), kept by triggers so every
            // writer, bulk demo loads included, keeps it exact.
            try db.execute(sql: """
                CREATE VIRTUAL TABLE offer_search USING fts5(
                    title, description, keywords, tokenize = 'unicode61 remove_diacritics 2'
                );
                INSERT INTO offer_search (rowid, title, description, keywords)
                    SELECT o.id, o.title, o.description, c.name || ' ' || c.keywords
                    FROM offer o JOIN category c ON c.id = o.category;
                CREATE TRIGGER offer_search_insert AFTER INSERT ON offer BEGIN
                    INSERT INTO offer_search (rowid, title, description, keywords)
                    VALUES (NEW.id, NEW.title, NEW.description,
                            (SELECT name || ' ' || keywords FROM category WHERE id = NEW.category));
                END;
                CREATE TRIGGER offer_search_update AFTER UPDATE OF title, description, category ON offer BEGIN
                    DELETE FROM offer_search WHERE rowid = OLD.id;
                    INSERT INTO offer_search (rowid, title, description, keywords)
                    VALUES (NEW.id, NEW.title, NEW.description,
                            (SELECT name || ' ' || keywords FROM category WHERE id = NEW.category));
                END;
                CREATE TABLE area_neighbour (
                    area TEXT NOT NULL,
                    neighbour TEXT NOT NULL,
                    PRIMARY KEY (area, neighbour)
                ) WITHOUT ROWID;
                """)
        }
        m.registerMigration("v4-member-search-longer-prefixes") { db in
            // Phone numbers share long beginnings (07700 900…); without a prefix index of that
            // length every keystroke merges tens of thousands of index terms.
            try db.execute(sql: """
                DROP TABLE member_search;
                CREATE VIRTUAL TABLE member_search USING fts5(
                    names, contact, offers, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6 7 8'
                );
                """)
            for number in try Int.fetchAll(db, sql: "SELECT number FROM member") {
                try MemberSearchIndex.reindex(db, member: number)
            }
        }
        m.registerMigration("v4-match-speed") { db in
            // Ranking sums each candidate's recent giving. Without statistics SQLite reads
            // `reverses IS NULL` as a near-unique lookup and walks the whole ledger once per
            // candidate: minutes for one need at 100,000 members. A covering index for the sum,
            // and statistics that say what the ledger looks like, keep it to an index range.
            try db.execute(sql: """
                CREATE INDEX IF NOT EXISTS exchange_given_recently ON exchange(giver, date, minutes) WHERE reverses IS NULL;
                ANALYZE exchange;
                """)
            // A new or small file has no figures worth trusting yet: describe a typical ledger
            // (many entries per account, few reversals). A later ANALYZE puts real ones in.
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM exchange") ?? 0 < 10_000 {
                try db.execute(sql: """
                    DELETE FROM sqlite_stat1 WHERE tbl = 'exchange';
                    INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
                        ('exchange', 'exchange_given_recently', '100000 20 1 1'),
                        ('exchange', 'exchange_giver', '100000 20 1'),
                        ('exchange', 'exchange_receiver', '100000 20 2'),
                        ('exchange', 'exchange_date', '100000 300'),
                        ('exchange', 'sqlite_autoindex_exchange_2', '100000 400'),
                        ('exchange', 'sqlite_autoindex_exchange_1', '100000 1');
                    """)
            }
        }
        m.registerMigration("v5-today-lists") { db in
            // Today's "no exchange in six months" list starts from the quiet accounts.
            try db.execute(sql: "CREATE INDEX IF NOT EXISTS account_last_exchange ON account(last_exchange)")
        }
        m.registerMigration("v6-member-search-splits-at-spaces-only") { db in
            // The stored text is already folded to letters and digits between single spaces.
            // unicode61 on its own also splits words at marks, symbols and letters newer than
            // Unicode 6.1, which folding keeps; taking every such category as part of a word
            // makes the index's words the text's words, so a walk in name order can test a
            // member's text directly and agree with the index (`MemberSearchIndex.wordTest`).
            try db.execute(sql: """
                ALTER TABLE member_search RENAME TO member_search_v5;
                CREATE VIRTUAL TABLE member_search USING fts5(
                    names, contact, offers, prefix = '1 2 3 4 5 6 7 8',
                    tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M* So Cn'"
                );
                INSERT INTO member_search (rowid, names, contact, offers) SELECT rowid, names, contact, offers FROM member_search_v5;
                DROP TABLE member_search_v5;
                """)
        }
        m.registerMigration("v7-member-count") { db in
            // How many members there are of each status, kept by triggers: the Members list
            // shows the count every time the search line is emptied, and Today shows it on
            // start-up; counting 100,000 rows costs 3–6 ms each time. `timebank check`
            // compares the kept counts with real ones.
            try db.execute(sql: """
                CREATE TABLE member_count (
                    status TEXT PRIMARY KEY,
                    members INTEGER NOT NULL
                ) WITHOUT ROWID;
                INSERT INTO member_count (status, members) SELECT status, count(*) FROM member GROUP BY status;
                CREATE TRIGGER member_count_insert AFTER INSERT ON member BEGIN
                    INSERT INTO member_count (status, members) VALUES (NEW.status, 1)
                        ON CONFLICT (status) DO UPDATE SET members = members + 1;
                END;
                CREATE TRIGGER member_count_delete AFTER DELETE ON member BEGIN
                    UPDATE member_count SET members = members - 1 WHERE status = OLD.status;
                END;
                CREATE TRIGGER member_count_status AFTER UPDATE OF status ON member WHEN NEW.status <> OLD.status BEGIN
                    UPDATE member_count SET members = members - 1 WHERE status = OLD.status;
                    INSERT INTO member_count (status, members) VALUES (NEW.status, 1)
                        ON CONFLICT (status) DO UPDATE SET members = members + 1;
                END;
                CREATE TRIGGER member_no_replace BEFORE INSERT ON member
                    WHEN EXISTS (SELECT 1 FROM member WHERE number = NEW.number)
                    BEGIN SELECT RAISE(ABORT, 'a member is changed with UPDATE, never replaced'); END;
                """)
        }
        m.registerMigration("v8-offer-search-open-titles-stemmed") { db in
            // Matching ranks open offers by their titles (see `Store.offerQuery`), so only open
            // offers' titles are indexed, and words are stemmed (porter) so a need's "cooking"
            // meets an offer's "cook" by one term rather than a prefix search merging thousands.
            // Member lists of open offers by category and by member, and what matching reads of
            // a thousand candidates, come from covering indexes, without a visit to each full row.
            try db.execute(sql: """
                DROP TRIGGER offer_search_insert;
                DROP TRIGGER offer_search_update;
                DROP TABLE offer_search;
                CREATE VIRTUAL TABLE offer_search USING fts5(title, tokenize = 'porter unicode61 remove_diacritics 2');
                INSERT INTO offer_search (rowid, title) SELECT id, title FROM offer WHERE status = 'open';
                CREATE TRIGGER offer_search_insert AFTER INSERT ON offer WHEN NEW.status = 'open' BEGIN
                    INSERT INTO offer_search (rowid, title) VALUES (NEW.id, NEW.title);
                END;
                CREATE TRIGGER offer_search_update AFTER UPDATE OF title, status ON offer BEGIN
                    DELETE FROM offer_search WHERE rowid = OLD.id;
                    INSERT INTO offer_search (rowid, title) SELECT NEW.id, NEW.title WHERE NEW.status = 'open';
                END;
                DROP INDEX offer_member;
                DROP INDEX offer_category;
                CREATE INDEX offer_member ON offer(member, status, category);
                CREATE INDEX offer_category ON offer(category, status, member);
                CREATE INDEX IF NOT EXISTS member_match ON member(number, status, area, availability, can_travel, has_transport, name);
                CREATE INDEX IF NOT EXISTS vetting_state ON vetting(member, complete, next_review);
                """)
        }
        m.registerMigration("v9f-dates-are-days", migrate: Schema.refuseImpossibleDates)
        m.registerMigration("v9c-member-came-through", migrate: addMemberCameThrough)
        m.registerMigration("v9e-opening-balances-account") { db in try Schema.openingBalancesAccount(db) }
        m.registerMigration("v9d-broker-sign-in", migrate: Schema.brokerSignIn)
        m.registerMigration("v9f-record-versions", migrate: Schema.addRecordVersions)
        m.registerMigration("v9b-referral-hours", migrate: Schema.referralHours)
        m.registerMigration("v9a-listing-search", migrate: Schema.listingSearch)
        m.registerMigration("v9c-report-indexes", migrate: addReportIndexes)
        m.registerMigration("v9e-erasable-text") { db in try Schema.erasableText(db) }
        m.registerMigration("v10-erasable-record-audit", migrate: Schema.erasableRecordAudit)
        m.registerMigration("v9h-report-period-index", migrate: Schema.addReportPeriodIndex)
        m.registerMigration("v11c-exchange-search", migrate: Schema.exchangeSearch)
        m.registerMigration("v11a-report-aggregates", migrate: Schema.addReportAggregates)
        m.registerMigration("v11g-commit-speed", migrate: Schema.speedUpCommits)
        m.registerMigration("v12a-report-month-aggregates", foreignKeyChecks: .immediate, migrate: Schema.addReportMonthAggregates)
        m.registerMigration("v12b-report-engine", foreignKeyChecks: .immediate, migrate: Schema.addReportEngine)
        m.registerMigration("v12c-report-need-facts", foreignKeyChecks: .immediate, migrate: Schema.addReportNeedFacts)
        m.registerMigration("v12d-vetting-completed-on", migrate: Schema.addVettingCompletedOn)
        m.registerMigration("v12f-report-left-members", foreignKeyChecks: .immediate, migrate: Schema.addReportLeftMembersIndex)
        m.registerMigration("v12i-report-new-pairs", foreignKeyChecks: .immediate, migrate: Schema.addReportNewPairs)
        m.registerMigration("v12j-report-month-active", foreignKeyChecks: .immediate, migrate: Schema.addReportMonthActive)
        m.registerMigration("v12e-report-month-partners", foreignKeyChecks: .immediate, migrate: Schema.addReportMonthPartners)
        m.registerMigration("v12h-report-pair-recurrence", foreignKeyChecks: .immediate, migrate: Schema.addReportPairRecurrence)
        m.registerMigration("v12g-report-need-months", foreignKeyChecks: .immediate, migrate: Schema.addReportNeedMonths)
        m.registerMigration("v12k-report-month-pot", foreignKeyChecks: .immediate, migrate: Schema.addReportMonthPot)
        m.registerMigration("v12l-report-joiner-firsts", foreignKeyChecks: .immediate, migrate: Schema.addReportJoinerFirsts)
        m.registerMigration("v12m-report-month-packs", foreignKeyChecks: .immediate, migrate: Schema.addReportMonthPacks)
        m.registerMigration("v12n-report-need-waiting", foreignKeyChecks: .immediate, migrate: Schema.addReportNeedWaiting)
        m.registerMigration("v12n-report-helper-vetting", foreignKeyChecks: .immediate, migrate: Schema.addReportHelperVetting)
        return m
    }
}
