import { describe, expect, it } from 'vitest';
import {
  CIS_IG1_SAFEGUARDS,
  compareSafeguards,
  IG1_TOTAL,
  ig1Title,
  isIg1Safeguard,
} from './cis-ig1';

describe('CIS Controls v8 IG1', () => {
  it('has the 56 safeguards of Implementation Group 1, each once', () => {
    expect(IG1_TOTAL).toBe(56);
    expect(new Set(CIS_IG1_SAFEGUARDS.map((s) => s.id)).size).toBe(56);
    const perControl = new Map<string, number>();
    for (const s of CIS_IG1_SAFEGUARDS) {
      const control = s.id.split('.')[0]!;
      perControl.set(control, (perControl.get(control) ?? 0) + 1);
    }
    // 1.1–1.2, 2.1–2.3, 3.1–3.6, 4.1–4.7, 5.1–5.4, 6.1–6.5, 7.1–7.4, 8.1–8.3, 9.1–9.2,
    // 10.1–10.3, 11.1–11.4, 12.1, 14.1–14.8, 15.1, 17.1–17.3
    expect(Object.fromEntries(perControl)).toEqual({
      '1': 2,
      '2': 3,
      '3': 6,
      '4': 7,
      '5': 4,
      '6': 5,
      '7': 4,
      '8': 3,
      '9': 2,
      '10': 3,
      '11': 4,
      '12': 1,
      '14': 8,
      '15': 1,
      '17': 3,
    });
  });

  it('tells IG1 safeguards from IG2/IG3 ones and names them', () => {
    expect(isIg1Safeguard('6.5')).toBe(true);
    expect(isIg1Safeguard('6.8')).toBe(false);
    expect(ig1Title('8.2')).toBe('Collect audit logs');
    expect(ig1Title('8.11')).toBe('8.11');
  });

  it('orders safeguard numbers numerically', () => {
    expect(['10.1', '1.10', '2.1', '1.2'].sort(compareSafeguards)).toEqual([
      '1.2',
      '1.10',
      '2.1',
      '10.1',
    ]);
  });
});
