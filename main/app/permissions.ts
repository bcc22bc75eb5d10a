import { isAppUrl } from './app-origin';

/**
 * Permissions the app's own page may use. Everything else (camera, microphone, geolocation,
 * notifications, media, HID, serial, USB, MIDI, …) is refused for every page, including ours.
 * Copying a device code or a remediation step to the clipboard is the only need.
 */
const GRANTED_TO_APP: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export interface PermissionAsk {
  readonly permission: string;
  /** The URL of the page (or frame) that asks. */
  readonly requestingUrl: string | undefined;
  /** False for sub-frames; only the main frame of our own page gets anything. */
  readonly isMainFrame: boolean;
}

/** Deny by default: true only for an allowlisted permission asked by the app's own main frame. */
export function isPermissionGranted(ask: PermissionAsk): boolean {
  return ask.isMainFrame && isAppUrl(ask.requestingUrl) && GRANTED_TO_APP.has(ask.permission);
}
