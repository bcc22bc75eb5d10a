import type { Verdict } from '../models/verdict';

export interface DiffFinding {
  readonly checkId: string;
  readonly title?: string;
  readonly verdict: Verdict;
}

export interface ScanDiff {
  /** Failing or partly met before, passing now. */
  readonly fixed: readonly string[];
  /** Failing or partly met now, but not before. */
  readonly newlyFailing: readonly string[];
  readonly stillFailing: readonly string[];
  /** Could be assessed before, could not be now. */
  readonly newlyUnknown: readonly string[];
  /** New in the catalog or not evaluated before. */
  readonly added: readonly string[];
}

const failing = (v: Verdict | undefined) => v === 'fail' || v === 'warn';
const assessed = (v: Verdict | undefined) => v === 'pass' || v === 'warn' || v === 'fail';

/** What changed between an earlier and a later scan of the same tenant. Pure. */
export function diffScans(
  earlier: readonly DiffFinding[],
  later: readonly DiffFinding[],
): ScanDiff {
  const before = new Map(earlier.map((f) => [f.checkId, f.verdict]));
  const fixed: string[] = [];
  const newlyFailing: string[] = [];
  const stillFailing: string[] = [];
  const newlyUnknown: string[] = [];
  const added: string[] = [];
  for (const f of later) {
    const was = before.get(f.checkId);
    if (was === undefined) added.push(f.checkId);
    if (failing(was) && f.verdict === 'pass') fixed.push(f.checkId);
    else if (failing(f.verdict) && failing(was)) stillFailing.push(f.checkId);
    else if (failing(f.verdict)) newlyFailing.push(f.checkId);
    if (assessed(was) && f.verdict === 'unknown') newlyUnknown.push(f.checkId);
  }
  return { fixed, newlyFailing, stillFailing, newlyUnknown, added };
}
