import GRDB

extension Schema {
    /// The ledger-wide search finds an exchange by the words of its description (a reversal's
    /// reason included), its category code and its category's name, through a full-text index
    /// keyed by the exchange's `seq`, not by scanning every row with LIKE. Triggers keep it exact
    /// for every writer: an entry appended, a description emptied by erasure, a category renamed.
    /// What the index holds for an exchange `e` with its category `c`; `check` compares it too.
    static let exchangeSearchWords = "e.description || ' ' || coalesce(e.category, '') || ' ' || coalesce(c.name, '')"

    static func exchangeSearch(_ db: Database) throws {
        let words = exchangeSearchWords
        let from = "FROM exchange e LEFT JOIN category c ON c.code = e.category"
        try db.execute(sql: """
            CREATE VIRTUAL TABLE exchange_text USING fts5(
                words, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
            );
            INSERT INTO exchange_text (rowid, words) SELECT e.seq, \(words) \(from);
            CREATE TRIGGER exchange_text_insert AFTER INSERT ON exchange BEGIN
                INSERT INTO exchange_text (rowid, words) SELECT e.seq, \(words) \(from) WHERE e.seq = NEW.seq;
            END;
            CREATE TRIGGER exchange_text_erase AFTER UPDATE OF description ON exchange BEGIN
                DELETE FROM exchange_text WHERE rowid = OLD.seq;
                INSERT INTO exchange_text (rowid, words) SELECT e.seq, \(words) \(from) WHERE e.seq = NEW.seq;
            END;
            CREATE TRIGGER exchange_text_category AFTER UPDATE OF code, name ON category BEGIN
                DELETE FROM exchange_text WHERE rowid IN (SELECT seq FROM exchange WHERE category IN (OLD.code, NEW.code));
                INSERT INTO exchange_text (rowid, words) SELECT e.seq, \(words) \(from) WHERE e.category IN (OLD.code, NEW.code);
            END;
            """)
    }
}
