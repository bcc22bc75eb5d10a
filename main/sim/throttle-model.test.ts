import { describe, expect, it } from 'vitest';
import { requestKey, ThrottleModel } from './throttle-model';

function model(users = 10) {
  let now = 1_000_000;
  const m = new ThrottleModel({ users, tenantId: 't1', now: () => now });
  return { m, advance: (ms: number) => (now += ms) };
}

const none = new URLSearchParams();
const admit = (m: ThrottleModel, path: string, query = none) =>
  m.admit(requestKey('GET', path, query), path, query);

describe('ThrottleModel', () => {
  it('allows 5 report reads per 10 seconds and names the wait in Retry-After', () => {
    const { m, advance } = model();
    for (let i = 0; i < 5; i++) {
      const a = admit(m, `/v1.0/auditLogs/signIns`, new URLSearchParams({ n: String(i) }));
      expect(a.ok).toBe(true);
      if (a.ok) a.release();
    }
    const sixth = admit(m, '/v1.0/reports/authenticationMethods/userRegistrationDetails');
    expect(sixth).toMatchObject({ ok: false, retryAfter: 2 });
    expect(sixth.headers['retry-after']).toBe('2');
    expect(sixth.headers['x-ms-throttle-scope']).toMatch(/^Tenant_Application\/Read\//);
    advance(2000);
    expect(admit(m, '/v1.0/reports/authenticationMethods/userRegistrationDetails').ok).toBe(true);
  });

  it('throttles Conditional Access to one read a second, without Retry-After', () => {
    const { m, advance } = model();
    expect(admit(m, '/v1.0/identity/conditionalAccess/policies').ok).toBe(true);
    const second = admit(m, '/beta/identityProtection/riskyUsers');
    expect(second.ok).toBe(false);
    expect(second.headers['retry-after']).toBeUndefined();
    advance(1000);
    expect(admit(m, '/beta/identityProtection/riskyUsers').ok).toBe(true);
  });

  it('lets 4 security reads run at once, not 5', () => {
    const { m } = model();
    const running = Array.from({ length: 4 }, (_, i) =>
      admit(m, '/v1.0/security/secureScores', new URLSearchParams({ i: String(i) })),
    );
    expect(running.every((a) => a.ok)).toBe(true);
    expect(admit(m, '/v1.0/security/secureScoreControlProfiles').ok).toBe(false);
    const first = running[0]!;
    if (first.ok) first.release();
    const other = new URLSearchParams({ $top: '1' });
    expect(admit(m, '/v1.0/security/secureScoreControlProfiles', other).ok).toBe(true);
  });

  it('charges directory reads in resource units and warns from 80 % use', () => {
    const { m } = model(10);
    const users = admit(m, '/v1.0/users');
    expect(users.headers['x-ms-resource-unit']).toBe('2');
    const selected = admit(m, '/v1.0/users', new URLSearchParams({ $select: 'id' }));
    expect(selected.headers['x-ms-resource-unit']).toBe('1');
    let last = selected;
    for (let i = 0; i < 2800; i++)
      last = admit(m, '/v1.0/groups', new URLSearchParams({ i: `${i}` }));
    expect(last.ok).toBe(true);
    expect(last.headers['x-ms-throttle-limit-percentage']).toBe('0.8');
    let refused;
    for (let i = 0; i < 1000 && !refused; i++) {
      const a = admit(m, '/v1.0/groups', new URLSearchParams({ j: `${i}` }));
      if (!a.ok) refused = a;
    }
    expect(refused?.headers['x-ms-throttle-information']).toBe('ResourceUnitLimitExceeded');
  });

  it('records a client that comes back before Retry-After, and refuses it', () => {
    const { m, advance } = model();
    for (let i = 0; i < 5; i++)
      admit(m, '/v1.0/auditLogs/signIns', new URLSearchParams({ i: `${i}` }));
    expect(admit(m, '/v1.0/auditLogs/signIns').ok).toBe(false);
    advance(500);
    expect(admit(m, '/v1.0/auditLogs/signIns')).toMatchObject({ ok: false, early: true });
    expect(m.earlyRetries).toEqual([{ request: 'GET /v1.0/auditLogs/signIns', earlyByMs: 1500 }]);
    advance(1500);
    expect(admit(m, '/v1.0/auditLogs/signIns').ok).toBe(true);
    expect(m.earlyRetries).toHaveLength(1);
  });
});
