import { z } from 'zod';

/** What the business decided about a finding. */
export const DECISION_KINDS = [
  'planned',
  'risk_accepted',
  'compensating_control',
  'third_party',
  'incorrect_result',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'must be a date (YYYY-MM-DD)');
const text = z.string().trim().min(1).max(2000);

export const decisionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('planned'),
      dueDate: isoDate,
      reason: text.optional(),
      owner: text.optional(),
    })
    .strict(),
  z
    .object({ kind: z.literal('risk_accepted'), reason: text, owner: text, expiresAt: isoDate })
    .strict(),
  z.object({ kind: z.literal('compensating_control'), reason: text }).strict(),
  z.object({ kind: z.literal('third_party'), reason: text }).strict(),
  z.object({ kind: z.literal('incorrect_result'), reason: text }).strict(),
]);
export type Decision = z.infer<typeof decisionSchema>;

export interface StoredDecision {
  readonly checkId: string;
  readonly decision: Decision;
  readonly decidedBy: string;
  readonly updatedAt: string;
  /** A risk acceptance past its expiry no longer counts; it is flagged for review. */
  readonly expired: boolean;
}

export function isExpired(decision: Decision, now: Date): boolean {
  return decision.kind === 'risk_accepted' && Date.parse(decision.expiresAt) < now.getTime();
}
