import { createHash } from 'node:crypto';
import { authenticateClient, DEFAULT_PERMISSIONS, type SimClient } from './clients';
import {
  checkAppOnlyScope,
  parseDelegatedScopes,
  unknownClient,
  userTokenResponse,
  type EntraContext,
  type TenantRef,
} from './entra-context';
import { missingParameter, type EntraProblem } from './entra-error';

export const DEVICE_CODE_GRANT_URN = 'urn:ietf:params:oauth:grant-type:device_code';

/** The outcome of a token or device-code request, before it is written. */
export type EntraOutcome =
  | {
      readonly ok: true;
      readonly body: Record<string, unknown>;
      readonly clientId?: string;
      readonly grantType?: string;
    }
  | {
      readonly ok: false;
      readonly problem: EntraProblem;
      readonly clientId?: string;
      readonly grantType?: string;
    };

export interface TokenRequest {
  readonly tenant: TenantRef;
  /** The tenant path segment as sent. */
  readonly segment: string;
  readonly form: URLSearchParams;
  /** `scheme://host` the client addressed. */
  readonly origin: string;
  /** The token endpoint URL as the client addressed it (no query). */
  readonly endpoint: string;
}

const problem = (p: EntraProblem, clientId?: string, grantType?: string): EntraOutcome => ({
  ok: false,
  problem: p,
  ...(clientId ? { clientId } : {}),
  ...(grantType ? { grantType } : {}),
});

const invalidGrant = (code: number, description: string, suberror?: string): EntraProblem => ({
  status: 400,
  error: 'invalid_grant',
  code,
  description,
  ...(suberror ? { suberror } : {}),
});

function findClient(ctx: EntraContext, clientId: string): SimClient | undefined {
  return ctx.clients.get(clientId.toLowerCase());
}

