import type { TenantFixture } from '../../shared/fixture/tenant-fixture';
import type { AuthorizationCodes } from './authorization-codes';
import { DEFAULT_PERMISSIONS, type SimClient } from './clients';
import type { DeviceCodes } from './device-codes';
import type { EntraProblem } from './entra-error';
import type { SeededIds } from './seeded-ids';
import type { SimUser, TokenService } from './tokens';

/** Everything the Entra endpoints share. */
export interface EntraContext {
  readonly fixture: TenantFixture;
  readonly ids: SeededIds;
  readonly tokens: TokenService;
  readonly now: () => number;
  /** Registered clients by lower-case client id. */
  readonly clients: ReadonlyMap<string, SimClient>;
  /** The person user flows sign in. */
  readonly user: SimUser;
  readonly deviceCodes: DeviceCodes;
  readonly authorizationCodes: AuthorizationCodes;
  /** Seconds MSAL waits between device-code polls. */
  readonly deviceCodeInterval: number;
}

/** A tenant path segment: the simulated tenant, or a multi-tenant alias. */
export type TenantRef =
  | { readonly kind: 'tenant'; readonly id: string }
  | { readonly kind: 'any'; readonly segment: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collection(fixture: TenantFixture, key: string): Record<string, unknown>[] {
  const body = fixture.graph[key]?.body;
  return isRecord(body) && Array.isArray(body.value) ? body.value.filter(isRecord) : [];
}

/** Domain names of the simulated tenant (default domain, `/domains`, verified domains). */
export function knownDomains(fixture: TenantFixture): Set<string> {
  const names = new Set([fixture.tenant.defaultDomain.toLowerCase()]);
  for (const d of collection(fixture, 'GET /v1.0/domains')) {
    if (typeof d.id === 'string') names.add(d.id.toLowerCase());
  }
  for (const org of collection(fixture, 'GET /v1.0/organization')) {
    const verified = Array.isArray(org.verifiedDomains) ? org.verifiedDomains : [];
    for (const v of verified) {
      if (isRecord(v) && typeof v.name === 'string') names.add(v.name.toLowerCase());
    }
  }
  return names;
}

/** Which tenant a path segment names; undefined when it is not this tenant. */
export function resolveTenant(fixture: TenantFixture, segment: string): TenantRef | undefined {
  const lower = segment.toLowerCase();
  if (lower === 'organizations' || lower === 'common') return { kind: 'any', segment: lower };
  if (lower === fixture.tenant.id.toLowerCase() || knownDomains(fixture).has(lower)) {
    return { kind: 'tenant', id: fixture.tenant.id };
  }
  return undefined;
}

export function tenantNotFound(segment: string, error = 'invalid_request'): EntraProblem {
  return {
    status: 400,
    error,
    code: 90002,
    description: `Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
  };
}

/** The first user of the fixture's `/users`, else an administrator of the default domain. */
export function defaultSignedInUser(fixture: TenantFixture, ids: SeededIds): SimUser {
  const first = collection(fixture, 'GET /v1.0/users')[0];
  if (first && typeof first.id === 'string' && typeof first.userPrincipalName === 'string') {
    return {
      id: first.id,
      userPrincipalName: first.userPrincipalName,
      displayName:
        typeof first.displayName === 'string' ? first.displayName : first.userPrincipalName,
    };
  }
  return {
    id: ids.guid('signed-in-user'),
    userPrincipalName: `admin@${fixture.tenant.defaultDomain}`,
    displayName: 'Administrator',
  };
}

export function unknownClient(clientId: string, fixture: TenantFixture): EntraProblem {
  return {
    status: 400,
    error: 'unauthorized_client',
    code: 700016,
    description: `Application with identifier '${clientId}' was not found in the directory '${fixture.tenant.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
  };
}

const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
const GRAPH_PREFIXES = ['https://graph.microsoft.com/', '00000003-0000-0000-c000-000000000000/'];

export interface DelegatedScopes {
  /** The OpenID scopes asked for (lower case). */
  readonly oidc: ReadonlySet<string>;
  /** Graph permission names for the access token's `scp`. */
  readonly permissions: readonly string[];
}

function splitScope(scope: string): string[] {
  return scope.split(/\s+/).filter((s) => s !== '');
}

function graphPermission(scope: string): string | undefined {
  const prefix = GRAPH_PREFIXES.find((p) => scope.toLowerCase().startsWith(p));
  if (prefix) return scope.slice(prefix.length);
  return /[:/]/.test(scope) ? undefined : scope;
}

function invalidResource(scope: string, fixture: TenantFixture): EntraProblem {
  return {
    status: 400,
    error: 'invalid_resource',
    code: 500011,
    description: `The resource principal named ${scope} was not found in the tenant named ${fixture.tenant.displayName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
  };
}

/** Reads the `scope` of a user flow: OpenID scopes plus Graph permissions. */
export function parseDelegatedScopes(
  scope: string,
  client: SimClient,
  fixture: TenantFixture,
): { ok: true; value: DelegatedScopes } | { ok: false; problem: EntraProblem } {
  const oidc = new Set<string>();
  const permissions: string[] = [];
  for (const s of splitScope(scope)) {
    if (OIDC_SCOPES.has(s.toLowerCase())) {
      oidc.add(s.toLowerCase());
      continue;
    }
    const permission = graphPermission(s);
    if (permission === undefined) return { ok: false, problem: invalidResource(s, fixture) };
    if (permission === '.default') permissions.push(...(client.permissions ?? DEFAULT_PERMISSIONS));
    else permissions.push(permission);
  }
  if (permissions.length === 0) permissions.push('User.Read');
  return { ok: true, value: { oidc, permissions: [...new Set(permissions)] } };
}

/** Reads the `scope` of client credentials: exactly one `<resource>/.default`, for Graph. */
export function checkAppOnlyScope(scope: string, fixture: TenantFixture): EntraProblem | undefined {
  const scopes = splitScope(scope).filter((s) => !OIDC_SCOPES.has(s.toLowerCase()));
  const bad = scopes.find((s) => !s.endsWith('/.default'));
  if (scopes.length !== 1 || bad !== undefined) {
    return {
      status: 400,
      error: 'invalid_scope',
      code: 1002012,
      description: `The provided value for scope ${bad ?? scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    };
  }
  const only = scopes[0] ?? '';
  if (graphPermission(only) !== '.default')
    return invalidResource(only.replace(/\/\.default$/, ''), fixture);
  return undefined;
}

export interface UserTokenOptions {
  readonly client: SimClient;
  /** The scope string the client asked for; echoed so MSAL caches under the scopes it asked for. */
  readonly scope: string;
  readonly scopes: DelegatedScopes;
  /** `scheme://host` of the authority the client used. */
  readonly origin: string;
  readonly nonce?: string;
  readonly clientInfo: boolean;
}

/** The token response of a user flow (device code, auth code, refresh). */
export function userTokenResponse(
  ctx: EntraContext,
  options: UserTokenOptions,
): Record<string, unknown> {
  const tenantId = ctx.fixture.tenant.id;
  const access = ctx.tokens.mintAccessToken({
    tenantId,
    clientId: options.client.clientId,
    user: ctx.user,
    scopes: options.scopes.permissions,
  });
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: options.scope,
    expires_in: access.expiresIn,
    ext_expires_in: access.expiresIn,
    access_token: access.token,
  };
  if (options.scopes.oidc.has('offline_access')) {
    body.refresh_token = ctx.tokens.issueRefreshToken({
      clientId: options.client.clientId,
      tenantId,
      user: ctx.user,
    });
  }
  if (options.scopes.oidc.has('openid')) {
    body.id_token = ctx.tokens.mintIdToken({
      tenantId,
      clientId: options.client.clientId,
      user: ctx.user,
      authorityOrigin: options.origin,
      ...(options.nonce !== undefined ? { nonce: options.nonce } : {}),
    });
  }
  if (options.clientInfo) body.client_info = ctx.tokens.clientInfo(ctx.user, tenantId);
  return body;
}
