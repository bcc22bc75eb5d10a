import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckMeta } from '../../shared/models/check';
import type { TenantSnapshot } from '../../shared/models/snapshot';
import { computeScore } from '../../shared/score/score';
import { solidPng } from '../../test/helpers/solid-png';
import { Store, type StoredFinding } from '../store/store';
import { StoreError } from '../store/store-error';
import { buildReportModel } from './build-report-model';
import { createReport } from './create-report';
import { CSV_COLUMNS, csvRows } from './render-csv';

const TENANT = { id: 't-1', displayName: 'Fabrikam Bakery', defaultDomain: 'fabrikambakery.com' };
const NOW = new Date('2026-11-28T10:00:00Z');

function check(
  id: string,
  severity: CheckMeta['severity'],
  extra: Partial<CheckMeta> = {},
): CheckMeta {
  return {
    id,
    title: `Title of ${id}`,
    family: 'CA',
    severity,
    requires: ['users'],
    licences: [],
    permissions: ['User.Read.All'],
    mappings: { cisM365: ['v5:1.1.1'], cisControls: ['6.3'], nistCsf: ['PR.AA-03'], scuba: [] },
    content: {
      why: `First sentence about ${id}. Second sentence. Third sentence is left out.`,
      steps: [
        {
          text: `Open the page for ${id}.`,
          link: { label: 'Admin', url: 'https://entra.microsoft.com/' },
        },
        { text: 'Select Save.' },
      ],
      verify: 'Run the scan again.',
      userImpact: 'None.',
      effortMinutes: 10,
      learnMore: [{ label: 'Microsoft Learn', url: 'https://learn.microsoft.com/' }],
    },
    ...extra,
  };
}

const CHECKS: CheckMeta[] = [
  check('CA-001', 'critical'),
  check('CA-002', 'high', { content: { ...check('CA-002', 'high').content, effortMinutes: 240 } }),
  check('ADM-001', 'medium'),
  check('LOG-001', 'high', { stormLesson: 'Logs caught Storm-0558.' }),
  check('LOG-002', 'low'),
];

function finding(
  checkId: string,
  verdict: StoredFinding['verdict'],
  name = 'User One',
): StoredFinding {
  const meta = CHECKS.find((c) => c.id === checkId)!;
  return {
    checkId,
    verdict,
    severity: meta.severity,
    reason: `${checkId} came out ${verdict}`,
    affected: [{ id: 'u1', displayName: name }],
    evidence: [{ source: 'users', summary: `${checkId} evidence` }],
  };
}

const snapshot: TenantSnapshot = {
  format: 'tenant-snapshot/1',
  tenant: TENANT,
  collectedAt: NOW.toISOString(),
  sources: {
    users: { ok: true, data: [], fetchedAt: NOW.toISOString() },
    signIns: {
      ok: false,
      error: { kind: 'not_licensed', message: 'needs P1' },
      fetchedAt: NOW.toISOString(),
    },
  },
};

let store: Store;
beforeEach(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'breach-ready-report-'));
  store = await Store.open(join(dir, 'db.sqlite'), NOW);
});
afterEach(async () => {
  await store.close();
});

async function saveScan(id: string, startedAt: string, findings: StoredFinding[]) {
  await store.beginScan(
    {
      id,
      tenant: TENANT,
      profile: 'cis',
      catalogVersion: '2026.11.1',
      source: 'fixture',
      startedAt,
    },
    new Date(startedAt),
  );
  await store.completeScan(id, {
    snapshot,
    findings,
    score: computeScore(findings.map((f) => ({ ...f, nistCsf: ['PR.AA-03'] }))),
    finishedAt: startedAt,
  });
}

