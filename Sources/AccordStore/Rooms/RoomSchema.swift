/// The tables of the confidential rooms (migration `rooms-v1` of both stores). Times are whole milliseconds since
/// 1970; sealed secrets are base64 text; the audit log refuses updates and deletes (a trigger).
enum RoomSchema {
    /// SQLite's statements.
    static let sqlite = """
        CREATE TABLE room (
            id TEXT PRIMARY KEY, document TEXT NOT NULL, revision INTEGER NOT NULL, created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE TABLE room_credential (
            hash TEXT PRIMARY KEY, room_id TEXT NOT NULL REFERENCES room (id), role TEXT NOT NULL,
            created_at INTEGER NOT NULL, revoked_at INTEGER);
        CREATE INDEX room_credential_by_role ON room_credential (room_id, role);
        CREATE TABLE room_secret (
            room_id TEXT NOT NULL REFERENCES room (id), kind TEXT NOT NULL, party TEXT NOT NULL, sealed TEXT NOT NULL,
            updated_at INTEGER NOT NULL, PRIMARY KEY (room_id, kind, party));
        CREATE TABLE room_audit (
            room_id TEXT NOT NULL REFERENCES room (id), sequence INTEGER NOT NULL, at INTEGER NOT NULL,
            actor TEXT NOT NULL, action TEXT NOT NULL, subject TEXT, PRIMARY KEY (room_id, sequence));
        CREATE TRIGGER room_audit_no_update BEFORE UPDATE ON room_audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER room_audit_no_delete BEFORE DELETE ON room_audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """

    /// PostgreSQL's statements.
    static let postgres = [
        """
        CREATE TABLE room (
            id TEXT PRIMARY KEY, document TEXT NOT NULL, revision BIGINT NOT NULL, created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE room_credential (
            hash TEXT PRIMARY KEY, room_id TEXT NOT NULL REFERENCES room (id), role TEXT NOT NULL,
            created_at BIGINT NOT NULL, revoked_at BIGINT)
        """,
        "CREATE INDEX room_credential_by_role ON room_credential (room_id, role)",
        """
        CREATE TABLE room_secret (
            room_id TEXT NOT NULL REFERENCES room (id), kind TEXT NOT NULL, party TEXT NOT NULL, sealed TEXT NOT NULL,
            updated_at BIGINT NOT NULL, PRIMARY KEY (room_id, kind, party))
        """,
        """
        CREATE TABLE room_audit (
            room_id TEXT NOT NULL REFERENCES room (id), sequence BIGINT NOT NULL, at BIGINT NOT NULL,
            actor TEXT NOT NULL, action TEXT NOT NULL, subject TEXT, PRIMARY KEY (room_id, sequence))
        """,
        """
        CREATE FUNCTION room_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$
        """,
        """
        CREATE TRIGGER room_audit_append_only BEFORE UPDATE OR DELETE ON room_audit
            FOR EACH ROW EXECUTE FUNCTION room_audit_append_only()
        """,
    ]
}
