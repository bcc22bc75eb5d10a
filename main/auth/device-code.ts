import {
  PublicClientApplication,
  type AccountInfo,
  type ICachePlugin,
  type INetworkModule,
} from '@azure/msal-node';
import { authorityFor, delegatedScopes } from './authority';
import { SignInError, toSignInError } from './auth-error';
import { SIGN_IN_FAILED_PAGE, SIGNED_IN_PAGE } from './sign-in-pages';
import type { AccessTokenOptions, TokenSource } from './token-source';

export interface DeviceCodePrompt {
  /** The short code the person types. */
  readonly userCode: string;
  /** Where they type it. */
  readonly verificationUri: string;
  /** Microsoft's own instruction sentence. */
  readonly message: string;
  readonly expiresInSeconds: number;
}

export interface DelegatedOptions {
  readonly clientId: string;
  /** `organizations` for a first sign-in, or a customer tenant id/domain. */
  readonly tenant: string;
  /** Graph permission names, e.g. `Policy.Read.All`. Read-only names only. */
  readonly permissions: readonly string[];
  readonly networkClient?: INetworkModule;
  readonly cachePlugin?: ICachePlugin;
}

export interface InteractiveOptions {
  /** Pre-fills the account name on Microsoft's sign-in page. */
  readonly loginHint?: string;
  /** Stops waiting for the browser; the sign-in fails with code `cancelled`. */
  readonly signal?: AbortSignal;
  /** Page the browser shows once the code is back (defaults to a plain product page). */
  readonly successHtml?: string;
  /** Page the browser shows when Microsoft returned an error. */
  readonly errorHtml?: string;
}

/** A signed-in person: silent token reuse and refresh on top of the MSAL cache. */
export class DelegatedSignIn implements TokenSource {
  private readonly app: PublicClientApplication;
  private readonly scopes: string[];
  private account: AccountInfo | undefined;

  constructor(private readonly options: DelegatedOptions) {
    this.scopes = delegatedScopes(options.permissions);
    this.app = new PublicClientApplication({
      auth: { clientId: options.clientId, authority: authorityFor(options.tenant) },
      system: options.networkClient ? { networkClient: options.networkClient } : {},
      ...(options.cachePlugin ? { cache: { cachePlugin: options.cachePlugin } } : {}),
    });
  }

  get description(): string {
    return this.account ? `${this.account.username}` : 'not signed in';
  }

  tenantId(): string | undefined {
    return this.account?.tenantId;
  }

  /** Device-code sign-in: shows a code the person enters at microsoft.com/devicelogin. */
  async signInWithDeviceCode(
    onPrompt: (prompt: DeviceCodePrompt) => void,
    signal?: AbortSignal,
  ): Promise<AccountInfo> {
    const request = {
      scopes: this.scopes,
      deviceCodeCallback: (r: {
        userCode: string;
        verificationUri: string;
        message: string;
        expiresIn: number;
      }) =>
        onPrompt({
          userCode: r.userCode,
          verificationUri: r.verificationUri,
          message: r.message,
          expiresInSeconds: r.expiresIn,
        }),
      cancel: false,
    };
    const onAbort = () => {
      request.cancel = true;
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await this.app.acquireTokenByDeviceCode(request);
      if (!result?.account) throw new Error('the sign-in returned no account');
      this.account = result.account;
      return result.account;
    } catch (error) {
      throw toSignInError(error);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Interactive sign-in in the system browser. MSAL listens on a loopback port
   * (`http://localhost:<port>`), sends the browser to Microsoft with PKCE, and takes the code
   * that Microsoft form-posts back. `openBrowser` must open the URL outside the app.
   */
  async signInInteractive(
    openBrowser: (url: string) => Promise<void>,
    options: InteractiveOptions = {},
  ): Promise<AccountInfo> {
    const { signal } = options;
    if (signal?.aborted) throw cancelledError();
    let pending: { redirectUri: string; state: string } | undefined;
    let cancelled = false;
    let openerFailed = false;
    const onAbort = () => {
      cancelled = true;
      if (pending) void cancelLoopback(pending);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await this.app.acquireTokenInteractive({
        scopes: this.scopes,
        successTemplate: options.successHtml ?? SIGNED_IN_PAGE,
        errorTemplate: options.errorHtml ?? SIGN_IN_FAILED_PAGE,
        ...(options.loginHint ? { loginHint: options.loginHint } : {}),
        openBrowser: async (url) => {
          const query = new URL(url).searchParams;
          pending = {
            redirectUri: query.get('redirect_uri') ?? '',
            state: query.get('state') ?? '',
          };
          if (cancelled) {
            await cancelLoopback(pending);
            return;
          }
          try {
            await openBrowser(url);
          } catch (error) {
            openerFailed = true;
            throw error;
          }
        },
      });
      if (!result.account) throw new Error('the sign-in returned no account');
      this.account = result.account;
      return result.account;
    } catch (error) {
      if (cancelled) throw cancelledError();
      if (openerFailed)
        throw new SignInError('Could not open the web browser to sign in.', 'browser');
      throw toSignInError(error);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Picks up an account already in the (encrypted) cache, if there is one. */
  async restore(): Promise<AccountInfo | undefined> {
    const accounts = await this.app.getTokenCache().getAllAccounts();
    this.account = accounts[0];
    return this.account;
  }

  /** The cached token while it is valid, else one redeemed with the refresh token. */
  async getAccessToken(options: AccessTokenOptions = {}): Promise<string> {
    if (!this.account) throw toSignInError(new Error('nobody is signed in'));
    try {
      const result = await this.app.acquireTokenSilent({
        account: this.account,
        scopes: this.scopes,
        ...(options.forceRefresh ? { forceRefresh: true } : {}),
      });
      return result.accessToken;
    } catch (error) {
      throw toSignInError(error);
    }
  }

  /** Removes the account and its tokens from the cache. */
  async signOut(): Promise<void> {
    const cache = this.app.getTokenCache();
    for (const account of await cache.getAllAccounts()) await cache.removeAccount(account);
    this.account = undefined;
  }
}

function cancelledError(): SignInError {
  return new SignInError('The sign-in was cancelled.', 'cancelled');
}

/**
 * MSAL's loopback has no cancel: it waits for the browser for ever. Answer it the way Microsoft
 * reports a failure (an `error` form post with the same state) so MSAL closes the port.
 */
async function cancelLoopback(pending: { redirectUri: string; state: string }): Promise<void> {
  try {
    const target = new URL(pending.redirectUri);
    if (target.hostname !== 'localhost' && target.hostname !== '127.0.0.1') return;
    target.hostname = '127.0.0.1';
    await fetch(target, {
      method: 'POST',
      body: new URLSearchParams({
        error: 'cancelled',
        error_description: 'The sign-in was cancelled.',
        state: pending.state,
      }),
    });
  } catch {
    // The loopback is already closed: nothing is waiting any more.
  }
}
