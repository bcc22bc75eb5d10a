import { describe, expect, it } from 'vitest';
import { IG1_TOTAL, ig1Summary, ig1View, isIg1Safeguard } from './cis-ig1';

describe('IG1 safeguards', () => {
  it('lists the 56 safeguards of Implementation Group 1', () => {
    expect(IG1_TOTAL).toBe(56);
    expect(isIg1Safeguard('6.5')).toBe(true);
    expect(isIg1Safeguard('6.8')).toBe(false);
  });

  it('combines the checks of each safeguard and ignores IG2/IG3 safeguards', () => {
    const view = ig1View([
      { checkId: 'A', verdict: 'pass', cisControls: ['6.3', '6.8'] },
      { checkId: 'B', verdict: 'fail', cisControls: ['6.3'] },
      { checkId: 'C', verdict: 'pass', cisControls: ['10.1'] },
      { checkId: 'D', verdict: 'fail', cisControls: ['5.4'] },
      { checkId: 'E', verdict: 'unknown', cisControls: ['8.2'] },
    ]);
    expect(view.map((r) => [r.safeguard, r.status])).toEqual([
      ['5.4', 'not_met'],
      ['6.3', 'partly'],
      ['8.2', 'not_assessed'],
      ['10.1', 'met'],
    ]);
    expect(ig1Summary(view)).toBe(
      'Our checks touch 4 of the 56 IG1 safeguards: 1 met, 1 partly met, 1 not met, 1 could not be assessed. The rest need a process or device check outside Microsoft 365.',
    );
  });
});
