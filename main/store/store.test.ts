import { chmod, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import sqlite3 from 'sqlite3';
import type { TenantSnapshot } from '../../shared/models/snapshot';
import { computeScore } from '../../shared/score/score';
import { exportTenant, importTenant } from './bundle';
import { Database } from './database';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { Store, type StoredFinding } from './store';
import { StoreError } from './store-error';
import { EMPTY_BRANDING } from '../../shared/models/branding';
import { solidPng } from '../../test/helpers/solid-png';

const TENANT = { id: 't-1', displayName: 'Fabrikam Bakery', defaultDomain: 'fabrikambakery.com' };
const NOW = new Date('2026-11-28T10:00:00Z');

let dir: string;
const opened: Store[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'breach-ready-store-'));
});
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close().catch(() => {});
});

async function open(name = 'db.sqlite', now = NOW): Promise<Store> {
  const store = await Store.open(join(dir, name), now);
  opened.push(store);
  return store;
}

const snapshot: TenantSnapshot = {
  format: 'tenant-snapshot/1',
  tenant: TENANT,
  collectedAt: NOW.toISOString(),
  sources: {
    domains: { ok: true, data: [{ id: 'fabrikambakery.com' }], fetchedAt: NOW.toISOString() },
  },
};

function finding(
  checkId: string,
  verdict: StoredFinding['verdict'],
  severity: StoredFinding['severity'] = 'high',
): StoredFinding {
  return {
    checkId,
    verdict,
    severity,
    reason: `${checkId} is ${verdict}`,
    affected: [{ id: 'u1', displayName: 'User One' }],
    evidence: [],
  };
}

async function saveScan(store: Store, id: string, startedAt: string, findings: StoredFinding[]) {
  await store.beginScan(
    { id, tenant: TENANT, profile: 'cis', catalogVersion: 'test', source: 'fixture', startedAt },
    new Date(startedAt),
  );
  await store.completeScan(id, {
    snapshot,
    findings,
    score: computeScore(
      findings.map((f) => ({ verdict: f.verdict, severity: f.severity, nistCsf: ['PR.AA-01'] })),
    ),
    finishedAt: startedAt,
  });
}

