/** The six verdicts a check can reach. */
export const VERDICTS = ['pass', 'warn', 'fail', 'not_applicable', 'unknown', 'manual'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Why a check could not be evaluated (`unknown`). */
export const UNKNOWN_REASONS = [
  'forbidden',
  'not_licensed_api',
  'throttled',
  'network',
  'not_found',
  'invalid_response',
  'error',
] as const;
export type UnknownReason = (typeof UNKNOWN_REASONS)[number];

/** Why a check does not apply to this tenant (`not_applicable`). */
export const NOT_APPLICABLE_REASONS = ['not_licensed', 'not_in_use'] as const;
export type NotApplicableReason = (typeof NOT_APPLICABLE_REASONS)[number];

/** A verdict counts towards the score only when the check could be assessed. */
export function isAssessed(verdict: Verdict): boolean {
  return verdict === 'pass' || verdict === 'warn' || verdict === 'fail';
}

/** Plain labels, never colour alone. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  pass: 'Pass',
  warn: 'Partly met',
  fail: 'Fail',
  not_applicable: 'Not applicable',
  unknown: 'Could not check',
  manual: 'Needs your answer',
};
