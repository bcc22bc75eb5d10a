import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffScans } from '../shared/history/scan-diff';
import { VERDICTS } from '../shared/models/verdict';
import type { TenantSnapshot } from '../shared/models/snapshot';
import { computeScore } from '../shared/score/score';
import { Store, type StoredFinding } from '../main/store/store';

const SCANS = 500;
const FINDINGS = 70;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** History of 500 scans × 70 findings: how fast it lists and diffs. */
export async function storeBench(): Promise<[string, string][]> {
  const store = await Store.open(
    join(mkdtempSync(join(tmpdir(), 'breach-ready-bench-')), 'bench.db'),
  );
  const tenant = { id: 'bench-tenant', displayName: 'Bench Ltd', defaultDomain: 'bench.example' };
  const snapshot: TenantSnapshot = {
    format: 'tenant-snapshot/1',
    tenant,
    collectedAt: '2026-01-01T00:00:00Z',
    sources: {},
  };
  const fillStarted = performance.now();
  for (let s = 0; s < SCANS; s += 1) {
    const findings: StoredFinding[] = Array.from({ length: FINDINGS }, (_, i) => ({
      checkId: `CHK-${String(i).padStart(3, '0')}`,
      verdict: VERDICTS[(i + s) % 3]!,
      severity: 'high',
      reason: 'Two of your three admins can sign in without MFA.',
      affected: [{ id: `u-${i}`, displayName: `User ${i}` }],
      evidence: [],
    }));
    const id = `scan-${String(s).padStart(4, '0')}`;
    const at = new Date(Date.UTC(2025, 0, 1) + s * 3_600_000).toISOString();
    await store.beginScan(
      { id, tenant, profile: 'cis', catalogVersion: 'bench', source: 'fixture', startedAt: at },
      new Date(at),
    );
    await store.completeScan(id, {
      snapshot,
      findings,
      score: computeScore(
        findings.map((f) => ({ verdict: f.verdict, severity: f.severity, nistCsf: ['PR.AA-01'] })),
      ),
      finishedAt: at,
    });
  }
  const fillMs = performance.now() - fillStarted;
  const listTimes: number[] = [];
  const diffTimes: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    let t = performance.now();
    const scans = await store.listScans(tenant.id);
    listTimes.push(performance.now() - t);
    if (scans.length !== SCANS) throw new Error('history is incomplete');
    t = performance.now();
    diffScans(await store.findings('scan-0000'), await store.findings(`scan-${SCANS - 1}`));
    diffTimes.push(performance.now() - t);
  }
  await store.close();
  const list = median(listTimes);
  const diff = median(diffTimes);
  return [
    [
      `store: write ${SCANS} scans × ${FINDINGS} findings`,
      `${(fillMs / 1000).toFixed(1)} s (${(fillMs / SCANS).toFixed(1)} ms per scan)`,
    ],
    [
      `store: list history of ${SCANS} scans, median of 20`,
      `${list.toFixed(1)} ms (target ≤ 50 ms: ${(list / 50).toFixed(2)}× of budget)`,
    ],
    [
      `store: diff of two ${FINDINGS}-finding scans, median of 20`,
      `${diff.toFixed(1)} ms (target ≤ 50 ms: ${(diff / 50).toFixed(2)}× of budget)`,
    ],
  ];
}
