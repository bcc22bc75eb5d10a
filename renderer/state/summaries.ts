import type { ScanDiff } from '../../shared/history/scan-diff';
import { CSF_FUNCTIONS, type CsfFunctionName } from '../../shared/models/framework';
import type { ScorePart } from '../../shared/score/score';
import { scoreNumber } from '../../shared/score/score-text';
import { formatDate, formatScore } from './format';

/** "Protect is strongest at 80 out of 100; Detect needs the most work at 35. Govern has no checks we could assess." */
export function functionSummary(byFunction: Readonly<Record<CsfFunctionName, ScorePart>>): string {
  const scored = CSF_FUNCTIONS.map((f) => ({ name: f.name, part: byFunction[f.name] })).filter(
    (f): f is { name: CsfFunctionName; part: ScorePart & { score: number } } =>
      f.part !== undefined && f.part.score !== null,
  );
  const unscored = CSF_FUNCTIONS.filter((f) => !scored.some((s) => s.name === f.name)).map(
    (f) => f.name,
  );
  const tail =
    unscored.length === 0
      ? ''
      : ` ${joinWords(unscored)} ${unscored.length === 1 ? 'has' : 'have'} no checks we could assess.`;
  if (scored.length === 0) return `No NIST CSF function could be scored yet.${tail}`;
  const sorted = [...scored].sort((a, b) => b.part.score - a.part.score);
  const best = sorted[0]!;
  const worst = sorted[sorted.length - 1]!;
  if (best.name === worst.name)
    return `${best.name} scores ${formatScore(best.part.score)}.${tail}`;
  return `${best.name} is strongest at ${formatScore(best.part.score)}; ${worst.name} needs the most work at ${scoreNumber(worst.part.score)}.${tail}`;
}

export interface TrendPoint {
  readonly at: string;
  readonly score: number;
}

/** "Score rose from 42 to 58 out of 100 since 3 May 2026 (4 scans)." */
export function trendSummary(points: readonly TrendPoint[]): string {
  if (points.length === 0) return 'No scored scans yet.';
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (points.length === 1) {
    return `One scan so far, scoring ${formatScore(last.score)} on ${formatDate(last.at)}. Scan again after fixing something to see the trend.`;
  }
  const from = scoreNumber(first.score);
  const to = formatScore(last.score);
  const since = `since ${formatDate(first.at)} (${points.length} scans)`;
  if (scoreNumber(first.score) === scoreNumber(last.score))
    return `Score unchanged at ${to} ${since}.`;
  return `Score ${last.score > first.score ? 'rose' : 'fell'} from ${from} to ${to} ${since}.`;
}

/** "Since the last scan: 2 fixed, 1 newly failing, 5 still failing." */
export function diffSummary(diff: ScanDiff | null): string {
  if (!diff) return 'This is the first scan of this tenant, so there is nothing to compare yet.';
  const parts = [
    `${diff.fixed.length} fixed`,
    `${diff.newlyFailing.length} newly failing`,
    `${diff.stillFailing.length} still failing`,
  ];
  if (diff.newlyUnknown.length > 0)
    parts.push(`${diff.newlyUnknown.length} could not be checked this time`);
  return `Since the last scan: ${parts.join(', ')}.`;
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
