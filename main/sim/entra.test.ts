import { createHash, generateKeyPairSync } from 'node:crypto';
import {
  ConfidentialClientApplication,
  InteractionRequiredAuthError,
  PublicClientApplication,
  ServerError,
  type AuthError,
} from '@azure/msal-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantFixture } from '../../shared/fixture/tenant-fixture';
import { createSimNetworkClient } from './seams';
import { startSimulator, type Simulator } from './server';

const TENANT = 'c0ffee00-1234-4abc-8def-000000000042';
const AUTHORITY = `https://login.microsoftonline.com/${TENANT}`;
const GRAPH_DEFAULT = ['https://graph.microsoft.com/.default'];
const DELEGATED = ['https://graph.microsoft.com/Policy.Read.All'];

const fixture: TenantFixture = {
  format: 'tenant-fixture/1',
  tenant: { id: TENANT, displayName: 'Fabrikam', defaultDomain: 'fabrikam.com' },
  graph: {
    'GET /v1.0/users': {
      status: 200,
      body: {
        value: [
          {
            id: 'aaaaaaaa-0000-4000-8000-000000000001',
            userPrincipalName: 'megan@fabrikam.com',
            displayName: 'Megan Bowen',
          },
        ],
      },
    },
    'GET /v1.0/organization': {
      status: 200,
      body: { value: [{ id: TENANT, displayName: 'Fabrikam' }] },
    },
  },
};

