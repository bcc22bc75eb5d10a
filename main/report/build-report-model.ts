import pkg from '../../package.json';
import type { CheckMeta } from '../../shared/models/check';
import type { StoredDecision } from '../../shared/models/decision';
import type { Finding } from '../../shared/models/finding';
import { toScanJsonFinding, type ScanJson } from '../../shared/models/scan-json';
import type { ScanSummary } from '../../shared/models/scan-summary';
import { computeScore, type Score } from '../../shared/score/score';
import type { Store } from '../store/store';
import { StoreError } from '../store/store-error';
import { actionPlan } from './action-plan';
import { executiveSummary, type PreviousScan } from './executive-summary';
import { frameworkViews } from './framework-views';
import { methodSection } from './method-section';
import type { ReportFinding, ReportModel } from './report-model';

const FINISHED = new Set(['complete', 'partial']);

export interface ReportInput {
  readonly store: Store;
  readonly scanId: string;
  readonly checks: readonly CheckMeta[];
  readonly now: Date;
}

/** The score with the tenant's current decisions, as the app shows it. */
export function scoreWithDecisions(findings: readonly ReportFinding[]): Score {
  return computeScore(
    findings.map((f) => {
      const kind = f.decision && !f.decision.expired ? f.decision.decision.kind : undefined;
      return {
        verdict: f.verdict,
        severity: f.severity,
        nistCsf: f.mappings.nistCsf,
        ...(kind && kind !== 'incorrect_result' ? { decision: kind } : {}),
      };
    }),
  );
}

/** Findings joined with the catalog, decisions, notes and progress; unknown checks are left out. */
export function joinFindings(
  findings: readonly Finding[],
  checks: readonly CheckMeta[],
  decisions: readonly StoredDecision[],
  notes: readonly { checkId: string; text: string }[],
  progress: readonly { checkId: string; done: boolean }[],
): ReportFinding[] {
  const meta = new Map(checks.map((c) => [c.id, c]));
  const decided = new Map(decisions.map((d) => [d.checkId, d]));
  const noted = new Map(notes.map((n) => [n.checkId, n.text]));
  return findings.flatMap((f) => {
    const check = meta.get(f.checkId);
    if (!check) return [];
    const decision = decided.get(f.checkId);
    const note = noted.get(f.checkId);
    return [
      {
        checkId: f.checkId,
        title: check.title,
        family: check.family,
        severity: check.severity,
        verdict: f.verdict,
        reason: f.reason,
        ...(f.reasonCode ? { reasonCode: f.reasonCode } : {}),
        affected: f.affected,
        evidence: f.evidence,
        mappings: check.mappings,
        ...(check.stormLesson ? { stormLesson: check.stormLesson } : {}),
        permissions: check.permissions,
        content: check.content,
        ...(decision ? { decision } : {}),
        ...(note ? { note } : {}),
        stepsDone: progress.filter((p) => p.checkId === f.checkId && p.done).length,
      },
    ];
  });
}

function scanJson(
  scan: ScanSummary,
  tenant: ReportModel['tenant'],
  findings: readonly Finding[],
  checks: readonly CheckMeta[],
  decisions: readonly StoredDecision[],
  score: Score,
): ScanJson {
  const meta = new Map(checks.map((c) => [c.id, c]));
  const decided = new Map(decisions.map((d) => [d.checkId, d]));
  return {
    tool: { name: 'breach-ready', version: pkg.version },
    tenant,
    scan: {
      id: scan.id,
      startedAt: scan.startedAt,
      finishedAt: scan.finishedAt ?? scan.startedAt,
      profile: scan.profile,
      catalogVersion: scan.catalogVersion,
      source: scan.source as ScanJson['scan']['source'],
    },
    score,
    findings: findings.flatMap((f) => {
      const check = meta.get(f.checkId);
      if (!check) return [];
      const d = decided.get(f.checkId);
      const decision = d
        ? {
            kind: d.decision.kind,
            expired: d.expired,
            ...('reason' in d.decision && d.decision.reason ? { reason: d.decision.reason } : {}),
            ...('owner' in d.decision && d.decision.owner ? { owner: d.decision.owner } : {}),
          }
        : undefined;
      return [toScanJsonFinding(f, check, decision)];
    }),
  };
}

async function previousScan(
  store: Store,
  scan: ScanSummary,
  checks: readonly CheckMeta[],
): Promise<PreviousScan | undefined> {
  const earlier = (await store.listScans(scan.tenantId)).filter(
    (s) =>
      s.id !== scan.id &&
      FINISHED.has(s.status) &&
      (s.startedAt < scan.startedAt || (s.startedAt === scan.startedAt && s.id < scan.id)),
  );
  const summary = earlier.at(-1);
  if (!summary) return undefined;
  const known = new Set(checks.map((c) => c.id));
  const since = summary.finishedAt ?? summary.startedAt;
  const until = scan.finishedAt ?? scan.startedAt;
  const audit = await store.decisionAudit(scan.tenantId);
  return {
    summary,
    findings: (await store.findings(summary.id)).filter((f) => known.has(f.checkId)),
    decisionsChanged: audit.filter((e) => e.at > since && e.at <= until).length,
  };
}

/** Reads a stored scan and everything around it, and shapes the report. */
export async function buildReportModel(input: ReportInput): Promise<ReportModel> {
  const { store, scanId, checks, now } = input;
  const scan = await store.getScan(scanId);
  if (!scan) throw new StoreError(`There is no scan ${scanId} in this database.`, 'not_found');
  if (!FINISHED.has(scan.status)) {
    throw new StoreError(
      `Scan ${scanId} did not finish (${scan.status}), so there is nothing to report.`,
      'not_found',
    );
  }
  const [stored, snapshot, decisions, notes, progress, branding, tenants] = await Promise.all([
    store.findings(scan.id),
    store.snapshot(scan.id),
    store.decisions(scan.tenantId, now),
    store.notes(scan.tenantId),
    store.progress(scan.tenantId),
    store.getBranding(),
    store.listTenants(),
  ]);
  const row = tenants.find((t) => t.id === scan.tenantId);
  const tenant = snapshot?.tenant ?? {
    id: scan.tenantId,
    displayName: row?.displayName ?? scan.tenantId,
    defaultDomain: row?.defaultDomain ?? '',
  };
  const findings = joinFindings(stored, checks, decisions, notes, progress);
  const score = scoreWithDecisions(findings);
  const previous = await previousScan(store, scan, checks);
  return {
    preparedAt: now.toISOString(),
    branding,
    tenant,
    scan,
    score,
    findings,
    summary: executiveSummary(findings, score, previous),
    actionPlan: actionPlan(findings),
    frameworks: frameworkViews(findings, score),
    method: methodSection({ scan, snapshot, findings, branding, toolVersion: pkg.version }),
    scanJson: scanJson(scan, tenant, stored, checks, decisions, score),
  };
}
