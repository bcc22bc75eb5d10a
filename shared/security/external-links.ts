/**
 * The only web addresses the app hands to the system browser: Microsoft's admin centers, sign-in
 * and documentation, and the CISA advisory the checks cite. Each host is matched exactly (no
 * sub-domain wildcards); a few hosts are limited to one path. The desktop shell refuses anything
 * else, and the screens show any other address as text to copy rather than a link.
 */
const ALLOWED_HOSTS: ReadonlySet<string> = new Set([
  'learn.microsoft.com',
  'entra.microsoft.com',
  'admin.microsoft.com',
  'security.microsoft.com',
  'purview.microsoft.com',
  'compliance.microsoft.com',
  'intune.microsoft.com',
  'admin.exchange.microsoft.com',
  'portal.azure.com',
  'myaccount.microsoft.com',
  'mysignins.microsoft.com',
  'aka.ms',
  'developer.microsoft.com',
  'login.microsoftonline.com',
]);

/** Hosts allowed for the listed paths only (the device-code sign-in pages). */
const ALLOWED_PATHS: Readonly<Record<string, readonly string[]>> = {
  'microsoft.com': ['/devicelogin'],
  'www.microsoft.com': ['/devicelogin'],
  'login.microsoft.com': ['/device'],
  'www.cisa.gov': ['/news-events/cybersecurity-advisories/'],
};

const MAX_URL_LENGTH = 8192;

/**
 * True when `url` may be opened in the system browser: `https:` only, default port, no user name
 * or password, and a host (and path, where listed) on the allowlist. Everything else is refused.
 */
export function isAllowedExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return false;
  // Control characters, spaces and backslashes are never part of a link we produce.
  if ([...url].some((c) => c <= ' ' || c === '\u007f' || c === '\\')) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false;
  const host = parsed.hostname;
  if (ALLOWED_HOSTS.has(host)) return true;
  const paths = ALLOWED_PATHS[host];
  if (!paths) return false;
  const path = parsed.pathname.toLowerCase();
  return paths.some((allowed) =>
    allowed.endsWith('/') ? path.startsWith(allowed) : path === allowed || path === `${allowed}/`,
  );
}
