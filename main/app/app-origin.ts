/**
 * The renderer's own origin. Pages are served from `app://breach-ready/` by the app protocol, never
 * from `file://`; anything else is foreign content.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'breach-ready';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` is a page of the app itself. Compares the parsed scheme and host exactly (Node's
 * `URL.origin` is `null` for custom schemes, so it cannot be used), and refuses credentials or ports.
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (typeof url !== 'string' || url.length === 0) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host.toLowerCase() === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}
