import GRDB

extension Schema {
    /// Offers and needs are searched through a full-text index of what the broker sees of them
    /// (title, description, the member's name, the category's name, the area), not by scanning
    /// every row with LIKE. Triggers keep the index exact for every writer: a listing added or
    /// changed, a member renamed (or erased), a category renamed.
    static func listingSearch(_ db: Database) throws {
        var sql = ""
        for table in ["offer", "need"] {
            let text = "\(table)_text"
            let words = "l.title || ' ' || l.description || ' ' || m.name || ' ' || c.name || ' ' || l.area"
            let from = "FROM \(table) l JOIN member m ON m.number = l.member JOIN category c ON c.id = l.category"
            sql += """
                CREATE VIRTUAL TABLE \(text) USING fts5(words, tokenize = 'unicode61 remove_diacritics 2');
                INSERT INTO \(text) (rowid, words) SELECT l.id, \(words) \(from);
                CREATE TRIGGER \(text)_insert AFTER INSERT ON \(table) BEGIN
                    INSERT INTO \(text) (rowid, words) SELECT l.id, \(words) \(from) WHERE l.id = NEW.id;
                END;
                CREATE TRIGGER \(text)_update AFTER UPDATE OF title, description, member, category, area ON \(table) BEGIN
                    DELETE FROM \(text) WHERE rowid = OLD.id;
                    INSERT INTO \(text) (rowid, words) SELECT l.id, \(words) \(from) WHERE l.id = NEW.id;
                END;
                CREATE TRIGGER \(text)_delete AFTER DELETE ON \(table) BEGIN
                    DELETE FROM \(text) WHERE rowid = OLD.id;
                END;
                CREATE TRIGGER \(text)_member AFTER UPDATE OF name ON member BEGIN
                    DELETE FROM \(text) WHERE rowid IN (SELECT id FROM \(table) WHERE member = NEW.number);
                    INSERT INTO \(text) (rowid, words) SELECT l.id, \(words) \(from) WHERE l.member = NEW.number;
                END;
                CREATE TRIGGER \(text)_category AFTER UPDATE OF name ON category BEGIN
                    DELETE FROM \(text) WHERE rowid IN (SELECT id FROM \(table) WHERE category = NEW.id);
                    INSERT INTO \(text) (rowid, words) SELECT l.id, \(words) \(from) WHERE l.category = NEW.id;
                END;

                """
        }
        try db.execute(sql: sql)
    }
}