async function twoScans(secondName = 'User One') {
  await saveScan('scan-1', '2026-08-01T09:00:00Z', [
    finding('CA-001', 'fail'),
    finding('CA-002', 'fail'),
    finding('ADM-001', 'fail'),
    finding('LOG-001', 'fail'),
    finding('LOG-002', 'pass'),
  ]);
  await store.setDecision(
    TENANT.id,
    'CA-002',
    {
      kind: 'risk_accepted',
      reason: 'Old scanner needs it',
      owner: 'Dr Patel',
      expiresAt: '2027-03-31',
    },
    'tech@msp.example',
    new Date('2026-09-01T00:00:00Z'),
  );
  await store.setDecision(
    TENANT.id,
    'ADM-001',
    { kind: 'planned', dueDate: '2026-12-15', owner: 'Sam' },
    'tech@msp.example',
    new Date('2026-09-01T00:00:00Z'),
  );
  await saveScan('scan-2', '2026-11-28T09:00:00Z', [
    finding('CA-001', 'pass'),
    finding('CA-002', 'fail', secondName),
    finding('ADM-001', 'fail'),
    finding('LOG-001', 'warn'),
    finding('LOG-002', 'fail'),
  ]);
}

describe('the report model', () => {
  it('refuses a scan that is not in the database', async () => {
    await expect(
      createReport({ store, scanId: 'nope', format: 'html', checks: CHECKS, now: NOW }),
    ).rejects.toSatisfy((e) => e instanceof StoreError && e.code === 'not_found');
  });

  it('compares with the previous scan and lists the decisions taken', async () => {
    await twoScans();
    const model = await buildReportModel({ store, scanId: 'scan-2', checks: CHECKS, now: NOW });
    const since = model.summary.sinceLastTime!;
    expect(since.previousScanId).toBe('scan-1');
    expect(since.fixed.map((f) => f.checkId)).toEqual(['CA-001']);
    expect(since.newlyFailing.map((f) => f.checkId)).toEqual(['LOG-002']);
    expect(since.decisionsChanged).toBe(2);
    const accepted = model.summary.decisions.find((d) => d.checkId === 'CA-002')!;
    expect(accepted.decision).toMatchObject({
      kind: 'risk_accepted',
      owner: 'Dr Patel',
      expiresAt: '2027-03-31',
    });
    expect(model.summary.investigation).toMatchObject({ answer: 'Partly' });
    expect(model.summary.investigation.checks).toEqual([
      expect.objectContaining({ checkId: 'LOG-001', answer: 'Partly' }),
    ]);
  });

  it('has no comparison for the first scan', async () => {
    await twoScans();
    const model = await buildReportModel({ store, scanId: 'scan-1', checks: CHECKS, now: NOW });
    expect(model.summary.sinceLastTime).toBeUndefined();
  });

  it('orders the action plan by impact for effort, with owner, due date and decision', async () => {
    await twoScans();
    const model = await buildReportModel({ store, scanId: 'scan-2', checks: CHECKS, now: NOW });
    // high+partly met (3 points / 10 min), medium (3 / 10), low (1 / 10), high (6 / 240 min)
    expect(model.actionPlan.map((a) => a.finding.checkId)).toEqual([
      'ADM-001',
      'LOG-001',
      'LOG-002',
      'CA-002',
    ]);
    const planned = model.actionPlan[0]!;
    expect(planned).toMatchObject({ owner: 'Sam', dueDate: '2026-12-15' });
    expect(planned.decisionText).toMatch(/Fix planned by 2026-12-15/);
    expect(model.actionPlan.at(-1)!.decisionText).toMatch(
      /Risk accepted by Dr Patel until 2027-03-31/,
    );
  });

  it('flags a risk acceptance past its expiry for review', async () => {
    await twoScans();
    const later = new Date('2027-04-02T00:00:00Z');
    const model = await buildReportModel({ store, scanId: 'scan-2', checks: CHECKS, now: later });
    expect(model.summary.decisions.find((d) => d.checkId === 'CA-002')!.expired).toBe(true);
    expect(model.actionPlan.find((a) => a.finding.checkId === 'CA-002')!.decisionText).toMatch(
      /until 2027-03-31 \(expired: review it\)/,
    );
  });

  it('names the three biggest risks by severity with what they could lead to', async () => {
    await twoScans();
    const model = await buildReportModel({ store, scanId: 'scan-2', checks: CHECKS, now: NOW });
    expect(model.summary.topRisks.map((r) => r.checkId)).toEqual(['CA-002', 'LOG-001', 'ADM-001']);
    expect(model.summary.topRisks[0]!.consequence).toBe(
      'First sentence about CA-002. Second sentence.',
    );
  });

  it('says what could not be read and why, and counts coverage apart from compliance', async () => {
    await twoScans();
    const model = await buildReportModel({ store, scanId: 'scan-2', checks: CHECKS, now: NOW });
    expect(model.method.sources).toContainEqual(
      expect.objectContaining({
        source: 'signIns',
        ok: false,
        problem: expect.stringMatching(/licence/),
      }),
    );
    const mfa = model.frameworks.cisIg1.find((s) => s.id === '6.3')!;
    expect(mfa.checks).toHaveLength(5);
    expect(mfa.answer).toBe('No');
    expect(model.frameworks.cisIg1.find((s) => s.id === '11.2')!.checks).toEqual([]);
  });
});

