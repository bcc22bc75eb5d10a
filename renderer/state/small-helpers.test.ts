import { describe, expect, it } from 'vitest';
import type { ScanSummary } from '../../shared/models/scan-summary';
import { parseList, settingsOfDraft } from './declarations';
import { coverageText, effortText, formatScore, isoDay } from './format';
import { latestUsableScan, trendPoints } from './history';
import { needsScan, sectionOf } from './navigation';
import { groupSources, groupText } from './source-groups';
import { resolveTheme } from './theme';

describe('resolveTheme', () => {
  it('follows the system unless the user chose a theme; forced colours win', () => {
    expect(resolveTheme('system', { prefersDark: true, forcedColors: false })).toBe('dark');
    expect(resolveTheme('system', { prefersDark: false, forcedColors: false })).toBe('light');
    expect(resolveTheme('system', { prefersDark: true, forcedColors: true })).toBe('high-contrast');
    expect(resolveTheme('light', { prefersDark: true, forcedColors: true })).toBe('light');
  });
});

describe('declarations', () => {
  it('splits lines, commas and semicolons, drops blanks and repeats', () => {
    expect(parseList(' a@x.com\n\nb@x.com, A@x.com; c ')).toEqual(['a@x.com', 'b@x.com', 'c']);
    expect(
      settingsOfDraft({
        breakGlassAccounts: 'bg@x.com',
        approvedMailApps: '',
        approvedPublicGroups: 'g1\ng2',
      }),
    ).toEqual({
      breakGlassAccounts: ['bg@x.com'],
      approvedMailApps: [],
      approvedPublicGroups: ['g1', 'g2'],
    });
  });
});

describe('format', () => {
  it('writes scores, coverage and effort in words', () => {
    expect(formatScore(61.6)).toBe('61.6 out of 100');
    expect(formatScore(62)).toBe('62 out of 100');
    expect(formatScore(null)).toBe('Not scored');
    expect(coverageText({ assessed: 34, total: 41 })).toBe('34 of 41 checks assessed');
    expect(effortText(5)).toBe('about 5 minutes');
    expect(effortText(60)).toBe('about 1 hour');
    expect(effortText(150)).toBe('about 2 hours 30 minutes');
    expect(isoDay(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});

const scan = (
  id: string,
  startedAt: string,
  status: ScanSummary['status'],
  score: number | null,
): ScanSummary => ({
  id,
  tenantId: 't',
  profile: 'cis',
  catalogVersion: '1',
  source: 'demo',
  status,
  startedAt,
  finishedAt: startedAt,
  score,
  coverage: null,
  counts: null,
  reevaluatedFrom: null,
});

describe('history', () => {
  const scans = [
    scan('b', '2026-02-01T00:00:00Z', 'complete', 50),
    scan('a', '2026-01-01T00:00:00Z', 'partial', 40),
    scan('c', '2026-03-01T00:00:00Z', 'failed', null),
  ];
  it('plots finished scans oldest first and shows the newest finished one', () => {
    expect(trendPoints(scans).map((p) => p.score)).toEqual([40, 50]);
    expect(latestUsableScan(scans)?.id).toBe('b');
    expect(latestUsableScan([scans[2]!])).toBeUndefined();
  });
});

describe('navigation', () => {
  it('marks a finding as part of Findings, and knows which sections need a scan', () => {
    expect(sectionOf({ screen: 'finding', checkId: 'CA-001' })).toBe('findings');
    expect(sectionOf({ screen: 'welcome' })).toBeNull();
    expect(needsScan('history')).toBe(true);
    expect(needsScan('tenants')).toBe(false);
  });
});

describe('source groups', () => {
  it('groups sources into plain areas with counts', () => {
    const groups = groupSources([
      { source: 'mailDns', label: 'dns', state: 'read' },
      { source: 'users', label: 'users', state: 'read' },
      { source: 'roleEligibilitySchedules', label: 'pim', state: 'could-not-read' },
      { source: 'conditionalAccessPolicies', label: 'ca', state: 'reading' },
    ]);
    expect(groups.map((g) => [g.group, groupText(g)])).toEqual([
      ['Sign-in and admin accounts', '1 of 3 read, 1 could not be read, 1 in progress'],
      ['Email domains (public DNS)', '1 of 1 read'],
    ]);
  });
});
