import { describe, expect, it } from 'vitest';
import { rankFixes, type ImpactInput } from './impact';

const f = (checkId: string, over: Partial<ImpactInput> = {}): ImpactInput => ({
  checkId,
  verdict: 'fail',
  severity: 'high',
  effortMinutes: 30,
  ...over,
});

describe('rankFixes', () => {
  it('puts the most points per hour first', () => {
    const ranked = rankFixes([
      f('A-001', { severity: 'critical', effortMinutes: 240 }),
      f('B-001', { severity: 'high', effortMinutes: 10 }),
      f('C-001', { severity: 'medium', effortMinutes: 10 }),
    ]);
    expect(ranked.map((r) => r.item.checkId)).toEqual(['B-001', 'C-001', 'A-001']);
    expect(ranked[0]?.points).toBe(6);
    expect(ranked[0]?.pointsPerHour).toBeCloseTo(36);
  });

  it('counts a partly met finding for half its weight', () => {
    const [only] = rankFixes([f('A-001', { verdict: 'warn', severity: 'critical' })]);
    expect(only?.points).toBe(5);
  });

  it('leaves out passes, unknowns, info findings and findings handled another way', () => {
    const ranked = rankFixes([
      f('A-001', { verdict: 'pass' }),
      f('A-002', { verdict: 'unknown' }),
      f('A-003', { severity: 'info' }),
      f('A-004', { decision: 'compensating_control' }),
      f('A-005', { decision: 'third_party' }),
      f('A-006', { decision: 'risk_accepted' }),
      f('A-007', { decision: 'planned' }),
    ]);
    expect(ranked.map((r) => r.item.checkId)).toEqual(['A-006', 'A-007']);
  });

  it('treats a very small effort as five minutes so trivia do not jump the queue', () => {
    const [a, b] = rankFixes([f('A-001', { effortMinutes: 0 }), f('B-001', { effortMinutes: 5 })]);
    expect(a?.pointsPerHour).toBe(b?.pointsPerHour);
  });
});
