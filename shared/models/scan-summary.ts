import type { Profile } from './profile';
import type { Verdict } from './verdict';

/** How a stored scan ended; `interrupted` is a scan the process never finished. */
export type ScanStatus = 'running' | 'complete' | 'partial' | 'failed' | 'interrupted';

/** One stored scan as lists show it. */
export interface ScanSummary {
  readonly id: string;
  readonly tenantId: string;
  readonly profile: Profile;
  readonly catalogVersion: string;
  readonly source: string;
  readonly status: ScanStatus;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly score: number | null;
  readonly coverage: { readonly assessed: number; readonly total: number } | null;
  readonly counts: Readonly<Record<Verdict, number>> | null;
  readonly reevaluatedFrom: string | null;
}
