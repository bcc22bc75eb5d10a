import type { NotApplicableReason, UnknownReason, Verdict } from './verdict';
import type { SourceId } from './sources';

export interface AffectedObject {
  readonly id: string;
  readonly displayName: string;
  /** Why this object is listed, in a few words ("excluded from the policy"). */
  readonly detail?: string;
}

export interface Evidence {
  readonly source: SourceId;
  /** What was read, in one line ("3 Conditional Access policies, 2 enabled"). */
  readonly summary: string;
}

/** The result of one check against one snapshot. */
export interface Finding {
  readonly checkId: string;
  readonly verdict: Verdict;
  /** One plain sentence: "2 of your 3 admins can sign in without MFA". */
  readonly reason: string;
  /** Machine-readable cause for `unknown` and `not_applicable`. */
  readonly reasonCode?: UnknownReason | NotApplicableReason | 'needs_declaration';
  readonly affected: readonly AffectedObject[];
  readonly evidence: readonly Evidence[];
}
