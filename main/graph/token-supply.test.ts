import { describe, expect, it } from 'vitest';
import { TokenSupply } from './token-supply';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A token source like MSAL's: a cached token, replaced only when a refresh is forced. */
function fakeSource() {
  let cached = 'token-1';
  let issued = 1;
  const calls: string[] = [];
  let failNext = false;
  const pending: (() => void)[] = [];
  const source = async (options?: { forceRefresh?: boolean }) => {
    calls.push(options?.forceRefresh ? 'refresh' : 'cache');
    if (!options?.forceRefresh) return cached;
    // A refresh waits for the test to let it finish, so callers can pile up meanwhile.
    await new Promise<void>((resolve) => pending.push(resolve));
    if (failNext) {
      failNext = false;
      throw new Error('sign-in expired');
    }
    issued += 1;
    cached = `token-${issued}`;
    return cached;
  };
  return {
    source,
    calls,
    failNextRefresh: () => {
      failNext = true;
    },
    finishRefreshes: async () => {
      // Let the callers reach the source first.
      await tick();
      pending.splice(0).forEach((resolve) => resolve());
    },
  };
}

describe('TokenSupply', () => {
  it('hands out the cached token for normal requests', async () => {
    const fake = fakeSource();
    const supply = new TokenSupply(fake.source);
    expect(await supply.current()).toBe('token-1');
    expect(await supply.current()).toBe('token-1');
    expect(fake.calls).toEqual(['cache', 'cache']);
  });

  it('replaces a rejected token once for every request that saw it rejected', async () => {
    const fake = fakeSource();
    const supply = new TokenSupply(fake.source);
    const waiting = [
      supply.replacing('token-1'),
      supply.replacing('token-1'),
      supply.replacing('token-1'),
    ];
    await tick();
    // A normal request while the refresh is on its way waits for the new token.
    waiting.push(supply.current());
    await fake.finishRefreshes();
    expect(await Promise.all(waiting)).toEqual(['token-2', 'token-2', 'token-2', 'token-2']);
    expect(fake.calls.filter((c) => c === 'refresh')).toHaveLength(1);

    // A request whose rejection arrives late finds the replacement in the cache.
    expect(await supply.replacing('token-1')).toBe('token-2');
    expect(fake.calls.filter((c) => c === 'refresh')).toHaveLength(1);

    // The replacement rejected in turn is replaced again.
    const again = supply.replacing('token-2');
    await fake.finishRefreshes();
    expect(await again).toBe('token-3');
  });

  it('fetches a fresh token when the rejected one is not known', async () => {
    const fake = fakeSource();
    const supply = new TokenSupply(fake.source);
    const waiting = [supply.replacing(undefined), supply.replacing(undefined)];
    await fake.finishRefreshes();
    expect(await Promise.all(waiting)).toEqual(['token-2', 'token-2']);
    expect(fake.calls).toEqual(['refresh']);
  });

  it('passes a failed refresh to every waiting request, and tries again next time', async () => {
    const fake = fakeSource();
    const supply = new TokenSupply(fake.source);
    fake.failNextRefresh();
    const waiting = [supply.replacing('token-1'), supply.replacing('token-1')];
    await fake.finishRefreshes();
    for (const result of await Promise.allSettled(waiting)) {
      expect(result).toMatchObject({ status: 'rejected', reason: { message: 'sign-in expired' } });
    }
    const retry = supply.replacing('token-1');
    await fake.finishRefreshes();
    expect(await retry).toBe('token-2');
  });
});
