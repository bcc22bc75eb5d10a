import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanJson } from '../shared/models/scan-json';
import { Store } from '../main/store/store';
import { ROOT, runCli } from './helpers/run-cli';

const DEMO_TENANT = '56c61f1e-e865-4f1f-9680-63168f823df5';

function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'breach-ready-history-')), 'breach-ready.db');
}

function scan(db: string, ...extra: string[]): ScanJson {
  const { code, stdout, stderr } = runCli(['scan', '--demo', '--json', '--db', db, ...extra]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as ScanJson;
}

async function withStore<T>(db: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await Store.open(db);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

describe('history across scans', () => {
  it('lists scans, diffs them, and carries decisions forward into the score', async () => {
    const db = tempDb();
    const first = scan(db);
    const ca002 = first.findings.find((f) => f.checkId === 'CA-002')!;
    expect(ca002.verdict).toBe('fail');

    await withStore(db, (store) =>
      store.setDecision(
        DEMO_TENANT,
        'CA-002',
        { kind: 'compensating_control', reason: 'MFA enforced by the MSP identity provider' },
        'tech@northwind',
        new Date(),
      ),
    );
    const second = scan(db);
    expect(second.findings.find((f) => f.checkId === 'CA-002')?.decision).toEqual({
      kind: 'compensating_control',
      expired: false,
      reason: 'MFA enforced by the MSP identity provider',
    });
    expect(second.score.overall!).toBeGreaterThan(first.score.overall!);

    await withStore(db, (store) =>
      store.setDecision(
        DEMO_TENANT,
        'CA-002',
        {
          kind: 'risk_accepted',
          reason: 'Rolling out next month',
          owner: 'Dr. Bowen',
          expiresAt: '2020-01-01',
        },
        'tech@northwind',
        new Date(),
      ),
    );
    const third = scan(db);
    expect(third.findings.find((f) => f.checkId === 'CA-002')?.decision).toMatchObject({
      kind: 'risk_accepted',
      expired: true,
    });
    expect(third.score.overall).toBe(first.score.overall);

    const history = JSON.parse(
      runCli(['history', '--tenant', 'contosodental.com', '--json', '--db', db]).stdout,
    ) as {
      scans: {
        id: string;
        status: string;
        score: number;
        coverage: { assessed: number; total: number };
      }[];
    };
    expect(history.scans.map((s) => s.id)).toEqual([first.scan.id, second.scan.id, third.scan.id]);
    expect(history.scans.map((s) => s.score)).toEqual([
      first.score.overall,
      second.score.overall,
      third.score.overall,
    ]);

    const table = runCli(['history', '--tenant', 'Contoso Dental', '--db', db]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Contoso Dental \(contosodental\.com\): 3 scan\(s\)/);

    const diff = JSON.parse(
      runCli(['diff', first.scan.id, third.scan.id.slice(0, 8), '--json', '--db', db]).stdout,
    ) as {
      fixed: string[];
      stillFailing: string[];
      changedDecisions: { checkId: string; action: string }[];
    };
    expect(diff.fixed).toEqual([]);
    expect(diff.stillFailing).toContain('CA-002');
    expect(diff.changedDecisions.map((d) => [d.checkId, d.action])).toEqual([
      ['CA-002', 'decided'],
      ['CA-002', 'changed'],
    ]);
  });

  it('re-evaluates a stored scan without collecting again, as a new scan marked as such', () => {
    const db = tempDb();
    const first = scan(db, '--profile', 'cis');
    const { code, stdout, stderr } = runCli([
      'reevaluate',
      first.scan.id,
      '--profile',
      'cisa',
      '--json',
      '--db',
      db,
    ]);
    expect(code).toBe(0);
    const again = JSON.parse(stdout) as ScanJson;
    expect(stderr).toMatch(new RegExp(`re-evaluated from ${first.scan.id}`));
    expect(again.scan.id).not.toBe(first.scan.id);
    expect(again.scan.profile).toBe('cisa');
    expect(again.findings.find((f) => f.checkId === 'ADM-001')?.verdict).toBe('pass');
    const history = JSON.parse(
      runCli(['history', '--tenant', DEMO_TENANT, '--json', '--db', db]).stdout,
    ) as {
      scans: { id: string; reevaluatedFrom: string | null }[];
    };
    expect(history.scans.at(-1)).toMatchObject({
      id: again.scan.id,
      reevaluatedFrom: first.scan.id,
    });
  });

  it('exports a tenant, imports it elsewhere, and deletes it for good', () => {
    const db = tempDb();
    scan(db);
    const file = join(mkdtempSync(join(tmpdir(), 'breach-ready-export-')), 'contoso.json');
    expect(
      runCli(['export', '--tenant', 'contosodental.com', '--out', file, '--db', db]).code,
    ).toBe(0);
    const other = tempDb();
    const imported = runCli(['import', file, '--json', '--db', other]);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({
      tenantId: DEMO_TENANT,
      scansImported: 1,
      conflicts: [],
    });
    expect(runCli(['delete-tenant', 'contosodental.com', '--db', other]).code).toBe(2);
    const deleted = runCli(['delete-tenant', 'contosodental.com', '--yes', '--db', other]);
    expect(deleted.code).toBe(0);
    expect(runCli(['history', '--tenant', DEMO_TENANT, '--db', other]).code).toBe(2);
  });

  it('does not save with --no-store', () => {
    const db = tempDb();
    scan(db, '--no-store');
    expect(runCli(['history', '--tenant', DEMO_TENANT, '--db', db]).code).toBe(2);
  });
});

describe('a scan killed while it is being written', () => {
  it('leaves the database consistent, earlier scans intact, and the scan marked interrupted', async () => {
    const db = tempDb();
    const earlier = scan(db);
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'breach-ready.cjs'), 'scan', '--demo', '--json', '--db', db],
      {
        env: { ...process.env, BREACH_READY_FAULT_WRITE_DELAY_MS: '30000' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the scan never reached the write')), 20_000);
      child.stderr.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('holding the scan write open')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));

    await withStore(db, async (store) => {
      expect(await store.db.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
      const scans = await store.listScans(DEMO_TENANT);
      expect(scans).toHaveLength(2);
      expect(scans[0]).toMatchObject({
        id: earlier.scan.id,
        status: expect.stringMatching(/^(complete|partial)$/),
        score: earlier.score.overall,
      });
      expect(await store.findings(earlier.scan.id)).toHaveLength(earlier.findings.length);
      expect(scans[1]?.status).toBe('interrupted');
      expect(await store.findings(scans[1]!.id)).toEqual([]);
      expect(await store.snapshot(scans[1]!.id)).toBeUndefined();
    });
  });
});
