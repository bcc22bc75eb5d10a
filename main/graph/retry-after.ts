/**
 * Reads a `Retry-After` header: delta seconds ("3") or an HTTP-date ("Wed, 21 Oct 2026 07:28:00
 * GMT"). Returns milliseconds to wait from `now`, or undefined when the header is absent or
 * unreadable. A date in the past means "now" (0).
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date) || !/[a-z]/i.test(text)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Exponential backoff with jitter for a retry without `Retry-After`: attempt 1 waits about
 * `baseMs`, each later attempt twice as long, capped at `maxMs`; the wait is drawn between half
 * and all of that, so clients that failed together do not come back together.
 */
export function backoffMs(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
