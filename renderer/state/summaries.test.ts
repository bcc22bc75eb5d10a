import { describe, expect, it } from 'vitest';
import type { ScorePart } from '../../shared/score/score';
import { diffSummary, functionSummary, trendSummary } from './summaries';

const part = (score: number | null): ScorePart => ({
  score,
  assessed: score === null ? 0 : 3,
  total: 3,
});

describe('functionSummary', () => {
  it('names the strongest and weakest function and the ones without checks', () => {
    expect(
      functionSummary({
        Govern: part(null),
        Identify: part(50),
        Protect: part(80),
        Detect: part(35.4),
        Respond: part(null),
        Recover: part(null),
      }),
    ).toBe(
      'Protect is strongest at 80 out of 100; Detect needs the most work at 35.4. Govern, Respond and Recover have no checks we could assess.',
    );
  });
  it('says plainly when nothing could be scored', () => {
    const none = part(null);
    expect(
      functionSummary({
        Govern: none,
        Identify: none,
        Protect: none,
        Detect: none,
        Respond: none,
        Recover: none,
      }),
    ).toMatch(/^No NIST CSF function could be scored yet/);
  });
});

describe('trendSummary', () => {
  it('describes a rise, a fall and no change', () => {
    expect(
      trendSummary([
        { at: '2026-05-03T10:00:00Z', score: 42 },
        { at: '2026-06-01T10:00:00Z', score: 58 },
      ]),
    ).toBe('Score rose from 42 to 58 out of 100 since 3 May 2026 (2 scans).');
    expect(
      trendSummary([
        { at: '2026-05-03T10:00:00Z', score: 58 },
        { at: '2026-06-01T10:00:00Z', score: 42 },
      ]),
    ).toMatch(/^Score fell from 58 to 42 out of 100/);
    expect(
      trendSummary([
        { at: '2026-05-03T10:00:00Z', score: 50 },
        { at: '2026-06-01T10:00:00Z', score: 50.04 },
      ]),
    ).toMatch(/^Score unchanged at 50 out of 100/);
  });
  it('handles no scans and one scan', () => {
    expect(trendSummary([])).toBe('No scored scans yet.');
    expect(trendSummary([{ at: '2026-05-03T10:00:00Z', score: 42 }])).toMatch(
      /^One scan so far, scoring 42 out of 100/,
    );
  });
});

describe('diffSummary', () => {
  it('counts what changed since the last scan', () => {
    expect(
      diffSummary({
        fixed: ['A', 'B'],
        newlyFailing: ['C'],
        stillFailing: [],
        newlyUnknown: ['D'],
        added: [],
      }),
    ).toBe(
      'Since the last scan: 2 fixed, 1 newly failing, 0 still failing, 1 could not be checked this time.',
    );
    expect(diffSummary(null)).toMatch(/first scan/);
  });
});
