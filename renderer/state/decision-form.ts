import {
  decisionSchema,
  type Decision,
  type DecisionKind,
  type StoredDecision,
} from '../../shared/models/decision';
import type { DecisionAuditEntry } from '../../shared/api/views';
import { formatDate } from './format';

export const DECISION_LABELS: Record<DecisionKind, string> = {
  planned: 'Planned: we will fix it',
  risk_accepted: 'Risk accepted',
  compensating_control: 'Handled another way (compensating control)',
  third_party: 'Handled by a third party',
  incorrect_result: 'This result is incorrect',
};

export const DECISION_HELP: Record<DecisionKind, string> = {
  planned: 'Still counts as failing until the fix is done. Give a due date so it is not forgotten.',
  risk_accepted:
    'The business knowingly lives with this risk. It still counts as failing and is listed with its owner, and it must be reviewed when it expires.',
  compensating_control:
    'Another control covers this risk. It counts as passing, labelled as your decision.',
  third_party:
    'A provider such as your MSP handles this. It counts as passing, labelled as your decision.',
  incorrect_result:
    'Tell us why the result is wrong. It stays in the list so it can be checked again.',
};

export interface DecisionDraft {
  readonly kind: DecisionKind;
  readonly reason: string;
  readonly owner: string;
  readonly dueDate: string;
  readonly expiresAt: string;
}

export type DecisionField = 'reason' | 'owner' | 'dueDate' | 'expiresAt';

export type DecisionValidation =
  | { readonly ok: true; readonly decision: Decision }
  | { readonly ok: false; readonly errors: Partial<Record<DecisionField, string>> };

export const EMPTY_DRAFT: DecisionDraft = {
  kind: 'planned',
  reason: '',
  owner: '',
  dueDate: '',
  expiresAt: '',
};

/** The draft for an existing decision, so it can be edited. */
export function draftOf(decision: Decision | undefined): DecisionDraft {
  if (!decision) return EMPTY_DRAFT;
  switch (decision.kind) {
    case 'planned':
      return {
        ...EMPTY_DRAFT,
        kind: 'planned',
        dueDate: decision.dueDate.slice(0, 10),
        reason: decision.reason ?? '',
        owner: decision.owner ?? '',
      };
    case 'risk_accepted':
      return {
        ...EMPTY_DRAFT,
        kind: 'risk_accepted',
        reason: decision.reason,
        owner: decision.owner,
        expiresAt: decision.expiresAt.slice(0, 10),
      };
    default:
      return { ...EMPTY_DRAFT, kind: decision.kind, reason: decision.reason };
  }
}

/** Checks a draft the way the api will, with plain messages per field; `today` is YYYY-MM-DD. */
export function validateDecision(draft: DecisionDraft, today: string): DecisionValidation {
  const errors: Partial<Record<DecisionField, string>> = {};
  const reason = draft.reason.trim();
  const owner = draft.owner.trim();
  const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));
  let candidate: unknown;
  switch (draft.kind) {
    case 'planned':
      if (!isDate(draft.dueDate)) errors.dueDate = 'Choose the date you plan to fix this by.';
      candidate = {
        kind: 'planned',
        dueDate: draft.dueDate,
        ...(reason ? { reason } : {}),
        ...(owner ? { owner } : {}),
      };
      break;
    case 'risk_accepted':
      if (!reason) errors.reason = 'Say why the business accepts this risk.';
      if (!owner) errors.owner = 'Name the person who owns this risk.';
      if (!isDate(draft.expiresAt))
        errors.expiresAt = 'Choose when this acceptance should be reviewed.';
      else if (draft.expiresAt <= today)
        errors.expiresAt = 'The review date must be in the future.';
      candidate = { kind: 'risk_accepted', reason, owner, expiresAt: draft.expiresAt };
      break;
    default:
      if (!reason) errors.reason = 'Explain this in a sentence, so others understand it later.';
      candidate = { kind: draft.kind, reason };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = decisionSchema.safeParse(candidate);
  if (!parsed.success)
    return { ok: false, errors: { reason: 'Some of these answers are too long.' } };
  return { ok: true, decision: parsed.data };
}

/** One line describing a stored decision: "Risk accepted by Sam (reason) until 1 Mar 2027". */
export function decisionSummary(stored: StoredDecision): string {
  const d = stored.decision;
  switch (d.kind) {
    case 'planned':
      return `Planned: fix due ${formatDate(d.dueDate)}${d.owner ? `, owner ${d.owner}` : ''}.`;
    case 'risk_accepted':
      return stored.expired
        ? `Risk acceptance by ${d.owner} expired on ${formatDate(d.expiresAt)}; review it.`
        : `Risk accepted by ${d.owner} until ${formatDate(d.expiresAt)}: ${d.reason}`;
    default:
      return `${DECISION_LABELS[d.kind]}: ${d.reason}`;
  }
}

/** One line of the decisions log: what was decided, or that a decision was removed. */
export function auditText(entry: DecisionAuditEntry): string {
  const d = entry.after;
  if (!d) return 'Decision removed';
  switch (d.kind) {
    case 'planned':
      return `Planned, fix due ${formatDate(d.dueDate)}`;
    case 'risk_accepted':
      return `Risk accepted by ${d.owner} until ${formatDate(d.expiresAt)}: ${d.reason}`;
    default:
      return `${DECISION_LABELS[d.kind]}: ${d.reason}`;
  }
}
