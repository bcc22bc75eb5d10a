import {
  PublicClientApplication,
  type AccountInfo,
  type ICachePlugin,
  type INetworkModule,
} from '@azure/msal-node';
import { authorityFor, delegatedScopes } from './authority';
import { toSignInError } from './auth-error';
import type { TokenSource } from './token-source';

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

  /** Picks up an account already in the (encrypted) cache, if there is one. */
  async restore(): Promise<AccountInfo | undefined> {
    const accounts = await this.app.getTokenCache().getAllAccounts();
    this.account = accounts[0];
    return this.account;
  }

  async getAccessToken(): Promise<string> {
    if (!this.account) throw toSignInError(new Error('nobody is signed in'));
    try {
      const result = await this.app.acquireTokenSilent({
        account: this.account,
        scopes: this.scopes,
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
