import type { Decision } from '../../shared/models/decision';
import { SEVERITY_LABELS } from '../../shared/models/severity';

export { SEVERITY_LABELS };
import { VERDICT_LABELS, type Verdict } from '../../shared/models/verdict';
import type { Answer } from './report-model';
import { scoreOutOf100 } from '../../shared/score/score-text';

export function verdictLabel(verdict: Verdict): string {
  return VERDICT_LABELS[verdict];
}

/** The one-word rating of a score. */
export function ratingOf(score: number | null): string {
  if (score === null) return 'Not enough data';
  if (score >= 80) return 'Good';
  if (score >= 50) return 'Needs work';
  return 'At risk';
}

export function answerOf(verdict: Verdict): Answer {
  if (verdict === 'pass') return 'Yes';
  if (verdict === 'warn') return 'Partly';
  if (verdict === 'fail') return 'No';
  return 'Unknown';
}

const DECISION_LABELS: Record<Decision['kind'], string> = {
  planned: 'Fix planned',
  risk_accepted: 'Risk accepted',
  compensating_control: 'Handled another way (compensating control)',
  third_party: 'Handled by a third party',
  incorrect_result: 'Marked as an incorrect result',
};

export function decisionLabel(kind: Decision['kind']): string {
  return DECISION_LABELS[kind];
}

/** The decision in one line: "Risk accepted by Dr Patel until 2027-03-31 (expired)". */
export function decisionText(decision: Decision, expired = false): string {
  const label = decisionLabel(decision.kind);
  switch (decision.kind) {
    case 'risk_accepted':
      return `${label} by ${decision.owner} until ${day(decision.expiresAt)}${expired ? ' (expired: review it)' : ''}`;
    case 'planned':
      return `${label} by ${day(decision.dueDate)}${decision.owner ? `, owner ${decision.owner}` : ''}`;
    default:
      return label;
  }
}

/** `2026-11-28` from any ISO timestamp. */
export function day(iso: string): string {
  return iso.slice(0, 10);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `28 November 2026`, the same wherever the report is opened. */
export function longDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** `28 November 2026, 14:05 UTC`. */
export function dateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${longDate(iso)}, ${iso.slice(11, 16)} UTC`;
}

/** The first sentences of a text, at most `count`. */
export function firstSentences(text: string, count: number): string {
  const sentences = text.match(/[^.!?]+[.!?]+(?:\s+|$)/g);
  if (!sentences) return text.trim();
  return sentences.slice(0, count).join('').trim();
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function effortText(minutes: number): string {
  if (minutes < 60) return `about ${minutes} minutes`;
  const hours = Math.round((minutes / 60) * 2) / 2;
  return `about ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

export function scoreText(score: number | null): string {
  return scoreOutOf100(score);
}

/** Ends a free-text sentence with a full stop when it has none. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
