/** Property names whose values are credentials or key material. */
const SECRET_NAME = /secret|^key$|^hint$|privatekey|^accesstoken|^refreshtoken|^idtoken/i;
/** A password itself is a string; settings about passwords (objects, flags) stay. */
const PASSWORD_NAME = /password/i;
/** Credential metadata the checks read (expiry dates), kept without the credential itself. */
const KEEP = new Set(['passwordcredentials', 'passwordpolicies', 'passwordprofile']);
/** A JSON Web Token (an access or id token) anywhere in a string. */
const JWT = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]*/;

/**
 * A deep copy without secrets: client secrets (`secretText`, anything named `*secret*`),
 * passwords, certificates' key material (`key`), secret hints, and any string that carries a
 * token. Credential metadata (ids, names, expiry dates) stays, because checks need it.
 */
export function stripSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSecrets);
  if (typeof value === 'string') return JWT.test(value) ? '[removed]' : value;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [name, inner] of Object.entries(value)) {
    if (!KEEP.has(name.toLowerCase())) {
      if (SECRET_NAME.test(name)) continue;
      if (PASSWORD_NAME.test(name) && typeof inner === 'string') continue;
    }
    out[name] = stripSecrets(inner);
  }
  return out;
}
