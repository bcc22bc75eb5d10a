import { describe, expect, it } from 'vitest';
import { diffScans } from './scan-diff';

describe('diffScans', () => {
  it('sorts checks into fixed, newly failing, still failing and newly unknown', () => {
    const diff = diffScans(
      [
        { checkId: 'A', verdict: 'fail' },
        { checkId: 'B', verdict: 'pass' },
        { checkId: 'C', verdict: 'warn' },
        { checkId: 'D', verdict: 'pass' },
        { checkId: 'E', verdict: 'unknown' },
      ],
      [
        { checkId: 'A', verdict: 'pass' },
        { checkId: 'B', verdict: 'fail' },
        { checkId: 'C', verdict: 'fail' },
        { checkId: 'D', verdict: 'unknown' },
        { checkId: 'E', verdict: 'warn' },
        { checkId: 'F', verdict: 'fail' },
      ],
    );
    expect(diff).toEqual({
      fixed: ['A'],
      newlyFailing: ['B', 'E', 'F'],
      stillFailing: ['C'],
      newlyUnknown: ['D'],
      added: ['F'],
    });
  });
});
