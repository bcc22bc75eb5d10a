import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantFixture } from '../../shared/fixture/tenant-fixture';
import { FixtureError } from './load-fixture';
import { startSimulator, type Simulator } from './server';

const TENANT = 'feedface-0000-4000-8000-000000000001';
const fixture: TenantFixture = {
  format: 'tenant-fixture/1',
  tenant: { id: TENANT, displayName: 'Tailspin', defaultDomain: 'tailspin.com' },
  graph: {},
};
const PUBLIC_APP = { clientId: '22222222-0000-4000-8000-000000000001', publicClient: true };

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ fixture, clients: [PUBLIC_APP], deviceCodePendingPolls: 0 });
});
afterAll(async () => {
  await sim.close();
});

const post = (path: string, form: Record<string, string>) =>
  fetch(`${sim.base}${path}`, { method: 'POST', body: new URLSearchParams(form) });

async function userTokens(scope = 'openid profile offline_access User.Read') {
  const code = (await (
    await post(`/${TENANT}/oauth2/v2.0/devicecode`, { client_id: PUBLIC_APP.clientId, scope })
  ).json()) as {
    device_code: string;
  };
  const response = await post(`/${TENANT}/oauth2/v2.0/token`, {
    grant_type: 'device_code',
    client_id: PUBLIC_APP.clientId,
    device_code: code.device_code,
    client_info: '1',
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, string>;
}

const claims = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

describe('user tokens', () => {
  it('signs in the default user (admin@defaultDomain) with id token, client_info and refresh token', async () => {
    const body = await userTokens();
    expect(sim.signedInUser.userPrincipalName).toBe('admin@tailspin.com');
    expect(claims(body.id_token!)).toMatchObject({
      tid: TENANT,
      oid: sim.signedInUser.id,
      preferred_username: 'admin@tailspin.com',
      aud: PUBLIC_APP.clientId,
      ver: '2.0',
    });
    expect(claims(body.id_token!)).not.toHaveProperty('nonce');
    expect(JSON.parse(Buffer.from(body.client_info!, 'base64url').toString())).toEqual({
      uid: sim.signedInUser.id,
      utid: TENANT,
    });
    expect(body.refresh_token).toBeTruthy();
    expect(body.scope).toBe('openid profile offline_access User.Read');
  });

  it('rotates refresh tokens: the old one stops working', async () => {
    const first = await userTokens();
    const refresh = (token: string) =>
      post(`/${TENANT}/oauth2/v2.0/token`, {
        grant_type: 'refresh_token',
        client_id: PUBLIC_APP.clientId,
        refresh_token: token,
        scope: 'openid offline_access User.Read',
      });
    const second = (await (await refresh(first.refresh_token!)).json()) as Record<string, string>;
    expect(second.refresh_token).toBeTruthy();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    const reused = await refresh(first.refresh_token!);
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ error: 'invalid_grant', suberror: 'bad_token' });
  });

  it('runs the authorization code flow with PKCE and echoes the nonce only when sent', async () => {
    const verifier = 'a'.repeat(43);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const authorize = async (extra: Record<string, string>) => {
      const query = new URLSearchParams({
        client_id: PUBLIC_APP.clientId,
        response_type: 'code',
        redirect_uri: 'http://localhost:5555/',
        scope: 'openid profile offline_access User.Read',
        state: 's1',
        code_challenge: challenge,
        code_challenge_method: 'S256',
        ...extra,
      });
      const response = await fetch(`${sim.base}/${TENANT}/oauth2/v2.0/authorize?${query}`, {
        redirect: 'manual',
      });
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get('location')!);
      expect(location.searchParams.get('state')).toBe('s1');
      return location.searchParams.get('code')!;
    };
    const redeem = (code: string, codeVerifier: string) =>
      post(`/${TENANT}/oauth2/v2.0/token`, {
        grant_type: 'authorization_code',
        client_id: PUBLIC_APP.clientId,
        code,
        code_verifier: codeVerifier,
        redirect_uri: 'http://localhost:5555/',
      });

    const withNonce = (await (
      await redeem(await authorize({ nonce: 'n-1' }), verifier)
    ).json()) as Record<string, string>;
    expect(claims(withNonce.id_token!).nonce).toBe('n-1');
    const wrong = await redeem(await authorize({}), 'b'.repeat(43));
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });
  });

  it('refuses a redirect URI that is not loopback', async () => {
    const query = new URLSearchParams({
      client_id: PUBLIC_APP.clientId,
      response_type: 'code',
      redirect_uri: 'https://evil.example/',
      scope: 'User.Read',
    });
    const response = await fetch(`${sim.base}/${TENANT}/oauth2/v2.0/authorize?${query}`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('AADSTS50011');
  });
});

describe('bad requests', () => {
  it('names a missing parameter (AADSTS900144)', async () => {
    const response = await post(`/${TENANT}/oauth2/v2.0/token`, { client_id: PUBLIC_APP.clientId });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'invalid_request',
      error_codes: [900144],
    });
  });

  it('answers unknown endpoints with 404 and keeps serving', async () => {
    expect((await fetch(`${sim.base}/nothing`)).status).toBe(404);
    expect((await fetch(`${sim.base}/${TENANT}/oauth2/v2.0/nothing`)).status).toBe(404);
    expect((await fetch(`${sim.base}/v2.0/users`)).status).toBe(404);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${sim.base}/${TENANT}/oauth2/v2.0/token`, { method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(Buffer.alloc(1024 * 1024 + 10, 'a'));
    });
    expect(status).toBe(413);
    expect(
      (await fetch(`${sim.base}/${TENANT}/v2.0/.well-known/openid-configuration`)).status,
    ).toBe(200);
  });

  it('masks secret-like query values in the log', async () => {
    await fetch(`${sim.base}/${TENANT}/oauth2/v2.0/token?client-request-id=r1&code=abc&$top=1`, {
      method: 'POST',
    });
    expect(sim.log.at(-1)?.query).toBe('client-request-id=r1&code=***&$top=1');
  });
});

describe('startSimulator', () => {
  it('delays every answer by latencyMs', async () => {
    const slow = await startSimulator({ fixture, latencyMs: 150 });
    try {
      const started = Date.now();
      expect(
        (await fetch(`${slow.base}/${TENANT}/v2.0/.well-known/openid-configuration`)).status,
      ).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      await slow.close();
    }
  });

  it('validates the fixture and the options', async () => {
    await expect(
      startSimulator({ fixture: { ...fixture, format: 'x' } as unknown as TenantFixture }),
    ).rejects.toBeInstanceOf(FixtureError);
    await expect(startSimulator({ fixture, clients: [PUBLIC_APP, PUBLIC_APP] })).rejects.toThrow(
      /registered twice/,
    );
    await expect(startSimulator({ fixture, port: sim.port })).rejects.toThrow(/already in use/);
  });
});