describe('the four formats', () => {
  it('CSV: BOM, CRLF, parses back to the same rows, formulas neutralised', async () => {
    await twoScans('=HYPERLINK("http://evil.example","click")');
    const model = await buildReportModel({ store, scanId: 'scan-2', checks: CHECKS, now: NOW });
    const { content, mimeType, fileName } = await createReport({
      store,
      scanId: 'scan-2',
      format: 'csv',
      checks: CHECKS,
      now: NOW,
    });
    expect(mimeType).toMatch(/^text\/csv/);
    expect(fileName).toBe('breach-ready-fabrikambakery.com-action-plan-2026-11-28.csv');
    expect([...content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = content.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    const rows = parse(text, { relax_column_count: false }) as string[][];
    expect(rows).toEqual(csvRows(model));
    expect(rows).toHaveLength(1 + model.actionPlan.length);
    const affected = rows.find((r) => r[1] === 'CA-002')![6]!;
    expect(affected).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(rows.flat().some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
  });

  it('HTML: self-contained, escaped, with the logo inline', async () => {
    await twoScans('<script>alert(1)</script>');
    await store.setBranding(
      { companyName: 'Northwind IT', preparedBy: 'Alex', logo: solidPng(8, 4, [10, 80, 140]) },
      NOW,
    );
    const { content } = await createReport({
      store,
      scanId: 'scan-2',
      format: 'html',
      checks: CHECKS,
      now: NOW,
    });
    const html = content.toString('utf8');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="Northwind IT">/);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\bsrc\s*=\s*(?!["']?data:)/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).toContain('Prepared by Alex, Northwind IT');
    expect(html).toContain('Coverage is not compliance.');
  });

  it('JSON: the documented scan JSON with decisions', async () => {
    await twoScans();
    const { content } = await createReport({
      store,
      scanId: 'scan-2',
      format: 'json',
      checks: CHECKS,
      now: NOW,
    });
    const json = JSON.parse(content.toString('utf8'));
    expect(json.tool.name).toBe('breach-ready');
    expect(json.scan).toMatchObject({ id: 'scan-2', catalogVersion: '2026.11.1', profile: 'cis' });
    expect(json.findings).toHaveLength(5);
    expect(json.findings.find((f: { checkId: string }) => f.checkId === 'CA-002').decision).toEqual(
      {
        kind: 'risk_accepted',
        expired: false,
        reason: 'Old scanner needs it',
        owner: 'Dr Patel',
      },
    );
    expect(json.score.coverage).toEqual({ assessed: 5, total: 5 });
  });

  it('PDF: names in any script never break it', async () => {
    await twoScans('Łukasz Żółć 山田太郎 😀 \u0007');
    const { content, mimeType } = await createReport({
      store,
      scanId: 'scan-2',
      format: 'pdf',
      checks: CHECKS,
      now: NOW,
    });
    expect(mimeType).toBe('application/pdf');
    expect(content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(content.subarray(-6).toString('latin1')).toMatch(/%%EOF/);
  });
});
