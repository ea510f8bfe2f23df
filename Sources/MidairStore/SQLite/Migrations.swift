import GRDB

/// The SQLite schema, one migration per change, never edited once shipped.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            // Every version of every record; the rowid is the store-wide
            // revision. AUTOINCREMENT keeps a revision from ever being reused.
            try db.execute(sql: """
                CREATE TABLE versions (
                    revision INTEGER PRIMARY KEY AUTOINCREMENT,
                    collection TEXT NOT NULL,
                    record_id TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('created', 'updated', 'deleted')),
                    fields TEXT NOT NULL,
                    changed_fields TEXT NOT NULL,
                    updated_by TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    UNIQUE (collection, record_id, version)
                );
                -- The newest version of each record that ever existed (a tombstone once deleted).
                CREATE TABLE heads (
                    collection TEXT NOT NULL,
                    record_id TEXT NOT NULL,
                    revision INTEGER NOT NULL REFERENCES versions(revision),
                    deleted INTEGER NOT NULL,
                    search TEXT NOT NULL,
                    PRIMARY KEY (collection, record_id)
                ) WITHOUT ROWID;
                -- Values of unique fields held by live records.
                CREATE TABLE unique_values (
                    collection TEXT NOT NULL,
                    field TEXT NOT NULL,
                    value TEXT NOT NULL,
                    record_id TEXT NOT NULL,
                    PRIMARY KEY (collection, field, value)
                ) WITHOUT ROWID;
                CREATE INDEX unique_values_by_record ON unique_values(collection, record_id);
                -- References held by live records, looked up from the target on delete.
                CREATE TABLE refs (
                    target_collection TEXT NOT NULL,
                    target_id TEXT NOT NULL,
                    source_collection TEXT NOT NULL,
                    source_id TEXT NOT NULL,
                    field TEXT NOT NULL,
                    PRIMARY KEY (target_collection, target_id, source_collection, source_id, field)
                ) WITHOUT ROWID;
                CREATE INDEX refs_by_source ON refs(source_collection, source_id);
                CREATE TABLE idempotency_keys (
                    user TEXT NOT NULL,
                    key TEXT NOT NULL,
                    request TEXT NOT NULL,
                    outcome TEXT,
                    created_at REAL NOT NULL,
                    PRIMARY KEY (user, key)
                ) WITHOUT ROWID;
                CREATE INDEX idempotency_keys_by_age ON idempotency_keys(created_at);
                CREATE TABLE conflicts (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    user TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    collection TEXT NOT NULL,
                    record_id TEXT NOT NULL,
                    your_revision INTEGER,
                    current_revision INTEGER,
                    current_version INTEGER,
                    fields TEXT NOT NULL
                );
                """)
        }
        m.registerMigration("v2") { db in
            // Pessimistic locks: one lease per record. A lapsed lease stays
            // until it is taken again; readers compare `expires_at` with now.
            // Bearer tokens for TCP: only the SHA-256 of a token is kept.
            try db.execute(sql: """
                CREATE TABLE locks (
                    collection TEXT NOT NULL,
                    record_id TEXT NOT NULL,
                    holder TEXT NOT NULL,
                    acquired_at REAL NOT NULL,
                    expires_at REAL NOT NULL,
                    PRIMARY KEY (collection, record_id)
                ) WITHOUT ROWID;
                CREATE TABLE tokens (
                    id TEXT PRIMARY KEY,
                    user TEXT NOT NULL,
                    sha256 TEXT NOT NULL UNIQUE,
                    created_at REAL NOT NULL,
                    last_used_at REAL
                );
                CREATE INDEX tokens_by_user ON tokens(user);
                """)
        }
        return m
    }
}
