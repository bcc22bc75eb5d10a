import { describe, expect, it } from 'vitest';
import { isTrustedSender, type IpcSender } from './ipc-sender';

const known = new Set([7]);
const trusted: IpcSender = {
  webContentsId: 7,
  frame: { url: 'app://breach-ready/index.html#/findings', isMainFrame: true },
};

describe('isTrustedSender', () => {
  it('accepts the main frame of a known window on the app origin', () => {
    expect(isTrustedSender(trusted, known)).toBe(true);
    expect(
      isTrustedSender(
        { ...trusted, frame: { url: 'app://breach-ready/', isMainFrame: true } },
        known,
      ),
    ).toBe(true);
  });

  it('refuses a webContents that is not one of our windows', () => {
    expect(isTrustedSender({ ...trusted, webContentsId: 8 }, known)).toBe(false);
    expect(isTrustedSender(trusted, new Set())).toBe(false);
    expect(isTrustedSender({ ...trusted, webContentsId: Number.NaN }, known)).toBe(false);
  });

  it('refuses sub-frames and vanished frames', () => {
    expect(
      isTrustedSender({ ...trusted, frame: { ...trusted.frame!, isMainFrame: false } }, known),
    ).toBe(false);
    expect(isTrustedSender({ ...trusted, frame: null }, known)).toBe(false);
  });

  it.each([
    'file:///opt/breach-ready/out/renderer/index.html',
    'https://learn.microsoft.com/',
    'http://127.0.0.1:5173/',
    'app://breach-ready.evil.com/index.html',
    'app://attacker/index.html',
    'about:blank',
    'data:text/html,hi',
    '',
  ])('refuses a main frame showing %s', (url) => {
    expect(isTrustedSender({ ...trusted, frame: { url, isMainFrame: true } }, known)).toBe(false);
  });
});
