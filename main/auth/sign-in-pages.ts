/** Pages the browser shows after the interactive sign-in. Self-contained: no external resources. */
function page(title: string, text: string): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${title} · Breach Ready</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1b1b1b}h1{font-size:1.4rem}</style>',
    '</head><body>',
    `<h1>${title}</h1>`,
    `<p>${text}</p>`,
    '</body></html>',
  ].join('');
}

export const SIGNED_IN_PAGE = page(
  'You are signed in',
  'Breach Ready can now read your Microsoft 365 settings. You can close this tab and go back to Breach Ready.',
);

export const SIGN_IN_FAILED_PAGE = page(
  'The sign-in did not finish',
  'Nothing was read from your tenant. Close this tab and go back to Breach Ready to see what happened and try again.',
);
