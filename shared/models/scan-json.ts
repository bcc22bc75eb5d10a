import type { CheckMeta } from './check';
import type { Finding } from './finding';
import type { Mappings } from './framework';
import type { Profile } from './profile';
import type { Score } from '../score/score';
import type { Severity } from './severity';
import type { TenantInfo } from './tenant';
import type { Verdict } from './verdict';

/** The documented output of `breach-ready scan --json` (DESIGN.md §The command line). */
export interface ScanJson {
  readonly tool: { readonly name: 'breach-ready'; readonly version: string };
  readonly tenant: TenantInfo;
  readonly scan: {
    readonly id: string;
    readonly startedAt: string;
    readonly finishedAt: string;
    readonly profile: Profile;
    readonly catalogVersion: string;
    readonly source: 'demo' | 'fixture' | 'live';
  };
  readonly score: Score;
  readonly findings: readonly ScanJsonFinding[];
}

export interface ScanJsonFinding {
  readonly checkId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly verdict: Verdict;
  readonly reason: string;
  readonly reasonCode?: string;
  readonly affected: readonly {
    readonly id: string;
    readonly displayName: string;
    readonly detail?: string;
  }[];
  readonly mappings: Mappings;
  readonly stormLesson?: string;
  /** The business's decision on this finding, when one was recorded. */
  readonly decision?: {
    readonly kind: string;
    readonly expired: boolean;
    readonly reason?: string;
    readonly owner?: string;
  };
}

export function toScanJsonFinding(
  finding: Finding,
  meta: CheckMeta,
  decision?: ScanJsonFinding['decision'],
): ScanJsonFinding {
  return {
    checkId: finding.checkId,
    title: meta.title,
    severity: meta.severity,
    verdict: finding.verdict,
    reason: finding.reason,
    ...(finding.reasonCode ? { reasonCode: finding.reasonCode } : {}),
    affected: finding.affected,
    mappings: meta.mappings,
    ...(meta.stormLesson ? { stormLesson: meta.stormLesson } : {}),
    ...(decision ? { decision } : {}),
  };
}
