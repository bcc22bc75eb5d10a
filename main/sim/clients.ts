import {
  X509Certificate,
  constants,
  createPublicKey,
  timingSafeEqual,
  verify,
  type KeyObject,
} from 'node:crypto';
import type { EntraProblem } from './entra-error';

/** An app registration the simulated tenant knows. */
export interface SimClient {
  readonly clientId: string;
  /** Client secret value (never stored in a fixture). */
  readonly secret?: string;
  /** A registered certificate: hex SHA-256 thumbprint and its public key (or certificate) PEM. */
  readonly certificate?: { readonly thumbprintSha256: string; readonly publicKeyPem: string };
  /** "Allow public client flows": device code, refresh and auth code without a credential. */
  readonly publicClient?: boolean;
  /** Redirect URIs; absent means any loopback `http://localhost`/`127.0.0.1` URI. */
  readonly redirectUris?: readonly string[];
  /** Graph permissions granted to the app (app roles, and what `.default` means for users). */
  readonly permissions?: readonly string[];
}

/** The read permissions the simulated tenant grants by default. */
export const DEFAULT_PERMISSIONS: readonly string[] = [
  'AuditLog.Read.All',
  'Directory.Read.All',
  'Domain.Read.All',
  'Organization.Read.All',
  'Policy.Read.All',
  'Policy.Read.AuthenticationMethod',
  'Reports.Read.All',
  'RoleManagement.Read.Directory',
  'SecurityEvents.Read.All',
  'SharePointTenantSettings.Read.All',
  'User.Read.All',
];

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export type ClientAuthResult =
  | { readonly ok: true; readonly method: 'secret' | 'certificate' | 'none' }
  | { readonly ok: false; readonly problem: EntraProblem };

const invalidClient = (code: number, description: string): ClientAuthResult => ({
  ok: false,
  problem: { status: 401, error: 'invalid_client', code, description },
});

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const publicKeys = new WeakMap<object, KeyObject>();

function publicKeyOf(certificate: NonNullable<SimClient['certificate']>): KeyObject {
  let key = publicKeys.get(certificate);
  if (!key) {
    key = certificate.publicKeyPem.includes('BEGIN CERTIFICATE')
      ? new X509Certificate(certificate.publicKeyPem).publicKey
      : createPublicKey(certificate.publicKeyPem);
    publicKeys.set(certificate, key);
  }
  return key;
}

export interface ClientAuthContext {
  /** The token endpoint URL as the client addressed it (the assertion's `aud`). */
  readonly tokenEndpoint: string;
  /** Seconds since the epoch. */
  readonly nowSeconds: number;
  /** Confidential flows (client credentials) and non-public clients must prove who they are. */
  readonly credentialRequired: boolean;
}

/** Checks the client credential in a token request: a secret or a certificate assertion. */
export function authenticateClient(
  form: URLSearchParams,
  client: SimClient,
  ctx: ClientAuthContext,
): ClientAuthResult {
  const secret = form.get('client_secret');
  const assertion = form.get('client_assertion');
  if (secret !== null) {
    if (!client.secret || !sameText(secret, client.secret)) {
      return invalidClient(
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${client.clientId}'.`,
      );
    }
    return { ok: true, method: 'secret' };
  }
  if (assertion !== null) {
    if (form.get('client_assertion_type') !== CLIENT_ASSERTION_TYPE) {
      return invalidClient(700027, `Client assertion type must be '${CLIENT_ASSERTION_TYPE}'.`);
    }
    return verifyAssertion(assertion, client, ctx);
  }
  if (ctx.credentialRequired) {
    return invalidClient(
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    );
  }
  return { ok: true, method: 'none' };
}

function verifyAssertion(
  assertion: string,
  client: SimClient,
  ctx: ClientAuthContext,
): ClientAuthResult {
  const parts = assertion.split('.');
  const [head, body, signature] = parts;
  const header = head ? decodeJson(head) : undefined;
  const payload = body ? decodeJson(body) : undefined;
  if (parts.length !== 3 || !header || !payload || !signature) {
    return invalidClient(700027, 'Client assertion is not a well-formed JWT.');
  }
  if (!client.certificate) {
    return invalidClient(
      700027,
      `No certificate is registered on application '${client.clientId}'.`,
    );
  }
  const expectedX5t = Buffer.from(
    client.certificate.thumbprintSha256.replace(/[^0-9a-f]/gi, ''),
    'hex',
  ).toString('base64url');
  const x5t = header['x5t#S256'];
  if (typeof x5t !== 'string' || x5t !== expectedX5t) {
    return invalidClient(
      700027,
      `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${typeof x5t === 'string' ? x5t : 'none'}']`,
    );
  }
  const alg = header.alg;
  if (alg !== 'PS256' && alg !== 'RS256') {
    return invalidClient(
      700027,
      `Client assertion uses the unsupported algorithm '${String(alg)}'.`,
    );
  }
  let valid: boolean;
  try {
    valid = verify(
      'sha256',
      Buffer.from(`${head}.${body}`),
      {
        key: publicKeyOf(client.certificate),
        padding: alg === 'PS256' ? constants.RSA_PKCS1_PSS_PADDING : constants.RSA_PKCS1_PADDING,
        ...(alg === 'PS256' ? { saltLength: constants.RSA_PSS_SALTLEN_AUTO } : {}),
      },
      Buffer.from(signature, 'base64url'),
    );
  } catch {
    valid = false;
  }
  if (!valid) return invalidClient(700027, 'Client assertion failed signature validation.');
  if (
    typeof payload.aud !== 'string' ||
    payload.aud.toLowerCase() !== ctx.tokenEndpoint.toLowerCase()
  ) {
    return invalidClient(
      700027,
      `Client assertion audience claim does not match the token endpoint. Expected '${ctx.tokenEndpoint}', got '${String(payload.aud)}'.`,
    );
  }
  if (payload.iss !== client.clientId || payload.sub !== client.clientId) {
    return invalidClient(
      700027,
      "Client assertion 'iss' and 'sub' must both be the application's client id.",
    );
  }
  const exp = payload.exp;
  const nbf = payload.nbf;
  if (
    typeof exp !== 'number' ||
    exp <= ctx.nowSeconds ||
    (typeof nbf === 'number' && nbf > ctx.nowSeconds + 300)
  ) {
    return invalidClient(700024, 'Client assertion is not within its valid time range.');
  }
  return { ok: true, method: 'certificate' };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a redirect URI is acceptable for this client (loopback ports are not compared). */
export function redirectAllowed(client: SimClient, redirectUri: string): boolean {
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return false;
  }
  const isLoopback = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (!client.redirectUris) return isLoopback;
  return client.redirectUris.some((registered) => {
    if (registered === redirectUri) return true;
    try {
      const r = new URL(registered);
      return (
        isLoopback &&
        r.protocol === 'http:' &&
        r.hostname === url.hostname &&
        r.pathname === url.pathname
      );
    } catch {
      return false;
    }
  });
}
