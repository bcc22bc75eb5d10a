import type { ScanDetail, ScanFinding } from '../../shared/api/views';
import type { CheckMeta } from '../../shared/models/check';
import type { Severity } from '../../shared/models/severity';
import type { Verdict } from '../../shared/models/verdict';

/** A catalog entry for tests, with only what the screens read. */
export function meta(id: string, over: Partial<CheckMeta> = {}): CheckMeta {
  return {
    id,
    title: `Title of ${id}`,
    family: id.split('-')[0] as CheckMeta['family'],
    severity: 'high',
    requires: [],
    licences: [],
    permissions: [],
    mappings: { cisM365: [], cisControls: [], nistCsf: [], scuba: [] },
    content: {
      why: 'why',
      steps: [{ text: 'one' }, { text: 'two' }],
      verify: 'v',
      userImpact: 'u',
      effortMinutes: 10,
      learnMore: [],
    },
    ...over,
  };
}

export function finding(
  checkId: string,
  verdict: Verdict,
  severity: Severity = 'high',
  affected = 0,
): ScanFinding {
  return {
    checkId,
    verdict,
    severity,
    reason: `${checkId} is ${verdict}`,
    affected: Array.from({ length: affected }, (_, i) => ({
      id: `${checkId}-${i}`,
      displayName: `Account ${i}`,
    })),
    evidence: [],
  };
}

export function detail(
  findings: ScanFinding[],
  over: Partial<ScanDetail> = {},
): Pick<ScanDetail, 'findings' | 'decisions' | 'progress'> {
  return { findings, decisions: [], progress: [], ...over };
}
