import {
  EMPTY_BRANDING,
  logoMimeType,
  logoProblem,
  type BrandingRecord,
  type LogoImage,
} from '../../shared/models/branding';
import type { Finding } from '../../shared/models/finding';
import type { Profile } from '../../shared/models/profile';
import type { Severity } from '../../shared/models/severity';
import type { TenantSnapshot } from '../../shared/models/snapshot';
import {
  tenantSettingsSchema,
  type TenantInfo,
  type TenantSettings,
} from '../../shared/models/tenant';
import { VERDICTS, type Verdict } from '../../shared/models/verdict';
import {
  decisionSchema,
  isExpired,
  type Decision,
  type StoredDecision,
} from '../../shared/models/decision';
import type { Score } from '../../shared/score/score';
import { decodeJson, encodeJson } from './codec';
import type { Database } from './database';
import { openDatabase } from './open-store';
import { StoreError } from './store-error';

export type { ScanStatus, ScanSummary } from '../../shared/models/scan-summary';
import type { ScanStatus, ScanSummary } from '../../shared/models/scan-summary';

export interface StoredFinding extends Finding {
  readonly severity: Severity;
}

export interface BeginScan {
  readonly id: string;
  readonly tenant: TenantInfo;
  readonly profile: Profile;
  readonly catalogVersion: string;
  readonly source: string;
  readonly startedAt: string;
  readonly reevaluatedFrom?: string;
}

export interface CompleteScan {
  readonly snapshot: TenantSnapshot;
  readonly findings: readonly StoredFinding[];
  readonly score: Score;
  readonly finishedAt: string;
}

interface ScanRow {
  id: string;
  tenant_id: string;
  profile: Profile;
  catalog_version: string;
  source: string;
  status: ScanStatus;
  started_at: string;
  finished_at: string | null;
  score_overall: number | null;
  assessed: number | null;
  total: number | null;
  counts_json: string | null;
  reevaluated_from: string | null;
}

