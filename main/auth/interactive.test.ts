import { afterEach, describe, expect, it } from 'vitest';
import { createSimNetworkClient, startSimulator, type Simulator } from '../sim';
import { smallTenant, TENANT_ID } from '../../test/helpers/small-tenant';
import { SignInError } from './auth-error';
import { DelegatedSignIn } from './device-code';
import { SIGN_IN_FAILED_PAGE, SIGNED_IN_PAGE } from './sign-in-pages';

const CLIENT_ID = '5eed0000-0000-4000-8000-00000000c11e';
let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(): Promise<Simulator> {
  sim = await startSimulator({
    fixture: smallTenant(),
    clients: [{ clientId: CLIENT_ID, publicClient: true }],
    deviceCodeInterval: 0,
  });
  return sim;
}

function signInFor(s: Simulator, tenant = 'organizations') {
  return new DelegatedSignIn({
    clientId: CLIENT_ID,
    tenant,
    permissions: ['Policy.Read.All', 'User.Read.All'],
    networkClient: createSimNetworkClient(s.base),
  });
}

const entraPaths = (suffix: string) =>
  sim!.log.filter((e) => e.service === 'entra' && e.path.endsWith(suffix)).map((e) => e.path);

/** What a browser does: load Microsoft's page (here, the simulator's), then submit its form. */
function simBrowser(s: Simulator, seen: { url?: URL; page?: string }) {
  return async (url: string) => {
    const u = new URL(url);
    seen.url = u;
    const page = await (await fetch(`${s.base}${u.pathname}${u.search}`)).text();
    const action = (/action="([^"]+)"/.exec(page)?.[1] ?? '').replace(/&amp;/g, '&');
    const fields = Object.fromEntries(
      [...page.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    const answer = await fetch(action, { method: 'POST', body: new URLSearchParams(fields) });
    seen.page = await answer.text();
  };
}

describe('interactive sign-in (system browser, loopback, PKCE)', () => {
  it('signs in through the browser and shows the plain success page', async () => {
    const s = await start();
    const signIn = signInFor(s);
    const seen: { url?: URL; page?: string } = {};
    const account = await signIn.signInInteractive(simBrowser(s, seen), {
      loginHint: 'admin@contoso.com',
    });
    expect(account.tenantId).toBe(TENANT_ID);
    expect(signIn.description).toBe(account.username);
    const q = seen.url!.searchParams;
    expect(seen.url!.origin).toBe('https://login.microsoftonline.com');
    expect(seen.url!.pathname).toBe('/organizations/oauth2/v2.0/authorize');
    expect(q.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+$/);
    expect(q.get('response_mode')).toBe('form_post');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('login_hint')).toBe('admin@contoso.com');
    expect(q.get('scope')).toContain('https://graph.microsoft.com/Policy.Read.All');
    expect(seen.page).toBe(SIGNED_IN_PAGE);
    expect(SIGNED_IN_PAGE).not.toMatch(/https?:|<script|<link|<img/i);
    expect(sim!.log.filter((e) => e.grantType === 'authorization_code').at(-1)?.status).toBe(200);

    const before = entraPaths('/token').length;
    await expect(signIn.getAccessToken()).resolves.toMatch(/\./);
    expect(entraPaths('/token')).toHaveLength(before);
  });

  it('reports a declined consent as a plain SignInError and shows the error page', async () => {
    const s = await start();
    const signIn = signInFor(s);
    let page = '';
    const error = await signIn
      .signInInteractive(async (url) => {
        // The person pressed "Cancel" on the consent screen: Microsoft posts an error back.
        const q = new URL(url).searchParams;
        const answer = await fetch(q.get('redirect_uri')!, {
          method: 'POST',
          body: new URLSearchParams({
            error: 'access_denied',
            error_description: 'AADSTS65004: User declined to consent to access the app.',
            state: q.get('state')!,
          }),
        });
        page = await answer.text();
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect(error).toMatchObject({ code: 'access_denied', message: 'The sign-in was declined.' });
    expect(page).toBe(SIGN_IN_FAILED_PAGE);
    expect(entraPaths('/token')).toHaveLength(0);
  });

  it('stops waiting when cancelled and closes the loopback port', async () => {
    const s = await start();
    const controller = new AbortController();
    let redirect = '';
    const result = signInFor(s).signInInteractive(
      async (url) => {
        redirect = new URL(url).searchParams.get('redirect_uri')!;
        // The person never finishes in the browser.
        setTimeout(() => controller.abort(), 20);
      },
      { signal: controller.signal },
    );
    await expect(result).rejects.toMatchObject({ name: 'SignInError', code: 'cancelled' });
    const port = new URL(redirect).port;
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  it('explains a browser that could not be opened', async () => {
    const s = await start();
    const error = await signInFor(s)
      .signInInteractive(async () => {
        throw new Error('no opener');
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SignInError', code: 'browser' });
  });
});

describe('tenant choice', () => {
  it('uses organizations for a first sign-in and the customer tenant for an MSP', async () => {
    const s = await start();
    await signInFor(s).signInInteractive(simBrowser(s, {}));
    expect(entraPaths('/token')).toEqual(['/organizations/oauth2/v2.0/token']);

    const seen: { url?: URL } = {};
    const customer = signInFor(s, TENANT_ID);
    await customer.signInInteractive(simBrowser(s, seen));
    expect(seen.url!.pathname).toBe(`/${TENANT_ID}/oauth2/v2.0/authorize`);
    await customer.signInWithDeviceCode(() => undefined);
    // Device-code polling may take several token requests: all of them go to the customer tenant.
    const [first, ...customerCalls] = entraPaths('/token');
    expect(first).toBe('/organizations/oauth2/v2.0/token');
    expect(customerCalls.length).toBeGreaterThanOrEqual(2);
    expect(new Set(customerCalls)).toEqual(new Set([`/${TENANT_ID}/oauth2/v2.0/token`]));
    expect(entraPaths('/devicecode')).toEqual([`/${TENANT_ID}/oauth2/v2.0/devicecode`]);
    expect(customer.tenantId()).toBe(TENANT_ID);
  });
});
