import GRDB

/// The SQLite schema, as versioned migrations: a database created by an earlier Accord is migrated on open.
enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE scenario (
                        id TEXT PRIMARY KEY, latest INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
                        created_at DATETIME NOT NULL);
                    CREATE TABLE scenario_version (
                        id TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, text TEXT NOT NULL,
                        format TEXT NOT NULL, created_at DATETIME NOT NULL, PRIMARY KEY (id, version));
                    CREATE TABLE run (
                        id TEXT PRIMARY KEY, operation TEXT NOT NULL, input_fingerprint TEXT NOT NULL,
                        parameters TEXT NOT NULL, accord_version TEXT NOT NULL, started_at DATETIME NOT NULL,
                        finished_at DATETIME, status TEXT NOT NULL, result TEXT, error TEXT, scenario_id TEXT,
                        scenario_version INTEGER, request TEXT NOT NULL);
                    CREATE INDEX run_by_scenario ON run (scenario_id, started_at);
                    CREATE INDEX run_by_status ON run (status);
                    CREATE TABLE run_report (
                        run_id TEXT NOT NULL REFERENCES run (id) ON DELETE CASCADE, format TEXT NOT NULL,
                        body TEXT NOT NULL, PRIMARY KEY (run_id, format));
                    """)
        }
        migrator.registerMigration("rooms-v1") { db in
            try db.execute(sql: RoomSchema.sqlite)
        }
        return migrator
    }
}
