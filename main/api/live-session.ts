import type { AccountInfo } from '@azure/msal-node';
import { ApiError, type DeviceCodeEvent, type SignInMethod } from '../../shared/api/contract';
import type { SignedInAccount } from '../../shared/api/views';
import { requiredGraphPermissions } from '../../shared/models/sources';
import { DelegatedSignIn } from '../auth/device-code';
import type { ApiHandlerDeps } from './handler-deps';
import { toApiError } from './to-api-error';

const NO_CLIENT_ID =
  'Signing in to your own tenant needs an app registration, and none is set up here. Set BREACH_READY_CLIENT_ID to its application (client) id, or explore the demo tenant.';

function toAccount(account: AccountInfo): SignedInAccount {
  return {
    username: account.username,
    ...(account.name ? { name: account.name } : {}),
    tenantId: account.tenantId,
  };
}

/**
 * The person signed in to a live tenant, if any: one sign-in at a time, cancellable, kept in the
 * (encrypted) MSAL cache when the host gives one. Tokens never leave this object.
 */
export class LiveSession {
  private signIn: DelegatedSignIn | undefined;
  private account: SignedInAccount | null = null;
  private pending: AbortController | undefined;
  private restored: Promise<void> | undefined;

  constructor(private readonly deps: ApiHandlerDeps) {}

  get available(): boolean {
    return Boolean(this.deps.clientId);
  }

  get signingIn(): boolean {
    return this.pending !== undefined;
  }

  private create(tenant: string): DelegatedSignIn {
    if (!this.deps.clientId) throw new ApiError('unavailable', NO_CLIENT_ID);
    return new DelegatedSignIn({
      clientId: this.deps.clientId,
      tenant,
      permissions: requiredGraphPermissions(),
      ...(this.deps.network?.msal ? { networkClient: this.deps.network.msal } : {}),
      ...(this.deps.cachePlugin ? { cachePlugin: this.deps.cachePlugin } : {}),
    });
  }

  /** Picks up a sign-in saved by an earlier session (once). */
  private restore(): Promise<void> {
    if (!this.available || !this.deps.cachePlugin) return Promise.resolve();
    this.restored ??= (async () => {
      const signIn = this.create('organizations');
      const account = await signIn.restore().catch(() => undefined);
      if (account && !this.account && !this.pending) {
        this.signIn = signIn;
        this.account = toAccount(account);
      }
    })();
    return this.restored;
  }

  async current(): Promise<SignedInAccount | null> {
    await this.restore();
    return this.account;
  }

  async start(
    method: SignInMethod,
    tenant: string | undefined,
    onDeviceCode: (event: DeviceCodeEvent) => void,
    now: () => Date,
  ): Promise<SignedInAccount> {
    if (!this.available) throw new ApiError('unavailable', NO_CLIENT_ID);
    if (this.pending) throw new ApiError('busy', 'A sign-in is already waiting to be finished.');
    await this.restore();
    let signIn: DelegatedSignIn;
    try {
      signIn = this.create(tenant ?? 'organizations');
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError('bad_request', 'That is not a tenant id or a domain name.');
    }
    const controller = new AbortController();
    this.pending = controller;
    try {
      const account =
        method === 'device-code'
          ? await signIn.signInWithDeviceCode((prompt) => {
              onDeviceCode({
                userCode: prompt.userCode,
                verificationUri: prompt.verificationUri,
                message: prompt.message,
                expiresAt: new Date(now().getTime() + prompt.expiresInSeconds * 1000).toISOString(),
              });
            }, controller.signal)
          : await signIn.signInInteractive(this.deps.openBrowser, { signal: controller.signal });
      if (controller.signal.aborted) throw new ApiError('cancelled', 'The sign-in was cancelled.');
      this.signIn = signIn;
      this.account = toAccount(account);
      return this.account;
    } catch (error) {
      if (controller.signal.aborted) throw new ApiError('cancelled', 'The sign-in was cancelled.');
      throw toApiError(error) ?? error;
    } finally {
      if (this.pending === controller) this.pending = undefined;
    }
  }

  cancel(): void {
    this.pending?.abort();
  }

  async signOut(): Promise<void> {
    this.cancel();
    await this.restore();
    const signIn = this.signIn;
    this.signIn = undefined;
    this.account = null;
    await signIn?.signOut();
  }

  /** The token source of the signed-in person, for a live scan. */
  tokens(): { tokens: DelegatedSignIn; tenantId: string } {
    if (!this.available) throw new ApiError('unavailable', NO_CLIENT_ID);
    if (!this.signIn || !this.account) {
      throw new ApiError('sign_in', 'Sign in to your Microsoft 365 tenant before scanning it.');
    }
    return { tokens: this.signIn, tenantId: this.account.tenantId };
  }
}