function rsaKeys() {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    thumbprintSha256: createHash('sha256').update(der).digest('hex'),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

const cert = rsaKeys();
const otherCert = rsaKeys();
const SECRET_APP = { clientId: '11111111-aaaa-4bbb-8ccc-000000000001', secret: 'right-secret' };
const CERT_APP = {
  clientId: '11111111-aaaa-4bbb-8ccc-000000000002',
  certificate: { thumbprintSha256: cert.thumbprintSha256, publicKeyPem: cert.publicKeyPem },
};
const PUBLIC_APP = { clientId: '11111111-aaaa-4bbb-8ccc-000000000003', publicClient: true };

let sim: Simulator;
const tokenCalls = (grantType?: string) =>
  sim.log.filter(
    (e) => e.path.endsWith('/oauth2/v2.0/token') && (!grantType || e.grantType === grantType),
  );

beforeAll(async () => {
  sim = await startSimulator({ fixture, clients: [SECRET_APP, CERT_APP, PUBLIC_APP], seed: 3 });
});
afterAll(async () => {
  await sim.close();
});

function confidential(auth: Record<string, unknown>, authority = AUTHORITY) {
  return new ConfidentialClientApplication({
    auth: { clientId: SECRET_APP.clientId, authority, ...auth },
    system: { networkClient: createSimNetworkClient(sim.base) },
  });
}

async function failure(promise: Promise<unknown>): Promise<AuthError> {
  try {
    await promise;
  } catch (error) {
    return error as AuthError;
  }
  throw new Error('expected the call to fail');
}

describe('client credentials', () => {
  it('issues a Graph token for the right secret, then serves the cache', async () => {
    const before = tokenCalls().length;
    const logBefore = sim.log.length;
    const app = confidential({ clientSecret: SECRET_APP.secret });
    const first = await app.acquireTokenByClientCredential({ scopes: GRAPH_DEFAULT });
    expect(first?.fromCache).toBe(false);
    // MSAL takes tenantId from an id token; app-only answers have none, so it stays empty.
    expect(first?.tenantId).toBe('');
    const second = await app.acquireTokenByClientCredential({ scopes: GRAPH_DEFAULT });
    expect(second?.fromCache).toBe(true);
    expect(second?.accessToken).toBe(first?.accessToken);
    expect(tokenCalls().length - before).toBe(1);
    // The production host has built-in metadata: no discovery request at all.
    expect(sim.log.slice(logBefore).map((e) => e.path)).toEqual([`/${TENANT}/oauth2/v2.0/token`]);
    expect(tokenCalls().at(-1)).toMatchObject({
      service: 'entra',
      status: 200,
      grantType: 'client_credentials',
      clientId: SECRET_APP.clientId,
    });

    const claims = JSON.parse(
      Buffer.from(first!.accessToken.split('.')[1]!, 'base64url').toString(),
    ) as Record<string, unknown>;
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      tid: TENANT,
      appid: SECRET_APP.clientId,
      idtyp: 'app',
    });
    expect(claims.roles).toContain('Policy.Read.All');

    const graph = await fetch(`${sim.base}/v1.0/organization`, {
      headers: { authorization: `Bearer ${first!.accessToken}` },
    });
    expect(graph.status).toBe(200);
  });

  it('never logs the secret or the token', async () => {
    const text = JSON.stringify(sim.log);
    expect(text).not.toContain(SECRET_APP.secret);
    expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  });

  it('works with an organizations app and the customer tenant per request', async () => {
    const app = confidential(
      { clientSecret: SECRET_APP.secret },
      'https://login.microsoftonline.com/organizations',
    );
    const result = await app.acquireTokenByClientCredential({
      scopes: GRAPH_DEFAULT,
      authority: 'https://login.microsoftonline.com/fabrikam.com',
    });
    expect(result?.accessToken).toBeTruthy();
  });

  it('rejects a wrong secret with invalid_client (AADSTS7000215)', async () => {
    const error = await failure(
      confidential({ clientSecret: 'wrong' }).acquireTokenByClientCredential({
        scopes: GRAPH_DEFAULT,
      }),
    );
    expect(error).toBeInstanceOf(ServerError);
    expect(error.errorCode).toBe('invalid_client');
    expect(error.errorMessage).toContain('AADSTS7000215');
    expect(tokenCalls().at(-1)?.status).toBe(401);
  });

  it('rejects an unknown client with unauthorized_client (AADSTS700016)', async () => {
    const app = new ConfidentialClientApplication({
      auth: {
        clientId: '99999999-0000-4000-8000-000000000000',
        authority: AUTHORITY,
        clientSecret: 'x',
      },
      system: { networkClient: createSimNetworkClient(sim.base) },
    });
    const error = await failure(app.acquireTokenByClientCredential({ scopes: GRAPH_DEFAULT }));
    expect(error.errorCode).toBe('unauthorized_client');
    expect(error.errorMessage).toContain('AADSTS700016');
  });

  it('rejects a tenant it does not know (AADSTS90002)', async () => {
    const error = await failure(
      confidential(
        { clientSecret: SECRET_APP.secret },
        'https://login.microsoftonline.com/contoso.com',
      ).acquireTokenByClientCredential({ scopes: GRAPH_DEFAULT }),
    );
    expect(error.errorMessage).toContain('AADSTS90002');
  });

  it('accepts a certificate assertion signed with the registered key and rejects another key', async () => {
    const good = new ConfidentialClientApplication({
      auth: {
        clientId: CERT_APP.clientId,
        authority: AUTHORITY,
        clientCertificate: {
          thumbprintSha256: cert.thumbprintSha256,
          privateKey: cert.privateKeyPem,
        },
      },
      system: { networkClient: createSimNetworkClient(sim.base) },
    });
    expect(
      (await good.acquireTokenByClientCredential({ scopes: GRAPH_DEFAULT }))?.accessToken,
    ).toBeTruthy();

    const bad = new ConfidentialClientApplication({
      auth: {
        clientId: CERT_APP.clientId,
        authority: AUTHORITY,
        clientCertificate: {
          thumbprintSha256: cert.thumbprintSha256,
          privateKey: otherCert.privateKeyPem,
        },
      },
      system: { networkClient: createSimNetworkClient(sim.base) },
    });
    const error = await failure(bad.acquireTokenByClientCredential({ scopes: GRAPH_DEFAULT }));
    expect(error.errorCode).toBe('invalid_client');
    expect(error.errorMessage).toContain('AADSTS700027');
  });

  it('requires a /.default scope for app-only tokens (AADSTS1002012)', async () => {
    const error = await failure(
      confidential({ clientSecret: SECRET_APP.secret }).acquireTokenByClientCredential({
        scopes: ['https://graph.microsoft.com/User.Read.All'],
      }),
    );
    expect(error.errorCode).toBe('invalid_scope');
    expect(error.errorMessage).toContain('AADSTS1002012');
  });
});

