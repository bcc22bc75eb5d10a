import { app, BrowserWindow, type WebContents } from 'electron';
import { APP_ENTRY_URL, isAppUrl } from './app-origin';
import { isAllowedExternalUrl } from '../../shared/security/external-links';
import { openExternalSafe } from './safe-shell';

/**
 * The main window. Its webPreferences are written out in full here, on purpose, so a reviewer (and
 * Electronegativity) can read every security setting in one place.
 */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Breach Ready',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/**
 * Applied to every webContents the app creates (Electron security checklist items 12–15): no
 * webviews, no navigation away from the app, no redirects, no new windows. An allowlisted https
 * link is opened in the system browser instead.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    if (isAllowedExternalUrl(event.url)) void openExternalSafe(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void openExternalSafe(url);
    return { action: 'deny' };
  });
}
