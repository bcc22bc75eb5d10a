import {
  ConfidentialClientApplication,
  type ICachePlugin,
  type INetworkModule,
} from '@azure/msal-node';
import { authorityFor, GRAPH_DEFAULT_SCOPE } from './authority';
import { toSignInError } from './auth-error';
import type { AccessTokenOptions, TokenSource } from './token-source';

export type AppCredential =
  | { readonly kind: 'secret'; readonly secret: string }
  | {
      readonly kind: 'certificate';
      /** Hex SHA-256 thumbprint of the certificate (DER). */
      readonly thumbprintSha256: string;
      /** PEM private key. */
      readonly privateKey: string;
    };

export interface AppOnlyOptions {
  readonly clientId: string;
  readonly credential: AppCredential;
  /** MSAL's documented network seam; absent in production (MSAL's own HTTP client). */
  readonly networkClient?: INetworkModule;
  readonly cachePlugin?: ICachePlugin;
}

/**
 * One confidential client for unattended scans. The customer tenant is the authority of each
 * request, so one instance serves every tenant an MSP manages.
 */
export class AppOnlySignIn {
  private readonly app: ConfidentialClientApplication;

  constructor(private readonly options: AppOnlyOptions) {
    const { clientId, credential } = options;
    this.app = new ConfidentialClientApplication({
      auth: {
        clientId,
        authority: authorityFor('organizations'),
        ...(credential.kind === 'secret'
          ? { clientSecret: credential.secret }
          : {
              clientCertificate: {
                thumbprintSha256: credential.thumbprintSha256,
                privateKey: credential.privateKey,
              },
            }),
      },
      system: options.networkClient ? { networkClient: options.networkClient } : {},
      ...(options.cachePlugin ? { cache: { cachePlugin: options.cachePlugin } } : {}),
    });
  }

  /** A token source for one customer tenant (id or domain). */
  forTenant(tenant: string): TokenSource {
    const authority = authorityFor(tenant);
    // App-only answers carry no id token, so MSAL cannot tell the tenant id; read it from the token.
    let resolvedTenant: string | undefined;
    return {
      description: `app ${this.options.clientId} (${this.options.credential.kind}) in ${tenant}`,
      tenantId: () => resolvedTenant,
      getAccessToken: async (options: AccessTokenOptions = {}) => {
        try {
          const result = await this.app.acquireTokenByClientCredential({
            scopes: [GRAPH_DEFAULT_SCOPE],
            authority,
            ...(options.forceRefresh ? { skipCache: true } : {}),
          });
          if (!result?.accessToken) throw new Error('no access token in the response');
          resolvedTenant = result.tenantId || tenantOfToken(result.accessToken) || resolvedTenant;
          return result.accessToken;
        } catch (error) {
          throw toSignInError(error);
        }
      },
    };
  }
}

/** The `tid` claim of a JWT access token, without verifying it (used only for labelling). */
function tenantOfToken(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      tid?: unknown;
    };
    return typeof claims.tid === 'string' ? claims.tid : undefined;
  } catch {
    return undefined;
  }
}
