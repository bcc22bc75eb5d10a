import type { CheckMeta } from '../../shared/models/check';
import type { Finding } from '../../shared/models/finding';
import type { Profile } from '../../shared/models/profile';
import type { SourceId } from '../../shared/models/sources';
import type { TenantSnapshot } from '../../shared/models/snapshot';
import type { TenantSettings } from '../../shared/models/tenant';

export interface EvaluationContext {
  readonly snapshot: TenantSnapshot;
  readonly profile: Profile;
  readonly settings: TenantSettings;
  readonly now: Date;
}

/** What an evaluator decides; the catalog adds the check id. */
export type Outcome = Omit<Finding, 'checkId'>;

/**
 * A check: its metadata plus a pure evaluator. The catalog only calls `evaluate` when every
 * source in `requires` was read; sources in `uses` are optional and may be missing.
 */
export interface Check extends CheckMeta {
  readonly uses?: readonly SourceId[];
  evaluate(ctx: EvaluationContext): Outcome;
}
