import { createHash, generateKeyPairSync } from 'node:crypto';
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimNetworkClient, startSimulator, type Simulator } from '../sim';
import { smallTenant, TENANT_ID } from '../../test/helpers/small-tenant';
import { AppOnlySignIn } from './app-only';
import { SignInError } from './auth-error';
import { authorityFor, delegatedScopes } from './authority';
import { DelegatedSignIn } from './device-code';

const CLIENT_ID = '5eed0000-0000-4000-8000-00000000c11e';
let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const tokenRequests = () =>
  sim!.log.filter((e) => e.service === 'entra' && e.path.endsWith('/oauth2/v2.0/token'));

/** An in-memory cache store, standing in for the encrypted file the app uses. */
function memoryCache(): ICachePlugin & { stored: string | undefined } {
  const plugin = {
    stored: undefined as string | undefined,
    async beforeCacheAccess(ctx: TokenCacheContext) {
      if (plugin.stored) ctx.tokenCache.deserialize(plugin.stored);
    },
    async afterCacheAccess(ctx: TokenCacheContext) {
      if (ctx.cacheHasChanged) plugin.stored = ctx.tokenCache.serialize();
    },
  };
  return plugin;
}

describe('app-only sign-in (MSP unattended scans)', () => {
  it('signs in with a client secret against the production authority through MSAL', async () => {
    sim = await startSimulator({
      fixture: smallTenant(),
      clients: [{ clientId: CLIENT_ID, secret: 's3cret-for-tests' }],
    });
    const tokens = new AppOnlySignIn({
      clientId: CLIENT_ID,
      credential: { kind: 'secret', secret: 's3cret-for-tests' },
      networkClient: createSimNetworkClient(sim.base),
    }).forTenant(TENANT_ID);
    const first = await tokens.getAccessToken();
    const second = await tokens.getAccessToken();
    expect(first.split('.')).toHaveLength(3);
    expect(second).toBe(first);
    expect(tokenRequests()).toHaveLength(1);
    expect(tokenRequests()[0]).toMatchObject({
      grantType: 'client_credentials',
      clientId: CLIENT_ID,
    });
    expect(tokens.tenantId()).toBe(TENANT_ID);
  });

  it('fetches a new token from the token endpoint when asked to skip the cache', async () => {
    sim = await startSimulator({
      fixture: smallTenant(),
      clients: [{ clientId: CLIENT_ID, secret: 's3cret-for-tests' }],
    });
    const tokens = new AppOnlySignIn({
      clientId: CLIENT_ID,
      credential: { kind: 'secret', secret: 's3cret-for-tests' },
      networkClient: createSimNetworkClient(sim.base),
    }).forTenant(TENANT_ID);
    const cached = await tokens.getAccessToken();
    const fresh = await tokens.getAccessToken({ forceRefresh: true });
    expect(fresh).not.toBe(cached);
    expect(tokenRequests().map((e) => e.grantType)).toEqual([
      'client_credentials',
      'client_credentials',
    ]);
    // The new token replaces the old one in the cache.
    expect(await tokens.getAccessToken()).toBe(fresh);
    expect(tokenRequests()).toHaveLength(2);
  });

  it('explains a rejected secret in plain words', async () => {
    sim = await startSimulator({
      fixture: smallTenant(),
      clients: [{ clientId: CLIENT_ID, secret: 'right' }],
    });
    const tokens = new AppOnlySignIn({
      clientId: CLIENT_ID,
      credential: { kind: 'secret', secret: 'wrong' },
      networkClient: createSimNetworkClient(sim.base),
    }).forTenant(TENANT_ID);
    const error = await tokens.getAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect((error as SignInError).code).toBe('invalid_client');
    expect((error as SignInError).message).toMatch(/rejected the app credential/);
  });

  it('signs in with a certificate, and a different key is refused', async () => {
    const good = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const thumbprintSha256 = createHash('sha256')
      .update(good.publicKey.export({ type: 'spki', format: 'der' }))
      .digest('hex');
    sim = await startSimulator({
      fixture: smallTenant(),
      clients: [
        {
          clientId: CLIENT_ID,
          certificate: {
            thumbprintSha256,
            publicKeyPem: good.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
          },
        },
      ],
    });
    const signIn = (privateKey: string) =>
      new AppOnlySignIn({
        clientId: CLIENT_ID,
        credential: { kind: 'certificate', thumbprintSha256, privateKey },
        networkClient: createSimNetworkClient(sim!.base),
      }).forTenant(TENANT_ID);
    const pem = (k: typeof good.privateKey) =>
      k.export({ type: 'pkcs8', format: 'pem' }).toString();
    await expect(signIn(pem(good.privateKey)).getAccessToken()).resolves.toMatch(/\./);
    await expect(signIn(pem(other.privateKey)).getAccessToken()).rejects.toMatchObject({
      code: 'invalid_client',
    });
  });

  it('serves several customer tenants from one instance, each with its own token', async () => {
    sim = await startSimulator({
      fixture: smallTenant(),
      clients: [{ clientId: CLIENT_ID, secret: 'x' }],
    });
    const app = new AppOnlySignIn({
      clientId: CLIENT_ID,
      credential: { kind: 'secret', secret: 'x' },
      networkClient: createSimNetworkClient(sim.base),
    });
    await app.forTenant(TENANT_ID).getAccessToken();
    await app.forTenant('fabrikambakery.com').getAccessToken();
    expect(tokenRequests().map((e) => e.path)).toEqual([
      `/${TENANT_ID}/oauth2/v2.0/token`,
      '/fabrikambakery.com/oauth2/v2.0/token',
    ]);
  });
});

