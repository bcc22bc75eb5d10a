import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SeededIds } from './seeded-ids';

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

/** The person a user flow signs in. */
export interface SimUser {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string;
}

export type TokenClaims = Record<string, unknown> & {
  readonly tid: string;
  readonly exp: number;
};

export interface AccessTokenRequest {
  readonly tenantId: string;
  readonly clientId: string;
  /** Present for delegated (user) tokens. */
  readonly user?: SimUser;
  /** Delegated permission names (short form, e.g. `Policy.Read.All`). */
  readonly scopes?: readonly string[];
  /** Application permission names for app-only tokens. */
  readonly roles?: readonly string[];
}

export interface IdTokenRequest {
  readonly tenantId: string;
  readonly clientId: string;
  readonly user: SimUser;
  /** `https://host` the client used for the authority. */
  readonly authorityOrigin: string;
  readonly nonce?: string;
}

/** What a refresh token stands for. */
export interface RefreshGrant {
  readonly clientId: string;
  readonly tenantId: string;
  readonly user: SimUser;
}

export type TokenCheck =
  | { readonly ok: true; readonly claims: TokenClaims }
  | {
      readonly ok: false;
      readonly reason: 'malformed' | 'signature' | 'expired' | 'not_yet_valid';
    };

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Mints and checks the simulator's tokens: JWT-shaped, signed with HMAC-SHA256 under a key derived
 * from the seed. Refresh tokens are opaque, remembered in memory and replaced on every use.
 */
export class TokenService {
  private readonly key: Buffer;
  private readonly kid: string;
  private readonly refreshTokens = new Map<string, RefreshGrant>();
  /** `uti` of access tokens expired ahead of their `exp`. */
  private readonly expiredTokenIds = new Set<string>();

  constructor(
    private readonly ids: SeededIds,
    private readonly now: () => number,
    readonly lifetimeSeconds: number,
  ) {
    this.key = ids.bytes('token-signing-key');
    this.kid = ids.bytes('token-key-id').toString('base64url').slice(0, 27);
  }

  private nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  private sign(payload: Record<string, unknown>): string {
    const head = b64({ typ: 'JWT', alg: 'HS256', kid: this.kid });
    const body = b64(payload);
    const mac = createHmac('sha256', this.key).update(`${head}.${body}`).digest('base64url');
    return `${head}.${body}.${mac}`;
  }

  /** The object id the tenant gives an app's service principal. */
  servicePrincipalId(clientId: string): string {
    return this.ids.guid(`service-principal/${clientId.toLowerCase()}`);
  }

  mintAccessToken(request: AccessTokenRequest): { token: string; expiresIn: number } {
    const iat = this.nowSeconds();
    const exp = iat + this.lifetimeSeconds;
    const common = {
      aud: GRAPH_AUDIENCE,
      iss: `https://sts.windows.net/${request.tenantId}/`,
      iat,
      nbf: iat,
      exp,
      tid: request.tenantId,
      appid: request.clientId,
      ver: '1.0',
      uti: this.ids.nextOpaque('token-uti', 22),
    };
    const payload = request.user
      ? {
          ...common,
          idtyp: 'user',
          oid: request.user.id,
          sub: this.pairwiseSubject(request.user.id, GRAPH_AUDIENCE),
          upn: request.user.userPrincipalName,
          unique_name: request.user.userPrincipalName,
          name: request.user.displayName,
          scp: (request.scopes ?? []).join(' '),
        }
      : {
          ...common,
          idtyp: 'app',
          oid: this.servicePrincipalId(request.clientId),
          sub: this.servicePrincipalId(request.clientId),
          roles: [...(request.roles ?? [])],
        };
    return { token: this.sign(payload), expiresIn: this.lifetimeSeconds };
  }

  mintIdToken(request: IdTokenRequest): string {
    const iat = this.nowSeconds();
    return this.sign({
      aud: request.clientId,
      iss: `${request.authorityOrigin}/${request.tenantId}/v2.0`,
      iat,
      nbf: iat,
      exp: iat + this.lifetimeSeconds,
      name: request.user.displayName,
      oid: request.user.id,
      preferred_username: request.user.userPrincipalName,
      sub: this.pairwiseSubject(request.user.id, request.clientId),
      tid: request.tenantId,
      ver: '2.0',
      ...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
    });
  }

  /** `client_info`: tells MSAL the home account (`uid.utid`). */
  clientInfo(user: SimUser, tenantId: string): string {
    return Buffer.from(JSON.stringify({ uid: user.id, utid: tenantId })).toString('base64url');
  }

  issueRefreshToken(grant: RefreshGrant): string {
    const token = `1.${this.ids.nextOpaque('refresh-token', 86)}`;
    this.refreshTokens.set(token, grant);
    return token;
  }

  /** What a refresh token stands for, without using it up. */
  peekRefreshToken(token: string): RefreshGrant | undefined {
    return this.refreshTokens.get(token);
  }

  /** Takes a refresh token out of circulation and returns what it stood for. */
  redeemRefreshToken(token: string): RefreshGrant | undefined {
    const grant = this.refreshTokens.get(token);
    if (grant) this.refreshTokens.delete(token);
    return grant;
  }

  /**
   * Treats an access token as expired from now on, although its `exp` is still ahead: what Graph
   * does when its clock runs ahead of the client's, which still holds the token as valid.
   */
  expire(claims: TokenClaims): void {
    if (typeof claims.uti === 'string') this.expiredTokenIds.add(claims.uti);
  }

  /** Checks a bearer token: signed by this simulator's key and inside its lifetime. */
  verify(token: string): TokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3 || parts.some((p) => !p)) return { ok: false, reason: 'malformed' };
    const [head, body, mac] = parts as [string, string, string];
    const expected = createHmac('sha256', this.key).update(`${head}.${body}`).digest();
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { ok: false, reason: 'signature' };
    }
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (!claims || typeof claims !== 'object') return { ok: false, reason: 'malformed' };
    const c = claims as Record<string, unknown>;
    if (typeof c.tid !== 'string' || typeof c.exp !== 'number')
      return { ok: false, reason: 'malformed' };
    const now = this.nowSeconds();
    if (c.exp <= now) return { ok: false, reason: 'expired' };
    if (typeof c.uti === 'string' && this.expiredTokenIds.has(c.uti)) {
      return { ok: false, reason: 'expired' };
    }
    if (typeof c.nbf === 'number' && c.nbf > now + 300)
      return { ok: false, reason: 'not_yet_valid' };
    return { ok: true, claims: c as TokenClaims };
  }

  private pairwiseSubject(oid: string, audience: string): string {
    return this.ids.bytes(`sub/${oid}/${audience}`).toString('base64url').slice(0, 43);
  }
}
