import type { StoredDecision } from '../../shared/models/decision';
import type { Finding } from '../../shared/models/finding';
import type { TenantSettings } from '../../shared/models/tenant';
import { computeScore, type Score, type ScoreDecision } from '../../shared/score/score';
import { CHECKS, CATALOG_VERSION } from '../checks/catalog';
import type { Store } from '../store/store';
import { evaluateSnapshot, type ScanResult } from './scan';
import { randomUUID } from 'node:crypto';

/** Decisions that count in the score (an expired risk acceptance no longer does). */
export function scoreDecision(decision: StoredDecision | undefined): ScoreDecision | undefined {
  if (!decision || decision.expired) return undefined;
  const kind = decision.decision.kind;
  return kind === 'incorrect_result' ? undefined : kind;
}

/** The score with the tenant's decisions applied, as DESIGN.md describes. */
export function scoreFindings(
  findings: readonly Finding[],
  decisions: readonly StoredDecision[],
): Score {
  const meta = new Map(CHECKS.map((c) => [c.id, c]));
  const byCheck = new Map(decisions.map((d) => [d.checkId, d]));
  return computeScore(
    findings.flatMap((f) => {
      const check = meta.get(f.checkId);
      if (!check) return [];
      const decision = scoreDecision(byCheck.get(f.checkId));
      return [
        {
          verdict: f.verdict,
          severity: check.severity,
          nistCsf: check.mappings.nistCsf,
          ...(decision ? { decision } : {}),
        },
      ];
    }),
  );
}

function severityOf(checkId: string) {
  return CHECKS.find((c) => c.id === checkId)?.severity ?? 'info';
}

/** Saves a finished scan (evidence, findings, score with decisions) in one transaction. */
export async function recordScan(
  store: Store,
  result: ScanResult,
  now: Date,
  reevaluatedFrom?: string,
): Promise<{ result: ScanResult; decisions: StoredDecision[] }> {
  const tenant = result.snapshot.tenant;
  await store.beginScan(
    {
      id: result.id,
      tenant,
      profile: result.profile,
      catalogVersion: result.catalogVersion,
      source: result.source,
      startedAt: result.startedAt,
      ...(reevaluatedFrom ? { reevaluatedFrom } : {}),
    },
    now,
  );
  const decisions = await store.decisions(tenant.id, now);
  const score = scoreFindings(result.findings, decisions);
  try {
    await store.completeScan(result.id, {
      snapshot: result.snapshot,
      findings: result.findings.map((f) => ({ ...f, severity: severityOf(f.checkId) })),
      score,
      finishedAt: result.finishedAt,
    });
  } catch (error) {
    await store.markScanFailed(result.id, now).catch(() => {});
    throw error;
  }
  return { result: { ...result, score }, decisions };
}

/** Evaluates a stored scan's evidence again with the current catalog, as a new scan. */
export async function reevaluateScan(
  store: Store,
  scanId: string,
  options: { profile?: ScanResult['profile']; settings?: TenantSettings; now: Date },
): Promise<{ result: ScanResult; decisions: StoredDecision[] } | undefined> {
  const scan = await store.getScan(scanId);
  const snapshot = await store.snapshot(scanId);
  if (!scan || !snapshot) return undefined;
  const profile = options.profile ?? scan.profile;
  const settings = options.settings ??
    (await store.tenantSettings(scan.tenantId)) ?? {
      breakGlassAccounts: [],
      approvedMailApps: [],
      approvedPublicGroups: [],
    };
  const { findings, score } = evaluateSnapshot(snapshot, profile, settings, options.now);
  const result: ScanResult = {
    id: randomUUID(),
    source: scan.source as ScanResult['source'],
    profile,
    catalogVersion: CATALOG_VERSION,
    startedAt: options.now.toISOString(),
    finishedAt: options.now.toISOString(),
    snapshot,
    findings,
    score,
    graphRequests: 0,
  };
  return recordScan(store, result, options.now, scanId);
}
