import { SEVERITY_LABELS } from '../../shared/models/severity';

export { SEVERITY_LABELS };
import { scoreOutOf100 } from '../../shared/score/score-text';

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

/** "28 Nov 2026, 12:43"; an unreadable date is shown as it is. */
export function formatDateTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateTime.format(t);
}

/** "28 Nov 2026". */
export function formatDate(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateOnly.format(t);
}

/** "61.6 out of 100" (as in reports and the command line), or "Not scored" when nothing could be assessed. */
export function formatScore(score: number | null | undefined): string {
  return scoreOutOf100(score, 'Not scored');
}

/** "34 of 41 checks assessed". */
export function coverageText(coverage: { assessed: number; total: number } | null): string {
  if (!coverage) return 'Coverage unknown';
  return `${coverage.assessed} of ${coverage.total} ${coverage.total === 1 ? 'check' : 'checks'} assessed`;
}

/** "about 5 minutes", "about 1 hour", "about 2 hours 30 minutes". */
export function effortText(minutes: number): string {
  if (minutes < 60) return `about ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  return rest === 0 ? `about ${h}` : `about ${h} ${rest} minutes`;
}

/** "1 account", "3 accounts". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Today as YYYY-MM-DD in local time, for date inputs. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
