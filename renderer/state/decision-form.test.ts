import { describe, expect, it } from 'vitest';
import {
  auditText,
  decisionSummary,
  draftOf,
  EMPTY_DRAFT,
  validateDecision,
} from './decision-form';

const today = '2026-11-28';

describe('validateDecision', () => {
  it('requires reason, owner and a future review date to accept a risk', () => {
    const result = validateDecision(
      { ...EMPTY_DRAFT, kind: 'risk_accepted', expiresAt: '2026-11-28' },
      today,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        reason: 'Say why the business accepts this risk.',
        owner: 'Name the person who owns this risk.',
        expiresAt: 'The review date must be in the future.',
      },
    });
  });

  it('accepts a complete risk acceptance, trimmed', () => {
    const result = validateDecision(
      {
        ...EMPTY_DRAFT,
        kind: 'risk_accepted',
        reason: '  Vendor needs it ',
        owner: 'Sam',
        expiresAt: '2027-03-01',
      },
      today,
    );
    expect(result).toEqual({
      ok: true,
      decision: {
        kind: 'risk_accepted',
        reason: 'Vendor needs it',
        owner: 'Sam',
        expiresAt: '2027-03-01',
      },
    });
  });

  it('needs a due date for a plan, and drops empty optional fields', () => {
    expect(validateDecision({ ...EMPTY_DRAFT, kind: 'planned' }, today).ok).toBe(false);
    expect(
      validateDecision({ ...EMPTY_DRAFT, kind: 'planned', dueDate: '2026-12-15' }, today),
    ).toEqual({
      ok: true,
      decision: { kind: 'planned', dueDate: '2026-12-15' },
    });
  });

  it('needs a reason for a compensating control, a third party or an incorrect result', () => {
    for (const kind of ['compensating_control', 'third_party', 'incorrect_result'] as const) {
      expect(validateDecision({ ...EMPTY_DRAFT, kind }, today).ok).toBe(false);
      expect(validateDecision({ ...EMPTY_DRAFT, kind, reason: 'MSP handles it' }, today)).toEqual({
        ok: true,
        decision: { kind, reason: 'MSP handles it' },
      });
    }
  });
});

describe('draftOf and decisionSummary', () => {
  it('round-trips a stored decision into the form', () => {
    expect(
      draftOf({
        kind: 'risk_accepted',
        reason: 'r',
        owner: 'o',
        expiresAt: '2027-01-02T00:00:00Z',
      }),
    ).toMatchObject({ kind: 'risk_accepted', expiresAt: '2027-01-02' });
    expect(draftOf(undefined)).toEqual(EMPTY_DRAFT);
  });
  it('describes accepted and expired risks in one line', () => {
    const stored = {
      checkId: 'CA-001',
      decidedBy: 'me',
      updatedAt: '2026-01-01',
      decision: {
        kind: 'risk_accepted' as const,
        reason: 'Legacy scanner',
        owner: 'Sam',
        expiresAt: '2027-03-01',
      },
    };
    expect(decisionSummary({ ...stored, expired: false })).toBe(
      'Risk accepted by Sam until 1 Mar 2027: Legacy scanner',
    );
    expect(decisionSummary({ ...stored, expired: true })).toBe(
      'Risk acceptance by Sam expired on 1 Mar 2027; review it.',
    );
  });
});

describe('auditText', () => {
  it('describes a decision or its removal', () => {
    const base = {
      checkId: 'CA-005',
      action: 'set',
      actor: 'you',
      at: '2026-11-28T12:00:00Z',
      before: null,
    };
    expect(
      auditText({
        ...base,
        after: { kind: 'risk_accepted', reason: 'Scanner', owner: 'Sam', expiresAt: '2027-03-01' },
      }),
    ).toBe('Risk accepted by Sam until 1 Mar 2027: Scanner');
    expect(auditText({ ...base, action: 'cleared', after: null })).toBe('Decision removed');
  });
});
