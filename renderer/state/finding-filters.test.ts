import { describe, expect, it } from 'vitest';
import { filterFindings, filterSummary, NO_FILTERS } from './finding-filters';
import { buildFindingRows } from './finding-rows';
import { detail, finding, meta } from './test-rows';

const rows = buildFindingRows(
  detail([
    finding('CA-001', 'fail', 'critical', 2),
    finding('LOG-001', 'warn', 'high'),
    finding('DNS-001', 'pass', 'medium'),
    finding('APP-001', 'unknown', 'low'),
  ]),
  [
    meta('CA-001', {
      mappings: { cisM365: ['v5:5.2.2.3'], cisControls: ['6.3'], nistCsf: ['PR.AA-03'], scuba: [] },
    }),
    meta('LOG-001', {
      stormLesson: 'keep logs',
      mappings: {
        cisM365: [],
        cisControls: ['8.11'],
        nistCsf: ['DE.CM-01'],
        scuba: ['MS.EXO.17.1v1'],
      },
    }),
    meta('DNS-001'),
    meta('APP-001'),
  ],
);
const ids = (f: Partial<typeof NO_FILTERS>) =>
  filterFindings(rows, { ...NO_FILTERS, ...f }).map((r) => r.checkId);

describe('filterFindings', () => {
  it('shows everything without filters', () => {
    expect(ids({})).toHaveLength(4);
  });
  it('filters by verdict, and "needs action" means fail or partly met', () => {
    expect(ids({ verdict: 'pass' })).toEqual(['DNS-001']);
    expect(ids({ verdict: 'needs-action' })).toEqual(['CA-001', 'LOG-001']);
  });
  it('filters by severity and family', () => {
    expect(ids({ severity: 'low' })).toEqual(['APP-001']);
    expect(ids({ family: 'LOG' })).toEqual(['LOG-001']);
  });
  it('filters by framework: CSF function, IG1, CIS benchmark, SCuBA and Storm-0558', () => {
    expect(ids({ framework: 'csf:PR' })).toEqual(['CA-001']);
    expect(ids({ framework: 'csf:DE' })).toEqual(['LOG-001']);
    expect(ids({ framework: 'cis-ig1' })).toEqual(['CA-001']);
    expect(ids({ framework: 'cis-m365' })).toEqual(['CA-001']);
    expect(ids({ framework: 'scuba' })).toEqual(['LOG-001']);
    expect(ids({ framework: 'storm' })).toEqual(['LOG-001']);
  });
  it('searches titles, results and affected names; every word must match', () => {
    expect(ids({ search: 'account 1' })).toEqual(['CA-001']);
    expect(ids({ search: 'dns-001 pass' })).toEqual(['DNS-001']);
    expect(ids({ search: 'nothing like this' })).toEqual([]);
  });
  it('combines filters', () => {
    expect(ids({ verdict: 'needs-action', severity: 'high' })).toEqual(['LOG-001']);
  });
});

describe('filterSummary', () => {
  it('says how many are shown and how many filters are on', () => {
    expect(filterSummary(4, 4, NO_FILTERS)).toBe('Showing 4 of 4 findings.');
    expect(filterSummary(1, 4, { ...NO_FILTERS, severity: 'low', search: 'x' })).toBe(
      'Showing 1 of 4 findings (2 filters on).',
    );
  });
});
