// The case database schema, as versioned migrations (GRDB's DatabaseMigrator). A migration that
// has shipped is never edited: a change to the schema is a new migration appended below, so a
// database from any earlier release opens and upgrades in place. The tables are described in
// docs/case-store.md.
import GRDB

/// Migrations of the case database, oldest first.
public enum CaseSchema {
    /// The identifiers of every migration this build knows, in order.
    public static var versions: [String] { migrator.migrations }

    public static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-cases-evidence-runs-audit", migrate: v1)
        return m
    }

    /// First release: cases, evidence, analysis runs and their findings, bookmarks, tags, notes,
    /// and the append-only audit log.
    static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE cases (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                description TEXT NOT NULL DEFAULT '',
                examiner TEXT NOT NULL DEFAULT '',
                created_at DATETIME NOT NULL
            );
            CREATE TABLE evidence (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
                path TEXT NOT NULL,
                sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
                bytes INTEGER NOT NULL CHECK (bytes >= 0),
                media TEXT NOT NULL CHECK (media IN ('image', 'video', 'audio', 'pdf')),
                format TEXT NOT NULL,
                intake_at DATETIME NOT NULL,
                added_by TEXT NOT NULL,
                object_path TEXT,
                UNIQUE (case_id, sha256)
            );
            CREATE INDEX evidence_case ON evidence(case_id);
            CREATE TABLE analysis_run (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                evidence_id INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
                engine_version TEXT NOT NULL,
                fusion_version TEXT NOT NULL,
                options_json TEXT NOT NULL,
                started_at DATETIME NOT NULL,
                finished_at DATETIME NOT NULL,
                custody TEXT NOT NULL CHECK (custody IN ('unchanged', 'changed', 'missing')),
                verdict_label TEXT NOT NULL,
                verdict_score REAL,
                report_json TEXT NOT NULL,
                ran_by TEXT NOT NULL
            );
            CREATE INDEX analysis_run_evidence ON analysis_run(evidence_id);
            CREATE TABLE finding (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                run_id INTEGER NOT NULL REFERENCES analysis_run(id) ON DELETE CASCADE,
                code TEXT NOT NULL,
                severity TEXT NOT NULL CHECK (severity IN ('info', 'notice', 'warning', 'critical')),
                source TEXT NOT NULL,
                message TEXT NOT NULL,
                location TEXT
            );
            CREATE INDEX finding_run ON finding(run_id);
            CREATE INDEX finding_code ON finding(code);
            CREATE TABLE bookmark (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                evidence_id INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
                frame INTEGER, time REAL, page INTEGER, branch TEXT,
                note TEXT NOT NULL,
                author TEXT NOT NULL,
                created_at DATETIME NOT NULL
            );
            CREATE TABLE tag (
                evidence_id INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
                tag TEXT NOT NULL,
                added_by TEXT NOT NULL,
                created_at DATETIME NOT NULL,
                PRIMARY KEY (evidence_id, tag)
            );
            CREATE TABLE note (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
                evidence_id INTEGER REFERENCES evidence(id) ON DELETE CASCADE,
                text TEXT NOT NULL,
                author TEXT NOT NULL,
                created_at DATETIME NOT NULL
            );
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at DATETIME NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                case_id INTEGER,
                case_name TEXT,
                evidence_id INTEGER,
                evidence_sha256 TEXT,
                detail TEXT NOT NULL
            );
            CREATE INDEX audit_case ON audit_log(case_id);
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
            """)
    }
}
