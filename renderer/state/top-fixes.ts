import type { DecisionKind } from '../../shared/models/decision';
import { rankFixes, type RankedFix } from '../../shared/score/impact';
import type { ScoreDecision } from '../../shared/score/score';
import type { FindingRow } from './finding-rows';

const SCORED_DECISIONS: ReadonlySet<DecisionKind> = new Set([
  'planned',
  'risk_accepted',
  'compensating_control',
  'third_party',
]);

interface FixInput {
  readonly checkId: string;
  readonly verdict: FindingRow['verdict'];
  readonly severity: FindingRow['severity'];
  readonly effortMinutes: number;
  readonly decision?: ScoreDecision;
  readonly row: FindingRow;
}

/** The fixes worth doing first: most score for the least work (`rankFixes`), at most `limit`. */
export function topFixes(rows: readonly FindingRow[], limit: number): RankedFix<FixInput>[] {
  const inputs = rows.map((row): FixInput => {
    const kind = row.decision && !row.decision.expired ? row.decision.decision.kind : undefined;
    return {
      checkId: row.checkId,
      verdict: row.verdict,
      severity: row.severity,
      effortMinutes: row.meta?.content.effortMinutes ?? 30,
      ...(kind && SCORED_DECISIONS.has(kind) ? { decision: kind as ScoreDecision } : {}),
      row,
    };
  });
  return rankFixes(inputs).slice(0, limit);
}

/** The Storm-0558 checks: could this business investigate a breach? */
export function investigationRows(rows: readonly FindingRow[]): FindingRow[] {
  return rows.filter((r) => Boolean(r.meta?.stormLesson));
}

/** "2 of 5 investigation checks pass; 1 could not be checked." */
export function investigationSummary(rows: readonly FindingRow[]): string {
  if (rows.length === 0) return 'No investigation checks ran in this scan.';
  const pass = rows.filter((r) => r.verdict === 'pass').length;
  const unknown = rows.filter((r) => r.verdict === 'unknown' || r.verdict === 'manual').length;
  const verdict =
    pass === rows.length
      ? 'You could likely investigate a breach: every investigation check passes.'
      : pass === 0
        ? 'You would struggle to investigate a breach today.'
        : 'You could investigate part of a breach, but not all of it.';
  return `${verdict} ${pass} of ${rows.length} investigation checks pass${unknown > 0 ? `; ${unknown} could not be checked` : ''}.`;
}
