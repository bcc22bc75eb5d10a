import { shell } from 'electron';
import { isAllowedExternalUrl } from '../../shared/security/external-links';

/**
 * The one way the app opens anything outside itself (Electron security checklist item 15): an
 * allowlisted https address in the system browser. Used for links in the app, the help menu and
 * MSAL's interactive sign-in. Refused addresses are not opened; the caller is told.
 */
export async function openExternalSafe(url: unknown): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) {
    console.warn('Breach Ready refused to open an address that is not on its allowlist.');
    return false;
  }
  await shell.openExternal(url, { activate: true });
  return true;
}

/** MSAL's `openBrowser`: the sign-in page, through the same allowlist; a refusal fails the sign-in. */
export async function openSignInPage(url: string): Promise<void> {
  if (!(await openExternalSafe(url))) {
    throw new Error('The sign-in address is not a Microsoft sign-in page, so it was not opened.');
  }
}
