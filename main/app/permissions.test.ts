import { describe, expect, it } from 'vitest';
import { isPermissionGranted } from './permissions';

const APP = 'app://breach-ready/index.html';

describe('isPermissionGranted', () => {
  it('lets the app page write sanitized text to the clipboard', () => {
    expect(
      isPermissionGranted({
        permission: 'clipboard-sanitized-write',
        requestingUrl: APP,
        isMainFrame: true,
      }),
    ).toBe(true);
  });

  it.each([
    'media',
    'geolocation',
    'notifications',
    'midi',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'clipboard-read',
    'display-capture',
    'hid',
    'serial',
    'usb',
    'idle-detection',
    'window-management',
    'storage-access',
    'unknown',
    '',
  ])('refuses %s even to the app page', (permission) => {
    expect(isPermissionGranted({ permission, requestingUrl: APP, isMainFrame: true })).toBe(false);
  });

  it('refuses everything to other pages and sub-frames', () => {
    for (const requestingUrl of ['https://learn.microsoft.com/', 'file:///x.html', undefined, '']) {
      expect(
        isPermissionGranted({
          permission: 'clipboard-sanitized-write',
          requestingUrl,
          isMainFrame: true,
        }),
      ).toBe(false);
    }
    expect(
      isPermissionGranted({
        permission: 'clipboard-sanitized-write',
        requestingUrl: APP,
        isMainFrame: false,
      }),
    ).toBe(false);
  });
});
