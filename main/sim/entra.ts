import { redirectAllowed, type SimClient } from './clients';
import {
  parseDelegatedScopes,
  resolveTenant,
  tenantNotFound,
  unknownClient,
  type EntraContext,
  type TenantRef,
} from './entra-context';
import {
  entraErrorBody,
  entraErrorReply,
  type EntraErrorIds,
  type EntraProblem,
} from './entra-error';
import { deviceCodeEndpoint, tokenEndpoint, type EntraOutcome } from './entra-token';
import { MALFORMED_BODY, faultHeaders, type FaultPlan } from './faults';
import { escapeHtml } from '../../shared/security/escape-html';
import {
  header,
  htmlReply,
  jsonReply,
  redirectReply,
  type SimReply,
  type SimRequest,
} from './sim-http';

function segmentsOf(path: string): string[] | undefined {
  try {
    return path
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

/** Microsoft Entra ID as MSAL sees it: discovery, token, device code, authorize, consent. */
export class EntraService {
  constructor(
    private readonly ctx: EntraContext,
    private readonly faults: FaultPlan,
  ) {}

  handle(req: SimRequest): SimReply {
    const ids: EntraErrorIds = {
      traceId: this.ctx.ids.nextGuid('entra-trace'),
      correlationId:
        req.query.get('client-request-id') ??
        header(req, 'client-request-id') ??
        this.ctx.ids.nextGuid('entra-correlation'),
      now: this.ctx.now(),
    };
    const fault = this.faults.take(req.method, req.path);
    if (fault?.kind === 'status') {
      const body = entraErrorBody(
        {
          status: fault.status,
          error: 'temporarily_unavailable',
          code: 90033,
          description: 'A transient error has occurred. Please try again.',
        },
        ids,
      );
      return jsonReply(fault.status, body, faultHeaders(fault));
    }
    if (fault?.kind === 'timeout') return { status: 0, headers: {}, body: '', delivery: 'hold' };
    if (fault?.kind === 'malformed') return { ...jsonReply(200, undefined), body: MALFORMED_BODY };
    const reply = this.route(req, ids);
    return fault?.kind === 'truncated' ? { ...reply, delivery: 'truncate' } : reply;
  }

  private route(req: SimRequest, ids: EntraErrorIds): SimReply {
    const segments = segmentsOf(req.path);
    const notFound = () =>
      entraErrorReply(
        {
          status: 404,
          error: 'invalid_request',
          description: `There is no sign-in endpoint at '${req.path}'.`,
        },
        ids,
      );
    if (!segments || segments.length < 2) return notFound();
    const [segment, ...rest] = segments as [string, ...string[]];
    const route = `${req.method} ${rest.join('/').toLowerCase()}`;

    if (route === 'GET discovery/instance') return this.instanceDiscovery(req);
    switch (route) {
      case 'GET v2.0/.well-known/openid-configuration':
      case 'GET .well-known/openid-configuration':
        return this.openIdConfiguration(req, segment, ids);
      case 'GET discovery/v2.0/keys':
        return jsonReply(200, { keys: [] });
      case 'POST oauth2/v2.0/token':
        return this.withTenant(segment, ids, (tenant) => {
          const endpoint = `${req.origin}${req.path}`;
          const form = new URLSearchParams(req.body.toString('utf8'));
          return this.outcome(
            tokenEndpoint(this.ctx, { tenant, segment, form, origin: req.origin, endpoint }),
            ids,
          );
        });
      case 'POST oauth2/v2.0/devicecode':
        return this.withTenant(segment, ids, () =>
          this.outcome(
            deviceCodeEndpoint(this.ctx, new URLSearchParams(req.body.toString('utf8'))),
            ids,
          ),
        );
      case 'GET oauth2/v2.0/authorize':
        return this.authorize(req, segment, ids);
      case 'GET oauth2/v2.0/logout':
        return this.logout(req);
      case 'GET v2.0/adminconsent':
      case 'GET adminconsent':
        return this.adminConsent(req, segment, ids);
      default:
        return notFound();
    }
  }

  private withTenant(
    segment: string,
    ids: EntraErrorIds,
    run: (tenant: TenantRef) => SimReply,
  ): SimReply {
    const tenant = resolveTenant(this.ctx.fixture, segment);
    return tenant ? run(tenant) : entraErrorReply(tenantNotFound(segment), ids);
  }

  private outcome(outcome: EntraOutcome, ids: EntraErrorIds): SimReply {
    const note = {
      ...(outcome.grantType ? { grantType: outcome.grantType } : {}),
      ...(outcome.clientId ? { clientId: outcome.clientId } : {}),
    };
    if (!outcome.ok) return entraErrorReply(outcome.problem, ids, note);
    return jsonReply(200, outcome.body, { 'cache-control': 'no-store', pragma: 'no-cache' }, note);
  }

  /** `GET /common/discovery/instance`: vouches for the authority host the client asks about. */
  private instanceDiscovery(req: SimRequest): SimReply {
    let origin = req.origin;
    const asked = req.query.get('authorization_endpoint');
    if (asked) {
      try {
        origin = new URL(asked).origin;
      } catch {
        // keep the addressed origin
      }
    }
    const host = new URL(origin).host;
    return jsonReply(200, {
      tenant_discovery_endpoint: `${origin}/{tenant}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    });
  }

  private openIdConfiguration(req: SimRequest, segment: string, ids: EntraErrorIds): SimReply {
    const tenant = resolveTenant(this.ctx.fixture, segment);
    if (!tenant) return entraErrorReply(tenantNotFound(segment, 'invalid_tenant'), ids);
    const o = req.origin;
    const path = tenant.kind === 'tenant' ? tenant.id : tenant.segment;
    const issuerTenant = tenant.kind === 'tenant' ? tenant.id : '{tenantid}';
    return jsonReply(200, {
      token_endpoint: `${o}/${path}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: [
        'client_secret_post',
        'private_key_jwt',
        'client_secret_basic',
      ],
      jwks_uri: `${o}/${path}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['HS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${o}/${issuerTenant}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
      authorization_endpoint: `${o}/${path}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${o}/${path}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${o}/${path}/oauth2/v2.0/logout`,
      claims_supported: [
        'sub',
        'iss',
        'aud',
        'exp',
        'iat',
        'nonce',
        'preferred_username',
        'name',
        'tid',
        'ver',
        'oid',
      ],
      tenant_region_scope: null,
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
    });
  }

  /** An error shown in the browser, when there is no trustworthy redirect URI to send it to. */
  private errorPage(problem: EntraProblem, ids: EntraErrorIds): SimReply {
    const body = entraErrorBody(problem, ids);
    return htmlReply(
      problem.status,
      `<!doctype html><html><head><title>Sign in</title></head><body><h1>Sorry, but we’re having trouble signing you in.</h1><p>${escapeHtml(body.error_description)}</p></body></html>`,
    );
  }

  /** Sends an answer (code or error) back to the app's redirect URI in the requested mode. */
  private respondToApp(
    redirectUri: string,
    mode: string,
    values: Record<string, string>,
  ): SimReply {
    if (mode === 'form_post') {
      const inputs = Object.entries(values)
        .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}" />`)
        .join('');
      return htmlReply(
        200,
        `<!doctype html><html><head><title>Working...</title></head><body><form method="POST" name="hiddenform" action="${escapeHtml(redirectUri)}">${inputs}<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit" /></noscript></form><script>document.forms[0].submit();</script></body></html>`,
      );
    }
    const params = new URLSearchParams(values).toString();
    if (mode === 'fragment') return redirectReply(`${redirectUri}#${params}`);
    return redirectReply(`${redirectUri}${redirectUri.includes('?') ? '&' : '?'}${params}`);
  }

  private clientFor(
    req: SimRequest,
    ids: EntraErrorIds,
  ): { client: SimClient } | { reply: SimReply } {
    const clientId = req.query.get('client_id');
    if (!clientId) {
      return {
        reply: this.errorPage(
          {
            status: 400,
            error: 'invalid_request',
            code: 900144,
            description: "The request must contain the parameter 'client_id'.",
          },
          ids,
        ),
      };
    }
    const client = this.ctx.clients.get(clientId.toLowerCase());
    if (!client) return { reply: this.errorPage(unknownClient(clientId, this.ctx.fixture), ids) };
    return { client };
  }

  /**
   * `GET /{tenant}/oauth2/v2.0/authorize`: the person is already signed in and consents at once;
   * the code goes back to the redirect URI (form_post, query or fragment).
   */
  private authorize(req: SimRequest, segment: string, ids: EntraErrorIds): SimReply {
    const q = req.query;
    if (!resolveTenant(this.ctx.fixture, segment))
      return this.errorPage(tenantNotFound(segment), ids);
    const found = this.clientFor(req, ids);
    if ('reply' in found) return found.reply;
    const { client } = found;
    const redirectUri = q.get('redirect_uri') ?? '';
    if (!redirectAllowed(client, redirectUri)) {
      return this.errorPage(
        {
          status: 400,
          error: 'invalid_request',
          code: 50011,
          description: `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${client.clientId}'.`,
        },
        ids,
      );
    }
    const mode = q.get('response_mode') ?? 'query';
    const state = q.get('state');
    const withState = (values: Record<string, string>) =>
      state !== null ? { ...values, state } : values;
    const appError = (error: string, description: string) =>
      this.respondToApp(redirectUri, mode, withState({ error, error_description: description }));

    if (q.get('response_type') !== 'code') {
      return appError('unsupported_response_type', "The app must ask for response_type 'code'.");
    }
    const scope = q.get('scope');
    if (!scope)
      return appError('invalid_request', "The request must contain the parameter 'scope'.");
    const scopes = parseDelegatedScopes(scope, client, this.ctx.fixture);
    if (!scopes.ok) return appError(scopes.problem.error, scopes.problem.description);
    const challenge = q.get('code_challenge') ?? undefined;
    const method = q.get('code_challenge_method') ?? (challenge ? 'plain' : undefined);
    if (challenge !== undefined && method !== 'S256') {
      return appError('invalid_request', "The code_challenge_method must be 'S256'.");
    }
    const nonce = q.get('nonce') ?? undefined;
    const code = this.ctx.authorizationCodes.issue({
      clientId: client.clientId,
      redirectUri,
      scope,
      ...(challenge !== undefined ? { codeChallenge: challenge } : {}),
      ...(nonce !== undefined ? { nonce } : {}),
    });
    const values: Record<string, string> = { code };
    if (q.get('client_info') === '1')
      values.client_info = this.ctx.tokens.clientInfo(this.ctx.user, this.ctx.fixture.tenant.id);
    return this.respondToApp(redirectUri, mode, withState(values));
  }

  /** `GET /{tenant}/v2.0/adminconsent`: the administrator consents at once. */
  private adminConsent(req: SimRequest, segment: string, ids: EntraErrorIds): SimReply {
    const tenant = resolveTenant(this.ctx.fixture, segment);
    if (!tenant || segment.toLowerCase() === 'common') {
      return this.errorPage(tenantNotFound(segment), ids);
    }
    const found = this.clientFor(req, ids);
    if ('reply' in found) return found.reply;
    const redirectUri = req.query.get('redirect_uri') ?? '';
    if (!redirectAllowed(found.client, redirectUri)) {
      return this.errorPage(
        {
          status: 400,
          error: 'invalid_request',
          code: 50011,
          description: `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${found.client.clientId}'.`,
        },
        ids,
      );
    }
    const values: Record<string, string> = {
      admin_consent: 'True',
      tenant: this.ctx.fixture.tenant.id,
    };
    const scope = req.query.get('scope');
    if (scope) values.scope = scope;
    const state = req.query.get('state');
    if (state !== null) values.state = state;
    return this.respondToApp(redirectUri, 'query', values);
  }

  private logout(req: SimRequest): SimReply {
    const target = req.query.get('post_logout_redirect_uri');
    if (target && /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//.test(`${target}/`)) {
      return redirectReply(target);
    }
    return htmlReply(
      200,
      '<!doctype html><html><head><title>Signed out</title></head><body><p>You signed out of your account.</p></body></html>',
    );
  }
}
