import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../shared/models/verdict';
import { investigation, isOpen, topRisks } from './executive-summary';
import type { ReportFinding } from './report-model';

function finding(
  checkId: string,
  verdict: Verdict,
  extra: Partial<ReportFinding> = {},
): ReportFinding {
  return {
    checkId,
    title: checkId,
    family: 'LOG',
    severity: 'high',
    verdict,
    reason: '',
    affected: [],
    evidence: [],
    mappings: { cisM365: [], cisControls: [], nistCsf: [], scuba: [] },
    permissions: [],
    content: {
      why: 'Why.',
      steps: [],
      verify: '',
      userImpact: '',
      effortMinutes: 5,
      learnMore: [],
    },
    stepsDone: 0,
    stormLesson: 'A lesson.',
    ...extra,
  };
}

describe('could you investigate a breach?', () => {
  it.each([
    [['pass', 'pass'], 'Yes'],
    [['fail', 'fail', 'unknown'], 'No'],
    [['pass', 'fail'], 'Partly'],
    [['warn'], 'Partly'],
    [['unknown', 'manual'], 'Unknown'],
    [[], 'Unknown'],
  ] as const)('%j answers %s', (verdicts, answer) => {
    const result = investigation(verdicts.map((v, i) => finding(`LOG-00${i}`, v)));
    expect(result.answer).toBe(answer);
  });

  it('leaves out checks without a Storm-0558 lesson and checks that do not apply', () => {
    const result = investigation([
      finding('LOG-001', 'pass'),
      finding('CA-001', 'fail', { stormLesson: undefined }),
      finding('LOG-002', 'not_applicable'),
    ]);
    expect(result.checks.map((c) => c.checkId)).toEqual(['LOG-001']);
    expect(result.answer).toBe('Yes');
  });
});

describe('open risks', () => {
  const handled = {
    checkId: 'CA-001',
    decidedBy: 'tech',
    updatedAt: '2026-11-01',
    expired: false,
    decision: { kind: 'third_party' as const, reason: 'The MSP runs MFA' },
  };

  it('a risk handled by a third party is not open; an accepted one still is', () => {
    expect(isOpen(finding('CA-001', 'fail', { decision: handled }))).toBe(false);
    expect(
      isOpen(
        finding('CA-001', 'fail', {
          decision: {
            ...handled,
            decision: { kind: 'risk_accepted', reason: 'r', owner: 'o', expiresAt: '2027-01-01' },
          },
        }),
      ),
    ).toBe(true);
  });

  it('puts the most severe first, failing before partly met', () => {
    const risks = topRisks([
      finding('A', 'warn', { severity: 'critical' }),
      finding('B', 'fail', { severity: 'medium' }),
      finding('C', 'fail', { severity: 'critical' }),
      finding('D', 'fail', { severity: 'high' }),
      finding('E', 'pass', { severity: 'critical' }),
    ]);
    expect(risks.map((r) => r.checkId)).toEqual(['C', 'A', 'D']);
  });
});
