import type { ScanDetail, ScanFinding } from '../../shared/api/views';
import { CHECK_FAMILIES, type CheckFamily, type CheckMeta } from '../../shared/models/check';
import type { StoredDecision } from '../../shared/models/decision';
import type { Severity } from '../../shared/models/severity';
import type { Verdict } from '../../shared/models/verdict';

/** One finding as the lists show it: the result joined with its check and the business's decision. */
export interface FindingRow {
  readonly checkId: string;
  readonly title: string;
  readonly family: CheckFamily | null;
  readonly familyLabel: string;
  readonly severity: Severity;
  readonly verdict: Verdict;
  readonly reason: string;
  readonly affectedCount: number;
  readonly finding: ScanFinding;
  readonly meta: CheckMeta | undefined;
  readonly decision: StoredDecision | undefined;
  readonly stepsDone: number;
  readonly stepsTotal: number;
}

const VERDICT_ORDER: Record<Verdict, number> = {
  fail: 0,
  warn: 1,
  manual: 2,
  unknown: 3,
  pass: 4,
  not_applicable: 5,
};
const SEVERITY_ORDER: Record<Severity, number> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
  info: 4,
};

function isFamily(value: string): value is CheckFamily {
  return Object.hasOwn(CHECK_FAMILIES, value);
}

/** Joins a scan's findings with the catalog, decisions and step progress; worst first. */
export function buildFindingRows(
  detail: Pick<ScanDetail, 'findings' | 'decisions' | 'progress'>,
  catalog: readonly CheckMeta[],
): FindingRow[] {
  const metaById = new Map(catalog.map((c) => [c.id, c]));
  const decisionById = new Map(detail.decisions.map((d) => [d.checkId, d]));
  const doneByCheck = new Map<string, number>();
  for (const p of detail.progress) {
    if (p.done) doneByCheck.set(p.checkId, (doneByCheck.get(p.checkId) ?? 0) + 1);
  }
  return detail.findings
    .map((finding): FindingRow => {
      const meta = metaById.get(finding.checkId);
      const prefix = finding.checkId.split('-')[0] ?? '';
      const family = meta?.family ?? (isFamily(prefix) ? prefix : null);
      return {
        checkId: finding.checkId,
        title: meta?.title ?? finding.checkId,
        family,
        familyLabel: family ? CHECK_FAMILIES[family] : 'Other',
        severity: finding.severity,
        verdict: finding.verdict,
        reason: finding.reason,
        affectedCount: finding.affected.length,
        finding,
        meta,
        decision: decisionById.get(finding.checkId),
        stepsDone: doneByCheck.get(finding.checkId) ?? 0,
        stepsTotal: meta?.content.steps.length ?? 0,
      };
    })
    .sort(
      (a, b) =>
        VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] ||
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        a.checkId.localeCompare(b.checkId),
    );
}

/** How many findings reached each verdict. */
export function countByVerdict(
  rows: readonly Pick<FindingRow, 'verdict'>[],
): Record<Verdict, number> {
  const counts: Record<Verdict, number> = {
    pass: 0,
    warn: 0,
    fail: 0,
    not_applicable: 0,
    unknown: 0,
    manual: 0,
  };
  for (const r of rows) counts[r.verdict] += 1;
  return counts;
}
