import type { AccountInfo } from '@azure/msal-node';
import { ApiError, type DeviceCodeEvent, type SignInRequest } from '../../shared/api/contract';
import type { SignedInAccount } from '../../shared/api/views';
import { requiredGraphPermissions } from '../../shared/models/sources';
import { AppOnlySignIn } from '../auth/app-only';
import { CertificateFileError, readCertificateFile } from '../auth/certificate-file';
import { DEFAULT_PUBLIC_CLIENT_ID } from '../auth/default-client';
import { DelegatedSignIn } from '../auth/device-code';
import type { TokenSource } from '../auth/token-source';
import type { ApiHandlerDeps } from './handler-deps';
import { toApiError } from './to-api-error';

const NO_APP_REGISTRATION =
  'Signing in as an app with a certificate needs your own app registration: enter its application (client) id.';

function toAccount(account: AccountInfo): SignedInAccount {
  return {
    kind: 'person',
    username: account.username,
    ...(account.name ? { name: account.name } : {}),
    tenantId: account.tenantId,
  };
}

/** Who is signed in and where their tokens come from. Tokens never leave this object. */
type Session =
  | { readonly kind: 'person'; readonly signIn: DelegatedSignIn; readonly account: SignedInAccount }
  | { readonly kind: 'app'; readonly tokens: TokenSource; readonly account: SignedInAccount };

/**
 * The live tenant connection, if any: a person signed in (kept in the encrypted MSAL cache when
 * the host gives one), or the app itself with a certificate (kept in memory only). One sign-in at
 * a time, cancellable.
 */
export class LiveSession {
  private session: Session | undefined;
  private pending: AbortController | undefined;
  private restored: Promise<void> | undefined;

  constructor(private readonly deps: ApiHandlerDeps) {}

  get signingIn(): boolean {
    return this.pending !== undefined;
  }

  private createDelegated(tenant: string): DelegatedSignIn {
    return new DelegatedSignIn({
      clientId: this.deps.clientId ?? DEFAULT_PUBLIC_CLIENT_ID,
      tenant,
      permissions: requiredGraphPermissions(),
      ...(this.deps.network?.msal ? { networkClient: this.deps.network.msal } : {}),
      ...(this.deps.cachePlugin ? { cachePlugin: this.deps.cachePlugin } : {}),
    });
  }

  /** Picks up a sign-in saved by an earlier session (once). */
  private restore(): Promise<void> {
    if (!this.deps.cachePlugin) return Promise.resolve();
    this.restored ??= (async () => {
      const signIn = this.createDelegated('organizations');
      const account = await signIn.restore().catch(() => undefined);
      if (account && !this.session && !this.pending) {
        this.session = { kind: 'person', signIn, account: toAccount(account) };
      }
    })();
    return this.restored;
  }

  async current(): Promise<SignedInAccount | null> {
    await this.restore();
    return this.session?.account ?? null;
  }

  async start(
    request: SignInRequest,
    onDeviceCode: (event: DeviceCodeEvent) => void,
    now: () => Date,
  ): Promise<SignedInAccount> {
    if (this.pending) throw new ApiError('busy', 'A sign-in is already waiting to be finished.');
    await this.restore();
    const controller = new AbortController();
    this.pending = controller;
    try {
      const session =
        request.method === 'certificate'
          ? await this.signInAsApp(request, now)
          : await this.signInAsPerson(request, onDeviceCode, now, controller.signal);
      if (controller.signal.aborted) throw new ApiError('cancelled', 'The sign-in was cancelled.');
      const previous = this.session;
      this.session = session;
      if (previous?.kind === 'person' && session.kind === 'app') {
        await previous.signIn.signOut().catch(() => undefined);
      }
      return session.account;
    } catch (error) {
      if (controller.signal.aborted) throw new ApiError('cancelled', 'The sign-in was cancelled.');
      if (error instanceof ApiError) throw error;
      if (error instanceof CertificateFileError) throw new ApiError('bad_request', error.message);
      throw toApiError(error) ?? error;
    } finally {
      if (this.pending === controller) this.pending = undefined;
    }
  }

  private async signInAsPerson(
    request: Exclude<SignInRequest, { method: 'certificate' }>,
    onDeviceCode: (event: DeviceCodeEvent) => void,
    now: () => Date,
    signal: AbortSignal,
  ): Promise<Session> {
    let signIn: DelegatedSignIn;
    try {
      signIn = this.createDelegated(request.tenant ?? 'organizations');
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError('bad_request', 'That is not a tenant id or a domain name.');
    }
    const account =
      request.method === 'device-code'
        ? await signIn.signInWithDeviceCode((prompt) => {
            onDeviceCode({
              userCode: prompt.userCode,
              verificationUri: prompt.verificationUri,
              message: prompt.message,
              expiresAt: new Date(now().getTime() + prompt.expiresInSeconds * 1000).toISOString(),
            });
          }, signal)
        : await signIn.signInInteractive(this.deps.openBrowser, { signal });
    return { kind: 'person', signIn, account: toAccount(account) };
  }

  /** Signs in as the app registration with its certificate; a first token proves it works. */
  private async signInAsApp(
    request: Extract<SignInRequest, { method: 'certificate' }>,
    now: () => Date,
  ): Promise<Session> {
    const clientId = request.clientId ?? this.deps.clientId;
    if (!clientId) throw new ApiError('bad_request', NO_APP_REGISTRATION);
    const credential = await readCertificateFile(request.keyFile, {
      thumbprint: request.thumbprint,
      now: now(),
    });
    let tokens: TokenSource;
    try {
      tokens = new AppOnlySignIn({
        clientId,
        credential: { kind: 'certificate', ...credential },
        ...(this.deps.network?.msal ? { networkClient: this.deps.network.msal } : {}),
      }).forTenant(request.tenant);
    } catch {
      throw new ApiError('bad_request', 'That is not a tenant id or a domain name.');
    }
    await tokens.getAccessToken();
    return {
      kind: 'app',
      tokens,
      account: {
        kind: 'app',
        username: clientId,
        name: 'Breach Ready app (certificate)',
        tenantId: tokens.tenantId() ?? request.tenant,
      },
    };
  }

  cancel(): void {
    this.pending?.abort();
  }

  async signOut(): Promise<void> {
    this.cancel();
    await this.restore();
    const session = this.session;
    this.session = undefined;
    if (session?.kind === 'person') await session.signIn.signOut();
  }

  /** The token source of the live connection, for a live scan. */
  tokens(): { tokens: TokenSource; tenantId: string } {
    if (!this.session) {
      throw new ApiError('sign_in', 'Sign in to your Microsoft 365 tenant before scanning it.');
    }
    const tokens = this.session.kind === 'person' ? this.session.signIn : this.session.tokens;
    return { tokens, tenantId: this.session.account.tenantId };
  }
}