function toSummary(row: ScanRow): ScanSummary {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    profile: row.profile,
    catalogVersion: row.catalog_version,
    source: row.source,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    score: row.score_overall,
    coverage:
      row.assessed === null || row.total === null
        ? null
        : { assessed: row.assessed, total: row.total },
    counts: row.counts_json ? (JSON.parse(row.counts_json) as Record<Verdict, number>) : null,
    reevaluatedFrom: row.reevaluated_from,
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Waits inside the write transaction when asked to, so crash safety can be tested for real. */
async function faultDelay(): Promise<void> {
  const ms = Number(process.env.BREACH_READY_FAULT_WRITE_DELAY_MS ?? 0);
  if (ms > 0) {
    process.stderr.write('breach-ready: fault injection: holding the scan write open\n');
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
}

/**
 * Everything Breach Ready keeps on this machine, behind promises: the rest of main never writes
 * SQL. One instance per database file.
 */
export class Store {
  private constructor(
    readonly db: Database,
    readonly notice: string | undefined,
  ) {}

  static async open(path: string, now = new Date()): Promise<Store> {
    const { db, notice } = await openDatabase(path, now);
    const store = new Store(db, notice);
    await store.markInterrupted(now);
    return store;
  }

  close(): Promise<void> {
    return this.db.close();
  }

  /** Scans whose writing process died are recorded as interrupted. */
  private async markInterrupted(now: Date): Promise<void> {
    const running = await this.db.all<{ id: string; pid: number | null }>(
      "SELECT id, pid FROM scans WHERE status = 'running'",
    );
    const dead = running.filter((r) => r.pid === null || !isAlive(r.pid));
    if (!dead.length) return;
    await this.db.transaction(async () => {
      for (const r of dead) {
        await this.db.run("UPDATE scans SET status = 'interrupted', finished_at = ? WHERE id = ?", [
          now.toISOString(),
          r.id,
        ]);
      }
    });
  }

  // Tenants ---------------------------------------------------------------------------------

  async upsertTenant(tenant: TenantInfo, now: Date): Promise<void> {
    await this.db.transaction(() => this.upsertTenantRow(tenant, now));
  }

  private async upsertTenantRow(tenant: TenantInfo, now: Date): Promise<void> {
    await this.db.run(
      `INSERT INTO tenants (id, display_name, default_domain, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name,
         default_domain = excluded.default_domain, updated_at = excluded.updated_at`,
      [tenant.id, tenant.displayName, tenant.defaultDomain, now.toISOString(), now.toISOString()],
    );
  }

  async listTenants(): Promise<(TenantInfo & { scans: number; lastScanAt: string | null })[]> {
    const rows = await this.db.all<{
      id: string;
      display_name: string;
      default_domain: string;
      scans: number;
      last: string | null;
    }>(
      `SELECT t.id, t.display_name, t.default_domain, COUNT(s.id) AS scans, MAX(s.started_at) AS last
       FROM tenants t LEFT JOIN scans s ON s.tenant_id = t.id GROUP BY t.id ORDER BY t.display_name`,
    );
    return rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      defaultDomain: r.default_domain,
      scans: r.scans,
      lastScanAt: r.last,
    }));
  }

  /** Finds a tenant by id, default domain or name (case-insensitive). */
  async findTenant(key: string): Promise<TenantInfo | undefined> {
    const row = await this.db.get<{ id: string; display_name: string; default_domain: string }>(
      `SELECT id, display_name, default_domain FROM tenants
       WHERE id = ? OR lower(default_domain) = lower(?) OR lower(display_name) = lower(?) LIMIT 1`,
      [key, key, key],
    );
    return row
      ? { id: row.id, displayName: row.display_name, defaultDomain: row.default_domain }
      : undefined;
  }

  async tenantSettings(tenantId: string): Promise<TenantSettings | undefined> {
    const row = await this.db.get<{ settings_json: string }>(
      'SELECT settings_json FROM tenants WHERE id = ?',
      [tenantId],
    );
    if (!row) return undefined;
    return tenantSettingsSchema.parse(JSON.parse(row.settings_json));
  }

  /** Whether this tenant's settings were ever declared (a tenant starts with none). */
  async hasDeclaredSettings(tenantId: string): Promise<boolean> {
    const row = await this.db.get<{ declared: number }>(
      "SELECT settings_json <> '{}' AS declared FROM tenants WHERE id = ?",
      [tenantId],
    );
    return row?.declared === 1;
  }

  async setTenantSettings(tenantId: string, settings: TenantSettings, now: Date): Promise<void> {
    const parsed = tenantSettingsSchema.parse(settings);
    const { changes } = await this.db.transaction(() =>
      this.db.run('UPDATE tenants SET settings_json = ?, updated_at = ? WHERE id = ?', [
        JSON.stringify(parsed),
        now.toISOString(),
        tenantId,
      ]),
    );
    if (!changes) throw new StoreError(`No tenant ${tenantId} in this database.`, 'not_found');
  }

  /** Deletes a tenant and everything about it, and gives the space back to the disk. */
  async deleteTenant(tenantId: string): Promise<boolean> {
    const { changes } = await this.db.transaction(() =>
      this.db.run('DELETE FROM tenants WHERE id = ?', [tenantId]),
    );
    await this.db.exec('VACUUM');
    await this.db.get('PRAGMA wal_checkpoint(TRUNCATE)');
    return changes > 0;
  }

  // Scans -----------------------------------------------------------------------------------

  /** Records that a scan started writing; the row stays 'running' until completeScan commits. */
  async beginScan(scan: BeginScan, now: Date): Promise<void> {
    await this.db.transaction(async () => {
      await this.upsertTenantRow(scan.tenant, now);
      await this.db.run(
        `INSERT INTO scans (id, tenant_id, profile, catalog_version, source, status, started_at, reevaluated_from, pid)
         VALUES (?, ?, ?, ?, ?, 'running', ?, ?, ?)`,
        [
          scan.id,
          scan.tenant.id,
          scan.profile,
          scan.catalogVersion,
          scan.source,
          scan.startedAt,
          scan.reevaluatedFrom ?? null,
          process.pid,
        ],
      );
    });
  }

  /** Writes the evidence, findings and score in one transaction. */
  async completeScan(scanId: string, result: CompleteScan): Promise<void> {
    const counts = Object.fromEntries(
      VERDICTS.map((v) => [v, result.findings.filter((f) => f.verdict === v).length]),
    );
    const unread = Object.values(result.snapshot.sources).some((s) => s && !s.ok);
    await this.db.transaction(async () => {
      await this.db.run('INSERT INTO snapshots (scan_id, encoding, data) VALUES (?, ?, ?)', [
        scanId,
        'gzip-json',
        encodeJson(result.snapshot),
      ]);
      for (const f of result.findings) {
        await this.db.run(
          `INSERT INTO findings (scan_id, check_id, verdict, severity, reason, reason_code, affected_json, evidence_json)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            scanId,
            f.checkId,
            f.verdict,
            f.severity,
            f.reason,
            f.reasonCode ?? null,
            JSON.stringify(f.affected),
            JSON.stringify(f.evidence),
          ],
        );
      }
      await faultDelay();
      await this.db.run(
        `UPDATE scans SET status = ?, finished_at = ?, score_overall = ?, score_json = ?, assessed = ?, total = ?, counts_json = ?, pid = NULL
         WHERE id = ?`,
        [
          unread ? 'partial' : 'complete',
          result.finishedAt,
          result.score.overall,
          JSON.stringify(result.score),
          result.score.coverage.assessed,
          result.score.coverage.total,
          JSON.stringify(counts),
          scanId,
        ],
      );
    });
  }

  async markScanFailed(scanId: string, now: Date): Promise<void> {
    await this.db.transaction(() =>
      this.db.run(
        "UPDATE scans SET status = 'failed', finished_at = ?, pid = NULL WHERE id = ? AND status = 'running'",
        [now.toISOString(), scanId],
      ),
    );
  }

  async listScans(tenantId: string): Promise<ScanSummary[]> {
    const rows = await this.db.all<ScanRow>(
      'SELECT * FROM scans WHERE tenant_id = ? ORDER BY started_at, id',
      [tenantId],
    );
    return rows.map(toSummary);
  }

  async getScan(scanId: string): Promise<ScanSummary | undefined> {
    const row = await this.db.get<ScanRow>('SELECT * FROM scans WHERE id = ?', [scanId]);
    return row ? toSummary(row) : undefined;
  }

  async findings(scanId: string): Promise<StoredFinding[]> {
    const rows = await this.db.all<{
      check_id: string;
      verdict: Verdict;
      severity: Severity;
      reason: string;
      reason_code: string | null;
      affected_json: string;
      evidence_json: string;
    }>('SELECT * FROM findings WHERE scan_id = ? ORDER BY rowid', [scanId]);
    return rows.map((r) => ({
      checkId: r.check_id,
      verdict: r.verdict,
      severity: r.severity,
      reason: r.reason,
      ...(r.reason_code ? { reasonCode: r.reason_code as Finding['reasonCode'] } : {}),
      affected: JSON.parse(r.affected_json) as Finding['affected'],
      evidence: JSON.parse(r.evidence_json) as Finding['evidence'],
    }));
  }

  async snapshot(scanId: string): Promise<TenantSnapshot | undefined> {
    const row = await this.db.get<{ data: Buffer }>(
      'SELECT data FROM snapshots WHERE scan_id = ?',
      [scanId],
    );
    return row ? decodeJson<TenantSnapshot>(row.data) : undefined;
  }

  // Decisions, progress, notes ---------------------------------------------------------------

  /** Sets (or with `null` clears) the decision on a check; every change is audited. */
  async setDecision(
    tenantId: string,
    checkId: string,
    decision: Decision | null,
    actor: string,
    now: Date,
  ): Promise<void> {
    const parsed = decision === null ? null : decisionSchema.parse(decision);
    await this.db.transaction(async () => {
      const before = await this.decisionRow(tenantId, checkId);
      if (parsed === null) {
        await this.db.run('DELETE FROM decisions WHERE tenant_id = ? AND check_id = ?', [
          tenantId,
          checkId,
        ]);
      } else {
        const d = parsed as Decision & {
          reason?: string;
          owner?: string;
          dueDate?: string;
          expiresAt?: string;
        };
        await this.db.run(
          `INSERT INTO decisions (tenant_id, check_id, kind, reason, owner, due_date, expires_at, decided_by, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (tenant_id, check_id) DO UPDATE SET kind = excluded.kind, reason = excluded.reason, owner = excluded.owner,
             due_date = excluded.due_date, expires_at = excluded.expires_at, decided_by = excluded.decided_by, updated_at = excluded.updated_at`,
          [
            tenantId,
            checkId,
            d.kind,
            d.reason ?? null,
            d.owner ?? null,
            d.dueDate ?? null,
            d.expiresAt ?? null,
            actor,
            now.toISOString(),
          ],
        );
      }
      await this.db.run(
        'INSERT INTO decision_audit (tenant_id, check_id, action, actor, at, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [
          tenantId,
          checkId,
          parsed === null ? 'cleared' : before ? 'changed' : 'decided',
          actor,
          now.toISOString(),
          before ? JSON.stringify(before) : null,
          parsed ? JSON.stringify(parsed) : null,
        ],
      );
    });
  }

  private async decisionRow(tenantId: string, checkId: string): Promise<Decision | undefined> {
    const row = await this.db.get<DecisionRow>(
      'SELECT * FROM decisions WHERE tenant_id = ? AND check_id = ?',
      [tenantId, checkId],
    );
    return row ? rowToDecision(row) : undefined;
  }

  /** The tenant's decisions; a risk acceptance past its expiry is flagged and no longer counts. */
  async decisions(tenantId: string, now: Date): Promise<StoredDecision[]> {
    const rows = await this.db.all<DecisionRow>(
      'SELECT * FROM decisions WHERE tenant_id = ? ORDER BY check_id',
      [tenantId],
    );
    return rows.map((r) => {
      const decision = rowToDecision(r);
      return {
        checkId: r.check_id,
        decision,
        decidedBy: r.decided_by,
        updatedAt: r.updated_at,
        expired: isExpired(decision, now),
      };
    });
  }

  async decisionAudit(tenantId: string): Promise<
    {
      checkId: string;
      action: string;
      actor: string;
      at: string;
      before: Decision | null;
      after: Decision | null;
    }[]
  > {
    const rows = await this.db.all<{
      check_id: string;
      action: string;
      actor: string;
      at: string;
      before_json: string | null;
      after_json: string | null;
    }>('SELECT * FROM decision_audit WHERE tenant_id = ? ORDER BY id', [tenantId]);
    return rows.map((r) => ({
      checkId: r.check_id,
      action: r.action,
      actor: r.actor,
      at: r.at,
      before: r.before_json ? (JSON.parse(r.before_json) as Decision) : null,
      after: r.after_json ? (JSON.parse(r.after_json) as Decision) : null,
    }));
  }

  async setStepDone(
    tenantId: string,
    checkId: string,
    step: number,
    done: boolean,
    now: Date,
  ): Promise<void> {
    await this.db.transaction(() =>
      this.db.run(
        `INSERT INTO progress (tenant_id, check_id, step, done, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, check_id, step) DO UPDATE SET done = excluded.done, updated_at = excluded.updated_at`,
        [tenantId, checkId, step, done ? 1 : 0, now.toISOString()],
      ),
    );
  }

  async progress(
    tenantId: string,
  ): Promise<{ checkId: string; step: number; done: boolean; updatedAt: string }[]> {
    const rows = await this.db.all<{
      check_id: string;
      step: number;
      done: number;
      updated_at: string;
    }>('SELECT * FROM progress WHERE tenant_id = ? ORDER BY check_id, step', [tenantId]);
    return rows.map((r) => ({
      checkId: r.check_id,
      step: r.step,
      done: r.done === 1,
      updatedAt: r.updated_at,
    }));
  }

  async setNote(tenantId: string, checkId: string, text: string, now: Date): Promise<void> {
    await this.db.transaction(() =>
      text.trim()
        ? this.db.run(
            `INSERT INTO notes (tenant_id, check_id, text, updated_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (tenant_id, check_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
            [tenantId, checkId, text, now.toISOString()],
          )
        : this.db.run('DELETE FROM notes WHERE tenant_id = ? AND check_id = ?', [
            tenantId,
            checkId,
          ]),
    );
  }

  // Branding ------------------------------------------------------------------------------

  /** Report branding of this installation; empty until someone saves it. */
  async getBranding(): Promise<BrandingRecord> {
    const row = await this.db.get<{
      company_name: string;
      prepared_by: string;
      logo_mime: LogoImage['mimeType'] | null;
      logo: Buffer | null;
      updated_at: string;
    }>('SELECT * FROM branding WHERE id = 1');
    if (!row) return EMPTY_BRANDING;
    return {
      companyName: row.company_name,
      preparedBy: row.prepared_by,
      ...(row.logo && row.logo_mime
        ? { logo: { mimeType: row.logo_mime, bytes: new Uint8Array(row.logo) } }
        : {}),
      updatedAt: row.updated_at,
    };
  }

  /**
   * Replaces the branding. The logo's type is read from its bytes; anything but a small PNG or
   * JPEG is refused. No logo (or `null`) removes the stored one.
   */
  async setBranding(
    branding: { companyName: string; preparedBy: string; logo?: Uint8Array | null },
    now: Date,
  ): Promise<void> {
    const bytes = branding.logo ?? null;
    if (bytes) {
      const problem = logoProblem(bytes);
      if (problem) throw new StoreError(`The branding was not saved: ${problem}.`, 'error');
    }
    const logo = bytes ? { mimeType: logoMimeType(bytes)!, bytes } : null;
    await this.db.transaction(() =>
      this.db.run(
        `INSERT INTO branding (id, company_name, prepared_by, logo_mime, logo, updated_at) VALUES (1, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET company_name = excluded.company_name, prepared_by = excluded.prepared_by,
           logo_mime = excluded.logo_mime, logo = excluded.logo, updated_at = excluded.updated_at`,
        [
          branding.companyName.trim(),
          branding.preparedBy.trim(),
          logo?.mimeType ?? null,
          logo ? Buffer.from(logo.bytes) : null,
          now.toISOString(),
        ],
      ),
    );
  }

  async notes(tenantId: string): Promise<{ checkId: string; text: string; updatedAt: string }[]> {
    const rows = await this.db.all<{ check_id: string; text: string; updated_at: string }>(
      'SELECT * FROM notes WHERE tenant_id = ? ORDER BY check_id',
      [tenantId],
    );
    return rows.map((r) => ({ checkId: r.check_id, text: r.text, updatedAt: r.updated_at }));
  }
}

interface DecisionRow {
  check_id: string;
  kind: Decision['kind'];
  reason: string | null;
  owner: string | null;
  due_date: string | null;
  expires_at: string | null;
  decided_by: string;
  updated_at: string;
}

function rowToDecision(r: DecisionRow): Decision {
  const fields = {
    kind: r.kind,
    ...(r.reason !== null ? { reason: r.reason } : {}),
    ...(r.owner !== null ? { owner: r.owner } : {}),
    ...(r.due_date !== null ? { dueDate: r.due_date } : {}),
    ...(r.expires_at !== null ? { expiresAt: r.expires_at } : {}),
  };
  return decisionSchema.parse(fields);
}