describe('discovery', () => {
  it('serves OpenID configuration for the host the client addressed', async () => {
    const response = await fetch(
      `${sim.base}/organizations/v2.0/.well-known/openid-configuration`,
      {
        headers: { 'x-forwarded-host': 'login.microsoftonline.com', 'x-forwarded-proto': 'https' },
      },
    );
    const body = (await response.json()) as Record<string, string>;
    expect(body.issuer).toBe('https://login.microsoftonline.com/{tenantid}/v2.0');
    expect(body.token_endpoint).toBe(
      'https://login.microsoftonline.com/organizations/oauth2/v2.0/token',
    );
    expect(body.device_authorization_endpoint).toBe(
      'https://login.microsoftonline.com/organizations/oauth2/v2.0/devicecode',
    );
  });

  it('works for a made-up authority host, with knownAuthorities or through instance discovery', async () => {
    for (const extra of [{ knownAuthorities: ['login.sim.test'] }, {}]) {
      const before = sim.log.length;
      const app = new ConfidentialClientApplication({
        auth: {
          clientId: SECRET_APP.clientId,
          authority: `https://login.sim.test/${TENANT}`,
          clientSecret: SECRET_APP.secret,
          ...extra,
        },
        system: { networkClient: createSimNetworkClient(sim.base) },
      });
      expect(
        (await app.acquireTokenByClientCredential({ scopes: GRAPH_DEFAULT }))?.accessToken,
      ).toBeTruthy();
      const paths = sim.log.slice(before).map((e) => `${e.status} ${e.path}`);
      expect(paths).toContain(`200 /${TENANT}/v2.0/.well-known/openid-configuration`);
      if (!('knownAuthorities' in extra)) expect(paths).toContain('200 /common/discovery/instance');
    }
  });
});

describe('device code and refresh', () => {
  it('signs in after one authorization_pending, then refreshes with the refresh_token grant', async () => {
    const pca = new PublicClientApplication({
      auth: {
        clientId: PUBLIC_APP.clientId,
        authority: 'https://login.microsoftonline.com/organizations',
      },
      system: { networkClient: createSimNetworkClient(sim.base) },
    });
    const before = tokenCalls('device_code').length;
    let userCode = '';
    const result = await pca.acquireTokenByDeviceCode({
      scopes: DELEGATED,
      deviceCodeCallback: (r) => {
        userCode = r.userCode;
        expect(r.verificationUri).toBe('https://microsoft.com/devicelogin');
        expect(r.message).toContain(r.userCode);
      },
    });
    expect(userCode).toMatch(/^[A-Z0-9]{9}$/);
    expect(
      tokenCalls('device_code')
        .slice(before)
        .map((e) => e.status),
    ).toEqual([400, 200]);
    expect(result?.account?.username).toBe('megan@fabrikam.com');
    expect(result?.account?.homeAccountId).toBe(`aaaaaaaa-0000-4000-8000-000000000001.${TENANT}`);
    expect(result?.tenantId).toBe(TENANT);
    const claims = JSON.parse(
      Buffer.from(result!.accessToken.split('.')[1]!, 'base64url').toString(),
    ) as Record<string, unknown>;
    expect(claims).toMatchObject({
      scp: 'Policy.Read.All',
      upn: 'megan@fabrikam.com',
      idtyp: 'user',
    });

    const cached = await pca.acquireTokenSilent({ account: result!.account!, scopes: DELEGATED });
    expect(cached.fromCache).toBe(true);

    const refreshesBefore = tokenCalls('refresh_token').length;
    const refreshed = await pca.acquireTokenSilent({
      account: result!.account!,
      scopes: DELEGATED,
      forceRefresh: true,
    });
    expect(refreshed.fromCache).toBe(false);
    expect(refreshed.accessToken).not.toBe(result!.accessToken);
    expect(
      tokenCalls('refresh_token')
        .slice(refreshesBefore)
        .map((e) => e.status),
    ).toEqual([200]);
  });

  it('waits for approveDeviceCode when auto-approval is off', async () => {
    const manual = await startSimulator({
      fixture,
      clients: [PUBLIC_APP],
      deviceCodePendingPolls: Number.POSITIVE_INFINITY,
      deviceCodeInterval: 0,
    });
    try {
      const pca = new PublicClientApplication({
        auth: { clientId: PUBLIC_APP.clientId, authority: AUTHORITY },
        system: { networkClient: createSimNetworkClient(manual.base) },
      });
      const result = await pca.acquireTokenByDeviceCode({
        scopes: DELEGATED,
        deviceCodeCallback: (r) =>
          setTimeout(() => manual.approveDeviceCode(r.userCode.toLowerCase()), 50),
      });
      expect(result?.accessToken).toBeTruthy();
      expect(() => manual.approveDeviceCode('NOPE')).toThrow(/NOPE/);
    } finally {
      await manual.close();
    }
  });

  it('reports a declined sign-in through MSAL', async () => {
    const declining = await startSimulator({
      fixture,
      clients: [PUBLIC_APP],
      deviceCodePendingPolls: Number.POSITIVE_INFINITY,
      deviceCodeInterval: 0,
    });
    try {
      const pca = new PublicClientApplication({
        auth: { clientId: PUBLIC_APP.clientId, authority: AUTHORITY },
        system: { networkClient: createSimNetworkClient(declining.base) },
      });
      const error = await failure(
        pca.acquireTokenByDeviceCode({
          scopes: DELEGATED,
          deviceCodeCallback: (r) => declining.declineDeviceCode(r.userCode),
        }),
      );
      // MSAL reports polling errors other than authorization_pending as post_request_failed.
      expect(error.errorCode).toBe('post_request_failed');
      expect(error.errorMessage).toContain('authorization_declined');
    } finally {
      await declining.close();
    }
  });

  it('answers expired_token for a device code past its lifetime', async () => {
    let now = Date.now();
    const timed = await startSimulator({ fixture, clients: [PUBLIC_APP], clock: () => now });
    try {
      const post = (path: string, form: Record<string, string>) =>
        fetch(`${timed.base}/${TENANT}/oauth2/v2.0/${path}`, {
          method: 'POST',
          body: new URLSearchParams(form),
        });
      const code = (await (
        await post('devicecode', {
          client_id: PUBLIC_APP.clientId,
          scope: 'openid offline_access User.Read',
        })
      ).json()) as {
        device_code: string;
        expires_in: number;
        interval: number;
      };
      expect(code).toMatchObject({ expires_in: 900, interval: 1 });
      now += 901_000;
      const response = await post('token', {
        grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
        client_id: PUBLIC_APP.clientId,
        device_code: code.device_code,
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ error: 'expired_token', error_codes: [70020] });
      expect(Object.keys(body)).toEqual(
        expect.arrayContaining(['error_description', 'timestamp', 'trace_id', 'correlation_id']),
      );
    } finally {
      await timed.close();
    }
  });

  it('turns an unknown refresh token into InteractionRequiredAuthError (invalid_grant, bad_token)', async () => {
    const pca = new PublicClientApplication({
      auth: { clientId: PUBLIC_APP.clientId, authority: AUTHORITY },
      system: { networkClient: createSimNetworkClient(sim.base) },
    });
    const error = await failure(
      pca.acquireTokenByRefreshToken({ refreshToken: 'not-a-real-token', scopes: DELEGATED }),
    );
    expect(error).toBeInstanceOf(InteractionRequiredAuthError);
    expect(error.errorCode).toBe('invalid_grant');
    expect(error.subError).toBe('bad_token');
  });
});

