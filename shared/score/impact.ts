import type { Severity } from '../models/severity';
import { SEVERITY_WEIGHTS } from '../models/severity';
import type { Verdict } from '../models/verdict';
import { credit, type ScoreDecision } from './score';

export interface ImpactInput {
  readonly checkId: string;
  readonly verdict: Verdict;
  readonly severity: Severity;
  readonly effortMinutes: number;
  readonly decision?: ScoreDecision;
}

export interface RankedFix<T extends ImpactInput> {
  readonly item: T;
  /** Score points the fix would win (severity weight × credit still missing). */
  readonly points: number;
  /** Points per hour of work; the order of the action plan. */
  readonly pointsPerHour: number;
}

/**
 * The fixes worth doing first: failing or partly met findings ordered by what they win for the
 * work they take. A risk the business accepted or a fix it plans still counts (the risk is
 * still there); a compensating control or a third party's handling does not.
 */
export function rankFixes<T extends ImpactInput>(items: readonly T[]): RankedFix<T>[] {
  return items
    .flatMap((item) => {
      if (item.verdict !== 'fail' && item.verdict !== 'warn') return [];
      if (item.decision === 'compensating_control' || item.decision === 'third_party') return [];
      const earned = credit({ verdict: item.verdict }) ?? 0;
      const points = SEVERITY_WEIGHTS[item.severity] * (1 - earned);
      if (points <= 0) return [];
      const hours = Math.max(item.effortMinutes, 5) / 60;
      return [{ item, points, pointsPerHour: points / hours }];
    })
    .sort(
      (a, b) =>
        b.pointsPerHour - a.pointsPerHour ||
        b.points - a.points ||
        a.item.checkId.localeCompare(b.item.checkId),
    );
}
