/**
 * How a score is written everywhere (screens, reports, command line): to the one decimal it is
 * kept at, without a trailing ".0", out of 100.
 */
export function scoreNumber(score: number): string {
  const rounded = Math.round(score * 10) / 10;
  return rounded.toFixed(Number.isInteger(rounded) ? 0 : 1);
}

/** "26.5 out of 100", or `none` when nothing could be assessed. */
export function scoreOutOf100(score: number | null | undefined, none = 'no score'): string {
  return score === null || score === undefined ? none : `${scoreNumber(score)} out of 100`;
}
