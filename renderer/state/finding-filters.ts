import { CSF_FUNCTIONS, csfFunctionOf, type CsfFunctionId } from '../../shared/models/framework';
import type { CheckFamily } from '../../shared/models/check';
import type { Severity } from '../../shared/models/severity';
import type { Verdict } from '../../shared/models/verdict';
import { isIg1Safeguard } from './cis-ig1';
import type { FindingRow } from './finding-rows';

/** Which framework a finding must belong to. */
export type FrameworkFilter =
  'all' | `csf:${CsfFunctionId}` | 'cis-ig1' | 'cis-m365' | 'scuba' | 'storm';

/** `needs-action` = fail or partly met, the usual starting point. */
export type VerdictFilter = Verdict | 'all' | 'needs-action';

export interface FindingFilters {
  readonly verdict: VerdictFilter;
  readonly severity: Severity | 'all';
  readonly family: CheckFamily | 'all';
  readonly framework: FrameworkFilter;
  readonly search: string;
}

export const NO_FILTERS: FindingFilters = {
  verdict: 'all',
  severity: 'all',
  family: 'all',
  framework: 'all',
  search: '',
};

export const FRAMEWORK_OPTIONS: readonly { value: FrameworkFilter; label: string }[] = [
  { value: 'all', label: 'All frameworks' },
  ...CSF_FUNCTIONS.map((f) => ({
    value: `csf:${f.id}` as FrameworkFilter,
    label: `NIST CSF 2.0: ${f.name}`,
  })),
  { value: 'cis-ig1', label: 'CIS Controls v8: IG1 safeguards' },
  { value: 'cis-m365', label: 'CIS Microsoft 365 benchmark' },
  { value: 'scuba', label: 'CISA SCuBA baselines' },
  { value: 'storm', label: 'Storm-0558 lessons (investigation)' },
];

function matchesFramework(row: FindingRow, framework: FrameworkFilter): boolean {
  if (framework === 'all') return true;
  const m = row.meta?.mappings;
  if (framework === 'storm') return Boolean(row.meta?.stormLesson);
  if (!m) return false;
  if (framework === 'cis-ig1') return m.cisControls.some(isIg1Safeguard);
  if (framework === 'cis-m365') return m.cisM365.length > 0;
  if (framework === 'scuba') return m.scuba.length > 0;
  const fn = framework.slice(4);
  return m.nistCsf.some((s) => csfFunctionOf(s) === fn);
}

function matchesSearch(row: FindingRow, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    row.checkId,
    row.title,
    row.reason,
    row.familyLabel,
    ...row.finding.affected.slice(0, 500).map((a) => a.displayName),
  ]
    .join(' ')
    .toLowerCase();
  return words.every((w) => haystack.includes(w));
}

/** The rows that pass every filter, in their original order. */
export function filterFindings(rows: readonly FindingRow[], filters: FindingFilters): FindingRow[] {
  return rows.filter(
    (row) =>
      (filters.verdict === 'all' ||
        (filters.verdict === 'needs-action'
          ? row.verdict === 'fail' || row.verdict === 'warn'
          : row.verdict === filters.verdict)) &&
      (filters.severity === 'all' || row.severity === filters.severity) &&
      (filters.family === 'all' || row.family === filters.family) &&
      matchesFramework(row, filters.framework) &&
      matchesSearch(row, filters.search),
  );
}

/** "Showing 12 of 69 findings" plus what narrows them, for the screen-reader status line. */
export function filterSummary(shown: number, total: number, filters: FindingFilters): string {
  const active =
    (filters.verdict !== 'all' ? 1 : 0) +
    (filters.severity !== 'all' ? 1 : 0) +
    (filters.family !== 'all' ? 1 : 0) +
    (filters.framework !== 'all' ? 1 : 0) +
    (filters.search.trim() ? 1 : 0);
  const base = `Showing ${shown} of ${total} findings`;
  return active === 0
    ? `${base}.`
    : `${base} (${active} ${active === 1 ? 'filter' : 'filters'} on).`;
}
