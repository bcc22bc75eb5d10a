import { describe, expect, it } from 'vitest';
import { CancelledError } from './cancelled';
import { ThrottlePacer } from './pacer';

const SIGN_INS = 'https://graph.microsoft.com/v1.0/auditLogs/signIns';
const SCORES = 'https://graph.microsoft.com/v1.0/security/secureScores';

describe('ThrottlePacer', () => {
  it('lets 5 report reads go at once and makes the sixth wait about 2 seconds', async () => {
    let now = 0;
    const pacer = new ThrottlePacer({ now: () => now });
    for (let i = 0; i < 5; i++) expect(pacer.tryAcquire(`${SIGN_INS}?i=${i}`)).toBeDefined();
    expect(pacer.tryAcquire(SIGN_INS)).toBeUndefined();
    const waits: number[] = [];
    now = 1000;
    const controller = new AbortController();
    const pending = pacer.acquire(SIGN_INS, controller.signal, (ms) => waits.push(ms));
    await Promise.resolve();
    expect(waits[0]).toBeGreaterThanOrEqual(1000);
    expect(waits[0]).toBeLessThan(1100);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
  });

  it('keeps Secure Score reads to 4 at a time', async () => {
    const pacer = new ThrottlePacer();
    const slots = await Promise.all([1, 2, 3, 4].map((i) => pacer.acquire(`${SCORES}?i=${i}`)));
    expect(pacer.tryAcquire(SCORES)).toBeUndefined();
    let fifth = false;
    const waiting = pacer.acquire(SCORES).then((release) => {
      fifth = true;
      return release;
    });
    await Promise.resolve();
    expect(fifth).toBe(false);
    slots[0]!();
    (await waiting)();
    expect(fifth).toBe(true);
  });

  it('holds a whole bucket after Graph throttled one of its reads', () => {
    let now = 0;
    const pacer = new ThrottlePacer({ now: () => now });
    pacer.holdOff(`${SIGN_INS}?x=1`, 3000);
    expect(pacer.tryAcquire(SIGN_INS)).toBeUndefined();
    now = 2999;
    expect(pacer.tryAcquire(SIGN_INS)).toBeUndefined();
    now = 3000;
    expect(pacer.tryAcquire(SIGN_INS)).toBeDefined();
  });
});
