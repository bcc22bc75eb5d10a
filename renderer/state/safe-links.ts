/**
 * Links the app opens in the system browser: the same rules the desktop shell enforces (Microsoft
 * admin centres, sign-in and documentation, and CISA advisories). Anything else is shown as text
 * to copy, so a link never silently does nothing.
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

/** Hosts allowed for the listed paths only. */
const ALLOWED_PATHS: Readonly<Record<string, readonly string[]>> = {
  'microsoft.com': ['/devicelogin'],
  'www.microsoft.com': ['/devicelogin'],
  'login.microsoft.com': ['/device'],
  'www.cisa.gov': ['/news-events/cybersecurity-advisories/'],
};

/** Whether a link may open: https, default port, no credentials, and an allowlisted host and path. */
export function isAllowedLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port)
    return false;
  const host = parsed.hostname.toLowerCase();
  if (ALLOWED_HOSTS.has(host)) return true;
  const paths = ALLOWED_PATHS[host];
  if (!paths) return false;
  const path = parsed.pathname.toLowerCase();
  return paths.some((allowed) =>
    allowed.endsWith('/') ? path.startsWith(allowed) : path === allowed || path === `${allowed}/`,
  );
}
