/**
 * Versioned schema. Each migration moves the database from version `n - 1` to `n` and runs in its
 * own transaction at open. Never edit a released migration; add a new one.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'tenants, scans, snapshot evidence and findings',
    sql: `
      CREATE TABLE app_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO app_meta (key, value) VALUES ('application', 'breach-ready');
      CREATE TABLE tenants (
        id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        default_domain TEXT NOT NULL,
        settings_json TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE scans (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        profile TEXT NOT NULL,
        catalog_version TEXT NOT NULL,
        source TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('running', 'complete', 'partial', 'failed', 'interrupted')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        score_overall REAL,
        score_json TEXT,
        assessed INTEGER,
        total INTEGER,
        counts_json TEXT,
        reevaluated_from TEXT REFERENCES scans(id) ON DELETE SET NULL,
        pid INTEGER
      );
      CREATE INDEX scans_by_tenant ON scans (tenant_id, started_at);
      CREATE TABLE snapshots (
        scan_id TEXT PRIMARY KEY REFERENCES scans(id) ON DELETE CASCADE,
        encoding TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE TABLE findings (
        scan_id TEXT NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
        check_id TEXT NOT NULL,
        verdict TEXT NOT NULL,
        severity TEXT NOT NULL,
        reason TEXT NOT NULL,
        reason_code TEXT,
        affected_json TEXT NOT NULL,
        evidence_json TEXT NOT NULL,
        PRIMARY KEY (scan_id, check_id)
      );
    `,
  },
  {
    version: 2,
    description: 'remediation progress, notes, decisions and their audit trail',
    sql: `
      CREATE TABLE progress (
        tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        check_id TEXT NOT NULL,
        step INTEGER NOT NULL,
        done INTEGER NOT NULL CHECK (done IN (0, 1)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, check_id, step)
      );
      CREATE TABLE notes (
        tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        check_id TEXT NOT NULL,
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, check_id)
      );
      CREATE TABLE decisions (
        tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        check_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('planned', 'risk_accepted', 'compensating_control', 'third_party', 'incorrect_result')),
        reason TEXT,
        owner TEXT,
        due_date TEXT,
        expires_at TEXT,
        decided_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, check_id)
      );
      CREATE TABLE decision_audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        check_id TEXT NOT NULL,
        action TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT
      );
      CREATE INDEX decision_audit_by_tenant ON decision_audit (tenant_id, at);
    `,
  },
  {
    version: 3,
    description: 'report branding for this installation: company, prepared by, logo',
    sql: `
      CREATE TABLE branding (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        company_name TEXT NOT NULL DEFAULT '',
        prepared_by TEXT NOT NULL DEFAULT '',
        logo_mime TEXT CHECK (logo_mime IN ('image/png', 'image/jpeg')),
        logo BLOB,
        updated_at TEXT NOT NULL,
        CHECK ((logo IS NULL) = (logo_mime IS NULL))
      );
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;
