import { describe, expect, it } from 'vitest';
import { computeScore, credit, type ScoreInput } from './score';

const f = (
  verdict: ScoreInput['verdict'],
  severity: ScoreInput['severity'],
  nistCsf: string[] = ['PR.AA-03'],
  decision?: ScoreInput['decision'],
): ScoreInput => ({ verdict, severity, nistCsf, decision });

describe('computeScore', () => {
  it('weights credit by severity', () => {
    // critical pass (10/10) + high fail (0/6) + medium warn (1.5/3) = 11.5 / 19
    const s = computeScore([f('pass', 'critical'), f('fail', 'high'), f('warn', 'medium')]);
    expect(s.overall).toBe(60.5);
    expect(s.coverage).toEqual({ assessed: 3, total: 3 });
  });

  it('leaves unknown and manual out of the denominator but in coverage', () => {
    const s = computeScore([f('pass', 'high'), f('unknown', 'critical'), f('manual', 'low')]);
    expect(s.overall).toBe(100);
    expect(s.coverage).toEqual({ assessed: 1, total: 3 });
  });

  it('leaves not_applicable out of both score and coverage', () => {
    const s = computeScore([f('fail', 'high'), f('not_applicable', 'critical')]);
    expect(s.overall).toBe(0);
    expect(s.coverage).toEqual({ assessed: 1, total: 1 });
  });

  it('has no score when nothing weighted was assessed', () => {
    expect(computeScore([f('unknown', 'critical')]).overall).toBeNull();
    expect(computeScore([f('pass', 'info')]).overall).toBeNull();
    expect(computeScore([]).overall).toBeNull();
  });

  it('scores each NIST CSF function from its own checks', () => {
    const s = computeScore([
      f('pass', 'high', ['PR.AA-05']),
      f('fail', 'high', ['DE.CM-09', 'PR.PS-04']),
    ]);
    expect(s.byFunction.Protect).toEqual({ score: 50, assessed: 2, total: 2 });
    expect(s.byFunction.Detect).toEqual({ score: 0, assessed: 1, total: 1 });
    expect(s.byFunction.Govern).toEqual({ score: null, assessed: 0, total: 0 });
  });

  it('applies user decisions as DESIGN.md says', () => {
    expect(credit({ verdict: 'fail', decision: 'compensating_control' })).toBe(1);
    expect(credit({ verdict: 'fail', decision: 'third_party' })).toBe(1);
    expect(credit({ verdict: 'warn', decision: 'risk_accepted' })).toBe(0);
    expect(credit({ verdict: 'fail', decision: 'planned' })).toBe(0);
    expect(credit({ verdict: 'unknown', decision: 'compensating_control' })).toBeNull();
  });
});
