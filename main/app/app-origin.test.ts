import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from './app-origin';

describe('isAppUrl', () => {
  it('accepts the app pages', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://breach-ready/')).toBe(true);
    expect(isAppUrl('app://breach-ready/index.html#/findings?scan=1')).toBe(true);
    expect(isAppUrl('APP://BREACH-READY/index.html')).toBe(true);
  });

  it.each([
    undefined,
    null,
    '',
    'not a url',
    'file:///work/out/renderer/index.html',
    'https://breach-ready/index.html',
    'http://127.0.0.1:5173/',
    'app://breach-ready.evil.com/index.html',
    'app://evil.com/breach-ready',
    'app://user:pass@breach-ready/index.html',
    'app://breach-ready:444/index.html',
    'app://breach-readyx/',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    'data:text/html,<h1>x</h1>',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});