describe('delegated sign-in (a person, device code)', () => {
  it('signs in with a device code, reuses the token silently, and signs out for real', async () => {
    sim = await startSimulator({
      fixture: smallTenant(),
      clients: [{ clientId: CLIENT_ID, publicClient: true }],
      deviceCodeInterval: 0,
    });
    const cache = memoryCache();
    const signIn = new DelegatedSignIn({
      clientId: CLIENT_ID,
      tenant: 'organizations',
      permissions: ['Policy.Read.All', 'User.Read.All'],
      networkClient: createSimNetworkClient(sim.base),
      cachePlugin: cache,
    });
    const prompts: string[] = [];
    const account = await signIn.signInWithDeviceCode((p) =>
      prompts.push(`${p.verificationUri} ${p.userCode}`),
    );
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toMatch(/^https:\/\/microsoft\.com\/devicelogin \S+$/);
    expect(account.tenantId).toBe(TENANT_ID);
    expect(signIn.tenantId()).toBe(TENANT_ID);

    const before = tokenRequests().length;
    await signIn.getAccessToken();
    expect(tokenRequests().length).toBe(before);

    // A fresh instance finds the account in the (persisted) cache and needs no network call.
    const again = new DelegatedSignIn({
      clientId: CLIENT_ID,
      tenant: 'organizations',
      permissions: ['Policy.Read.All', 'User.Read.All'],
      networkClient: createSimNetworkClient(sim.base),
      cachePlugin: cache,
    });
    expect((await again.restore())?.username).toBe(account.username);
    await again.getAccessToken();
    expect(tokenRequests().length).toBe(before);

    await again.signOut();
    expect(await again.restore()).toBeUndefined();
    const persisted = JSON.parse(cache.stored!) as Record<string, object>;
    expect(persisted.Account).toEqual({});
    expect(persisted.RefreshToken).toEqual({});
    expect(persisted.AccessToken).toEqual({});
    await expect(again.getAccessToken()).rejects.toBeInstanceOf(SignInError);
  });

  it('redeems the refresh token for a new access token when asked to skip the cache', async () => {
    sim = await startSimulator({
      fixture: smallTenant(),
      clients: [{ clientId: CLIENT_ID, publicClient: true }],
      deviceCodeInterval: 0,
    });
    const signIn = new DelegatedSignIn({
      clientId: CLIENT_ID,
      tenant: 'organizations',
      permissions: ['Policy.Read.All'],
      networkClient: createSimNetworkClient(sim.base),
    });
    await signIn.signInWithDeviceCode(() => {});
    const cached = await signIn.getAccessToken();
    const before = tokenRequests().length;
    const fresh = await signIn.getAccessToken({ forceRefresh: true });
    expect(fresh).not.toBe(cached);
    expect(tokenRequests().slice(before)).toEqual([
      expect.objectContaining({ grantType: 'refresh_token', clientId: CLIENT_ID }),
    ]);
    expect(await signIn.getAccessToken()).toBe(fresh);
    expect(tokenRequests()).toHaveLength(before + 1);
  });

  it('explains a declined sign-in', async () => {
    sim = await startSimulator({
      fixture: smallTenant(),
      clients: [{ clientId: CLIENT_ID, publicClient: true }],
      deviceCodeInterval: 0,
      deviceCodePendingPolls: Infinity,
    });
    const signIn = new DelegatedSignIn({
      clientId: CLIENT_ID,
      tenant: 'organizations',
      permissions: ['Policy.Read.All'],
      networkClient: createSimNetworkClient(sim.base),
    });
    const result = signIn.signInWithDeviceCode((p) =>
      setTimeout(() => sim!.declineDeviceCode(p.userCode), 20),
    );
    await expect(result).rejects.toMatchObject({ message: 'The sign-in was declined.' });
  });
});

describe('authority and scopes', () => {
  it('keeps the production authority and accepts tenant ids, domains and organizations', () => {
    expect(authorityFor('organizations')).toBe('https://login.microsoftonline.com/organizations');
    expect(authorityFor(TENANT_ID)).toBe(`https://login.microsoftonline.com/${TENANT_ID}`);
    expect(authorityFor('contoso.com')).toBe('https://login.microsoftonline.com/contoso.com');
    expect(() => authorityFor('not a tenant/..')).toThrow(/not a tenant id/);
  });

  it('refuses to ask for anything but read-only permissions', () => {
    expect(delegatedScopes(['Policy.Read.All', 'RoleManagement.Read.Directory'])).toEqual([
      'https://graph.microsoft.com/Policy.Read.All',
      'https://graph.microsoft.com/RoleManagement.Read.Directory',
    ]);
    expect(() => delegatedScopes(['User.ReadWrite.All'])).toThrow(/not read-only/);
    expect(() => delegatedScopes(['Directory.AccessAsUser.All'])).toThrow(/not read-only/);
  });
});