describe('interactive sign-in (authorization code with PKCE)', () => {
  it('auto-consents and posts the code back to the loopback redirect', async () => {
    const pca = new PublicClientApplication({
      auth: { clientId: PUBLIC_APP.clientId, authority: AUTHORITY },
      system: { networkClient: createSimNetworkClient(sim.base) },
    });
    const result = await pca.acquireTokenInteractive({
      scopes: DELEGATED,
      openBrowser: async (url) => {
        const u = new URL(url);
        expect(u.origin).toBe('https://login.microsoftonline.com');
        const page = await (await fetch(`${sim.base}${u.pathname}${u.search}`)).text();
        const action = /action="([^"]+)"/.exec(page)?.[1] ?? '';
        const fields = Object.fromEntries(
          [...page.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
        );
        expect(Object.keys(fields).sort()).toEqual(['client_info', 'code', 'state']);
        await fetch(action.replace(/&amp;/g, '&'), {
          method: 'POST',
          body: new URLSearchParams(fields as Record<string, string>),
        });
      },
    });
    expect(result.account?.username).toBe('megan@fabrikam.com');
    expect(tokenCalls('authorization_code').at(-1)?.status).toBe(200);
  });
});

describe('token endpoint faults', () => {
  it('answers a 503 with Retry-After, then the real token for a fresh app', async () => {
    const faulty = await startSimulator({
      fixture: {
        ...fixture,
        faults: [{ match: `POST /${TENANT}/oauth2/v2.0/token`, status: 503, retryAfter: 1 }],
      },
      clients: [SECRET_APP],
    });
    try {
      const app = () =>
        new ConfidentialClientApplication({
          auth: {
            clientId: SECRET_APP.clientId,
            authority: AUTHORITY,
            clientSecret: SECRET_APP.secret,
          },
          system: { networkClient: createSimNetworkClient(faulty.base) },
        });
      const error = await failure(app().acquireTokenByClientCredential({ scopes: GRAPH_DEFAULT }));
      expect(error.errorCode).toBe('temporarily_unavailable');
      expect(
        (await app().acquireTokenByClientCredential({ scopes: GRAPH_DEFAULT }))?.accessToken,
      ).toBeTruthy();
    } finally {
      await faulty.close();
    }
  });
});