/** `POST /{tenant}/oauth2/v2.0/devicecode`. */
export function deviceCodeEndpoint(ctx: EntraContext, form: URLSearchParams): EntraOutcome {
  const clientId = form.get('client_id');
  if (!clientId) return problem(missingParameter('client_id'));
  const client = findClient(ctx, clientId);
  if (!client) return problem(unknownClient(clientId, ctx.fixture), clientId);
  const scope = form.get('scope');
  if (!scope) return problem(missingParameter('scope'), clientId);
  const scopes = parseDelegatedScopes(scope, client, ctx.fixture);
  if (!scopes.ok) return problem(scopes.problem, clientId);
  const entry = ctx.deviceCodes.issue(client.clientId, scope);
  const verificationUri = 'https://microsoft.com/devicelogin';
  return {
    ok: true,
    clientId,
    body: {
      user_code: entry.userCode,
      device_code: entry.deviceCode,
      verification_uri: verificationUri,
      expires_in: ctx.deviceCodes.lifetimeSeconds,
      interval: ctx.deviceCodeInterval,
      message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${entry.userCode} to authenticate.`,
    },
  };
}

/** `POST /{tenant}/oauth2/v2.0/token`. */
export function tokenEndpoint(ctx: EntraContext, request: TokenRequest): EntraOutcome {
  const { form } = request;
  const rawGrant = form.get('grant_type');
  if (!rawGrant) return problem(missingParameter('grant_type'));
  const grantType = rawGrant === DEVICE_CODE_GRANT_URN ? 'device_code' : rawGrant;
  const clientId = form.get('client_id');
  if (!clientId) return problem(missingParameter('client_id'), undefined, grantType);
  const client = findClient(ctx, clientId);
  if (!client) return problem(unknownClient(clientId, ctx.fixture), clientId, grantType);

  const grant = (): EntraOutcome => {
    switch (grantType) {
      case 'client_credentials':
        return clientCredentials(ctx, request, client);
      case 'device_code':
        return deviceCode(ctx, request, client);
      case 'refresh_token':
        return refreshToken(ctx, request, client);
      case 'authorization_code':
        return authorizationCode(ctx, request, client);
      default:
        return problem({
          status: 400,
          error: 'unsupported_grant_type',
          code: 70003,
          description: `The app requested an unsupported grant type '${rawGrant}'.`,
        });
    }
  };
  const outcome = grant();
  return { ...outcome, clientId, grantType };
}

function checkCredential(
  ctx: EntraContext,
  request: TokenRequest,
  client: SimClient,
  confidential: boolean,
) {
  return authenticateClient(request.form, client, {
    tokenEndpoint: request.endpoint,
    nowSeconds: Math.floor(ctx.now() / 1000),
    credentialRequired: confidential || !client.publicClient,
  });
}

function clientCredentials(
  ctx: EntraContext,
  request: TokenRequest,
  client: SimClient,
): EntraOutcome {
  if (request.tenant.kind !== 'tenant') {
    return problem({
      status: 400,
      error: 'invalid_request',
      code: 50059,
      description: `No tenant-identifying information found in either the request or implied by any provided credentials. Use a tenant id or domain instead of '${request.segment}' for app-only sign-in.`,
    });
  }
  const scope = request.form.get('scope');
  if (!scope) return problem(missingParameter('scope'));
  const auth = checkCredential(ctx, request, client, true);
  if (!auth.ok) return problem(auth.problem);
  const scopeProblem = checkAppOnlyScope(scope, ctx.fixture);
  if (scopeProblem) return problem(scopeProblem);
  const access = ctx.tokens.mintAccessToken({
    tenantId: request.tenant.id,
    clientId: client.clientId,
    roles: client.permissions ?? DEFAULT_PERMISSIONS,
  });
  return {
    ok: true,
    body: {
      token_type: 'Bearer',
      expires_in: access.expiresIn,
      ext_expires_in: access.expiresIn,
      access_token: access.token,
    },
  };
}

function deviceCode(ctx: EntraContext, request: TokenRequest, client: SimClient): EntraOutcome {
  const code = request.form.get('device_code');
  if (!code) return problem(missingParameter('device_code'));
  const auth = checkCredential(ctx, request, client, false);
  if (!auth.ok) return problem(auth.problem);
  const poll = ctx.deviceCodes.poll(code, client.clientId);
  switch (poll.kind) {
    case 'pending':
      return problem({
        status: 400,
        error: 'authorization_pending',
        code: 70016,
        description: 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.',
      });
    case 'expired':
      return problem({
        status: 400,
        error: 'expired_token',
        code: 70020,
        description:
          "The provided value for the input parameter 'device_code' is not valid. This device code has expired.",
      });
    case 'declined':
      return problem({
        status: 400,
        error: 'authorization_declined',
        code: 70000,
        description: 'The user declined the sign-in request.',
      });
    case 'redeemed':
      return problem(
        invalidGrant(
          54005,
          'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
        ),
      );
    case 'unknown':
    case 'wrong_client':
      return problem(
        invalidGrant(
          70000,
          "The provided value for the input parameter 'device_code' is not valid.",
        ),
      );
    case 'approved': {
      const scopes = parseDelegatedScopes(poll.entry.scope, client, ctx.fixture);
      if (!scopes.ok) return problem(scopes.problem);
      return {
        ok: true,
        body: userTokenResponse(ctx, {
          client,
          scope: poll.entry.scope,
          scopes: scopes.value,
          origin: request.origin,
          clientInfo: request.form.get('client_info') === '1',
        }),
      };
    }
  }
}

function refreshToken(ctx: EntraContext, request: TokenRequest, client: SimClient): EntraOutcome {
  const token = request.form.get('refresh_token');
  if (!token) return problem(missingParameter('refresh_token'));
  const auth = checkCredential(ctx, request, client, false);
  if (!auth.ok) return problem(auth.problem);
  const grant = ctx.tokens.peekRefreshToken(token);
  if (!grant || grant.clientId.toLowerCase() !== client.clientId.toLowerCase()) {
    return problem(
      invalidGrant(
        9002313,
        'Invalid request. The refresh token is malformed, was already used, or was issued to another application.',
        'bad_token',
      ),
    );
  }
  const scope = request.form.get('scope') ?? 'openid profile offline_access';
  const scopes = parseDelegatedScopes(scope, client, ctx.fixture);
  if (!scopes.ok) return problem(scopes.problem);
  ctx.tokens.redeemRefreshToken(token);
  return {
    ok: true,
    body: userTokenResponse(ctx, {
      client,
      scope,
      scopes: scopes.value,
      origin: request.origin,
      clientInfo: request.form.get('client_info') === '1',
    }),
  };
}

function authorizationCode(
  ctx: EntraContext,
  request: TokenRequest,
  client: SimClient,
): EntraOutcome {
  const { form } = request;
  const code = form.get('code');
  if (!code) return problem(missingParameter('code'));
  const redirectUri = form.get('redirect_uri');
  if (!redirectUri) return problem(missingParameter('redirect_uri'));
  const auth = checkCredential(ctx, request, client, false);
  if (!auth.ok) return problem(auth.problem);
  const entry = ctx.authorizationCodes.redeem(code);
  if (entry === 'expired') {
    return problem(
      invalidGrant(
        70008,
        'The provided authorization code or refresh token has expired due to inactivity.',
      ),
    );
  }
  if (!entry || entry.clientId.toLowerCase() !== client.clientId.toLowerCase()) {
    return problem(
      invalidGrant(
        70000,
        "The provided value for the 'code' parameter is not valid, or it was already redeemed.",
      ),
    );
  }
  if (entry.redirectUri !== redirectUri) {
    return problem(
      invalidGrant(
        70000,
        "The 'redirect_uri' does not match the redirect URI used in the authorization request.",
      ),
    );
  }
  if (entry.codeChallenge !== undefined) {
    const verifier = form.get('code_verifier');
    if (!verifier) return problem(missingParameter('code_verifier'));
    const computed = createHash('sha256').update(verifier).digest('base64url');
    if (computed !== entry.codeChallenge) {
      return problem(
        invalidGrant(
          501481,
          'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
        ),
      );
    }
  }
  const scope = form.get('scope') ?? entry.scope;
  const scopes = parseDelegatedScopes(scope, client, ctx.fixture);
  if (!scopes.ok) return problem(scopes.problem);
  return {
    ok: true,
    body: userTokenResponse(ctx, {
      client,
      scope,
      scopes: scopes.value,
      origin: request.origin,
      clientInfo: form.get('client_info') === '1',
      ...(entry.nonce !== undefined ? { nonce: entry.nonce } : {}),
    }),
  };
}
