/**
 * The Content Security Policy of every page Breach Ready shows: the desktop window and browser
 * mode send the same one. Scripts, styles and data come only from the app itself; nothing may
 * frame it, and forms and `<base>` are off.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