describe('opening the database', () => {
  it('creates the schema at the current version with WAL and foreign keys', async () => {
    const store = await open();
    expect(await store.db.get('PRAGMA user_version')).toEqual({ user_version: SCHEMA_VERSION });
    expect(await store.db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await store.db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
    expect((await stat(join(dir, 'db.sqlite'))).mode & 0o777).toBe(0o600);
  });

  it.each(MIGRATIONS.slice(0, -1).map((m) => [m.version]))(
    'upgrades a database at schema %i, keeping its data',
    async (version) => {
      const path = join(dir, 'old.sqlite');
      const db = await Database.open(path);
      for (const m of MIGRATIONS.filter((x) => x.version <= version)) {
        await db.exec(m.sql);
        await db.exec(`PRAGMA user_version = ${m.version}`);
      }
      await db.run(
        "INSERT INTO tenants (id, display_name, default_domain, created_at, updated_at) VALUES ('t-old', 'Old', 'old.com', 'x', 'x')",
      );
      await db.close();
      const store = await open('old.sqlite');
      expect(await store.db.get('PRAGMA user_version')).toEqual({ user_version: SCHEMA_VERSION });
      expect(await store.findTenant('old.com')).toEqual({
        id: 't-old',
        displayName: 'Old',
        defaultDomain: 'old.com',
      });
      await store.setDecision(
        't-old',
        'CA-002',
        { kind: 'third_party', reason: 'MSP manages MFA' },
        'tech',
        NOW,
      );
      expect(await store.decisions('t-old', NOW)).toHaveLength(1);
      expect(await store.getBranding()).toEqual(EMPTY_BRANDING);
      await store.setBranding({ companyName: 'Northwind IT', preparedBy: 'Alex' }, NOW);
      expect((await store.getBranding()).companyName).toBe('Northwind IT');
    },
  );

  it('moves a damaged file aside, keeps it, and starts a new database', async () => {
    const path = join(dir, 'db.sqlite');
    await writeFile(path, 'this is not a database, it is a shopping list');
    const store = await open();
    expect(store.notice).toMatch(/kept as .*db\.sqlite\.damaged-/);
    const aside = store.notice!.match(/kept as (\S+) and/)![1]!;
    expect(await readFile(aside, 'utf8')).toBe('this is not a database, it is a shopping list');
    expect(await store.listTenants()).toEqual([]);
  });

  it('refuses a database of another application and leaves it untouched', async () => {
    const path = join(dir, 'other.sqlite');
    const db = await Database.open(path);
    await db.exec(
      'CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);',
    );
    await db.close();
    const before = await readFile(path);
    await expect(Store.open(path)).rejects.toMatchObject({ code: 'foreign' });
    expect(await readFile(path)).toEqual(before);
  });

  it('refuses a database written by a newer version', async () => {
    const store = await open();
    await store.db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    await store.close();
    opened.pop();
    await expect(Store.open(join(dir, 'db.sqlite'))).rejects.toMatchObject({
      code: 'newer',
      message: /newer version/,
    });
  });

  it('explains a location it cannot write to', async () => {
    if (process.getuid?.() === 0) {
      // root can write anywhere; use a path under a file instead, which nobody can create.
      await writeFile(join(dir, 'a-file'), 'x');
      await expect(Store.open(join(dir, 'a-file', 'db.sqlite'))).rejects.toBeInstanceOf(StoreError);
      return;
    }
    await chmod(dir, 0o500);
    await expect(Store.open(join(dir, 'sub', 'db.sqlite'))).rejects.toMatchObject({
      code: 'read_only',
    });
  });

  it('records a scan whose writer died as interrupted, and keeps earlier scans', async () => {
    const store = await open();
    await saveScan(store, 's-1', '2026-11-01T10:00:00Z', [finding('CA-002', 'fail')]);
    await store.db.run(
      "INSERT INTO scans (id, tenant_id, profile, catalog_version, source, status, started_at, pid) VALUES ('s-2', 't-1', 'cis', 'x', 'demo', 'running', '2026-11-02T10:00:00Z', 999999999)",
    );
    await store.close();
    opened.pop();
    const again = await open();
    const scans = await again.listScans('t-1');
    expect(scans.map((s) => [s.id, s.status])).toEqual([
      ['s-1', 'complete'],
      ['s-2', 'interrupted'],
    ]);
    expect(await again.findings('s-1')).toHaveLength(1);
  });
});

describe('a full disk', () => {
  it('gives a clear error, writes nothing of the scan, and keeps what was there', async () => {
    const store = await open();
    await saveScan(store, 's-1', '2026-11-01T10:00:00Z', [finding('CA-002', 'fail')]);
    // The database may not grow past its current size: SQLite answers exactly as on a full disk.
    const { page_count } = (await store.db.get<{ page_count: number }>('PRAGMA page_count'))!;
    await store.db.get(`PRAGMA max_page_count = ${page_count}`);
    const big = Array.from({ length: 400 }, (_, i) => ({
      ...finding(`X-${i}`, 'fail'),
      reason: 'y'.repeat(4000),
    }));
    const error = await saveScan(store, 's-2', '2026-11-02T10:00:00Z', big).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('full');
    expect((error as StoreError).message).toMatch(/disk .* is full|is full/);
    expect(await store.findings('s-2')).toEqual([]);
    expect(await store.findings('s-1')).toHaveLength(1);
    expect(await store.db.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
  });
});

describe('scans and history', () => {
  it('keeps the evidence compressed and returns it unchanged', async () => {
    const store = await open();
    await saveScan(store, 's-1', '2026-11-01T10:00:00Z', [finding('CA-002', 'fail')]);
    expect(await store.snapshot('s-1')).toEqual(snapshot);
    const raw = await store.db.get<{ encoding: string; data: Buffer }>(
      'SELECT encoding, data FROM snapshots',
    );
    expect(raw?.encoding).toBe('gzip-json');
    expect(raw?.data.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
  });

  it('lists scans with score, coverage and counts', async () => {
    const store = await open();
    await saveScan(store, 's-1', '2026-11-01T10:00:00Z', [
      finding('A-001', 'fail'),
      finding('A-002', 'pass'),
      finding('A-003', 'unknown'),
    ]);
    const [scan] = await store.listScans('t-1');
    expect(scan).toMatchObject({
      id: 's-1',
      status: 'complete',
      score: 50,
      coverage: { assessed: 2, total: 3 },
    });
    expect(scan?.counts).toMatchObject({ fail: 1, pass: 1, unknown: 1, warn: 0 });
  });
});

describe('decisions', () => {
  it('carry forward to later scans, are audited, and a risk acceptance expires', async () => {
    const store = await open();
    await store.upsertTenant(TENANT, NOW);
    await store.setDecision(
      't-1',
      'CA-005',
      {
        kind: 'risk_accepted',
        reason: 'Copier needs SMTP until March',
        owner: 'Megan',
        expiresAt: '2027-03-01',
      },
      'tech',
      NOW,
    );
    await store.setDecision(
      't-1',
      'SPO-001',
      { kind: 'planned', dueDate: '2026-12-15' },
      'tech',
      NOW,
    );
    await store.setDecision(
      't-1',
      'SPO-001',
      { kind: 'compensating_control', reason: 'Sharing is blocked by a DLP policy' },
      'megan',
      NOW,
    );
    const later = new Date('2027-01-15T00:00:00Z');
    const decisions = await store.decisions('t-1', later);
    expect(decisions.map((d) => [d.checkId, d.decision.kind, d.expired])).toEqual([
      ['CA-005', 'risk_accepted', false],
      ['SPO-001', 'compensating_control', false],
    ]);
    const afterExpiry = await store.decisions('t-1', new Date('2027-03-02T00:00:00Z'));
    expect(afterExpiry.find((d) => d.checkId === 'CA-005')?.expired).toBe(true);
    const audit = await store.decisionAudit('t-1');
    expect(audit.map((a) => [a.checkId, a.action, a.actor])).toEqual([
      ['CA-005', 'decided', 'tech'],
      ['SPO-001', 'decided', 'tech'],
      ['SPO-001', 'changed', 'megan'],
    ]);
    expect(audit[2]?.before).toEqual({ kind: 'planned', dueDate: '2026-12-15' });
    await store.setDecision('t-1', 'SPO-001', null, 'megan', NOW);
    expect((await store.decisionAudit('t-1')).at(-1)).toMatchObject({
      action: 'cleared',
      after: null,
    });
  });

  it('requires a reason, an owner and an expiry to accept a risk', async () => {
    const store = await open();
    await store.upsertTenant(TENANT, NOW);
    await expect(
      store.setDecision(
        't-1',
        'CA-005',
        { kind: 'risk_accepted', reason: 'x', owner: '' } as never,
        'tech',
        NOW,
      ),
    ).rejects.toThrow();
    expect(await store.decisions('t-1', NOW)).toEqual([]);
  });

  it('keeps progress and notes per step', async () => {
    const store = await open();
    await store.upsertTenant(TENANT, NOW);
    await store.setStepDone('t-1', 'CA-002', 0, true, NOW);
    await store.setStepDone('t-1', 'CA-002', 1, true, NOW);
    await store.setStepDone('t-1', 'CA-002', 1, false, NOW);
    await store.setNote('t-1', 'CA-002', 'Waiting for the owner to approve', NOW);
    expect((await store.progress('t-1')).map((p) => [p.step, p.done])).toEqual([
      [0, true],
      [1, false],
    ]);
    expect(await store.notes('t-1')).toMatchObject([
      { checkId: 'CA-002', text: 'Waiting for the owner to approve' },
    ]);
  });
});

describe('data lifecycle', () => {
  it('exports a tenant and imports it on another machine; a second import reports conflicts', async () => {
    const source = await open('laptop-a.sqlite');
    await saveScan(source, 's-1', '2026-11-01T10:00:00Z', [finding('CA-002', 'fail')]);
    await saveScan(source, 's-2', '2026-11-20T10:00:00Z', [finding('CA-002', 'pass')]);
    await source.setDecision(
      't-1',
      'CA-005',
      { kind: 'third_party', reason: 'Handled by the MSP' },
      'tech',
      NOW,
    );
    await source.setStepDone('t-1', 'CA-002', 0, true, NOW);
    await source.setNote('t-1', 'CA-002', 'done in November', NOW);
    const bundle = JSON.parse(JSON.stringify(await exportTenant(source, 't-1', NOW))) as unknown;

    const target = await open('laptop-b.sqlite');
    const report = await importTenant(target, bundle);
    expect(report).toEqual({ tenantId: 't-1', scansImported: 2, conflicts: [] });
    expect((await target.listScans('t-1')).map((s) => s.id)).toEqual(['s-1', 's-2']);
    expect(await target.findings('s-2')).toEqual(await source.findings('s-2'));
    expect(await target.snapshot('s-1')).toEqual(snapshot);
    expect(await target.decisions('t-1', NOW)).toEqual(await source.decisions('t-1', NOW));
    expect(await target.progress('t-1')).toEqual(await source.progress('t-1'));
    expect(await target.decisionAudit('t-1')).toEqual(await source.decisionAudit('t-1'));

    await target.setDecision(
      't-1',
      'CA-005',
      { kind: 'planned', dueDate: '2027-01-01' },
      'other',
      NOW,
    );
    const again = await importTenant(target, bundle);
    expect(again.scansImported).toBe(0);
    expect(again.conflicts).toEqual([
      'scan s-1 already exists; kept the one on this machine',
      'scan s-2 already exists; kept the one on this machine',
      'decision on CA-005 differs; kept the one on this machine',
    ]);
    expect((await target.decisions('t-1', NOW))[0]?.decision.kind).toBe('planned');
  });

  it('rejects a file that is not an export, changing nothing', async () => {
    const store = await open();
    await expect(importTenant(store, { format: 'something-else' })).rejects.toBeInstanceOf(
      StoreError,
    );
    await expect(
      importTenant(store, {
        format: 'breach-ready-tenant/1',
        exportedAt: 'x',
        tenant: {
          id: 't',
          display_name: 'x',
          default_domain: 'x',
          settings_json: '{}',
          created_at: 'x',
          updated_at: 'x',
        },
        scans: [
          {
            row: { id: 's', tenant_id: 't', 'status) VALUES (1); DROP TABLE scans; --': 1 },
            snapshot: null,
            findings: [],
          },
        ],
        progress: [],
        notes: [],
        decisions: [],
        decisionAudit: [],
      }),
    ).rejects.toBeInstanceOf(StoreError);
    expect(await store.listTenants()).toEqual([]);
  });

  it('deletes a tenant with everything about it and gives the space back', async () => {
    const store = await open();
    const big = Array.from({ length: 200 }, (_, i) => ({
      ...finding(`X-${String(i).padStart(3, '0')}`, 'fail'),
      reason: 'x'.repeat(2000),
    }));
    for (let i = 0; i < 5; i += 1)
      await saveScan(store, `s-${i}`, `2026-11-0${i + 1}T10:00:00Z`, big);
    await store.setDecision('t-1', 'CA-005', { kind: 'third_party', reason: 'MSP' }, 'tech', NOW);
    await store.db.get('PRAGMA wal_checkpoint(TRUNCATE)');
    const before = (await stat(join(dir, 'db.sqlite'))).size;
    expect(await store.deleteTenant('t-1')).toBe(true);
    const after = (await stat(join(dir, 'db.sqlite'))).size;
    expect(after).toBeLessThan(before / 4);
    for (const table of [
      'tenants',
      'scans',
      'snapshots',
      'findings',
      'decisions',
      'decision_audit',
      'progress',
      'notes',
    ]) {
      expect(await store.db.get(`SELECT COUNT(*) AS n FROM ${table}`), table).toEqual({ n: 0 });
    }
  });
});

describe('sqlite3 build', () => {
  it('is the real SQLite', () => {
    expect(sqlite3.VERSION).toMatch(/^3\./);
  });
});

describe('report branding', () => {
  const png = solidPng(4, 2, [200, 30, 30]);
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

  it('is empty until saved, then keeps names and logo bytes', async () => {
    const store = await open();
    expect(await store.getBranding()).toEqual(EMPTY_BRANDING);
    await store.setBranding({ companyName: ' Northwind IT ', preparedBy: 'Alex', logo: png }, NOW);
    const saved = await store.getBranding();
    expect(saved).toMatchObject({
      companyName: 'Northwind IT',
      preparedBy: 'Alex',
      updatedAt: NOW.toISOString(),
    });
    expect(saved.logo?.mimeType).toBe('image/png');
    expect(Buffer.from(saved.logo!.bytes).equals(png)).toBe(true);
  });

  it('reads the logo type from its bytes and removes it on null', async () => {
    const store = await open();
    await store.setBranding({ companyName: 'A', preparedBy: 'B', logo: jpeg }, NOW);
    expect((await store.getBranding()).logo?.mimeType).toBe('image/jpeg');
    await store.setBranding({ companyName: 'A', preparedBy: 'B', logo: null }, NOW);
    expect((await store.getBranding()).logo).toBeUndefined();
  });

  it('refuses a logo that is not a small PNG or JPEG, keeping what was saved', async () => {
    const store = await open();
    await store.setBranding({ companyName: 'A', preparedBy: 'B', logo: png }, NOW);
    await expect(
      store.setBranding(
        { companyName: 'C', preparedBy: 'D', logo: Buffer.from('GIF89a....') },
        NOW,
      ),
    ).rejects.toThrow(/PNG or JPEG/);
    await expect(
      store.setBranding(
        { companyName: 'C', preparedBy: 'D', logo: Buffer.concat([png, Buffer.alloc(600 * 1024)]) },
        NOW,
      ),
    ).rejects.toThrow(/at most 512 KB/);
    expect((await store.getBranding()).companyName).toBe('A');
  });
});
