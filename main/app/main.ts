import { hostname } from 'node:os';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, safeStorage, session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { createApiService, type ApiService } from '../api/handlers';
import { encryptedCachePlugin, fileTokenCacheStore } from '../auth/encrypted-cache-plugin';
import { DATABASE_FILE } from '../store/data-location';
import { Store } from '../store/store';
import { appPaths, TOKEN_CACHE_FILE } from './app-paths';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { chooseFileWithDialog } from './file-chooser';
import { registerApiIpc } from './ipc-main';
import { installApplicationMenu } from './menu';
import { openSignInPage } from './safe-shell';
import { hardenSession } from './session-hardening';
import { createSafeStorageProtector } from './token-protection';
import { createMainWindow, hardenWebContents } from './window';
import { WindowRegistry } from './window-registry';

/**
 * The desktop app's composition root: lifecycle, the `app://` protocol, the hardened session and
 * window, the IPC transport and the data folder. Every renderer is sandboxed.
 */

const log = (message: string) => console.log(`[breach-ready] ${message}`);

app.enableSandbox();
registerAppScheme();

// One data folder for the app and the command line (see main/store/data-location.ts).
app.setPath(
  'userData',
  process.env.BREACH_READY_DATA_DIR || join(app.getPath('appData'), 'Breach Ready'),
);

const paths = appPaths({
  mainDir: __dirname,
  appPath: app.getAppPath(),
  resourcesPath: process.resourcesPath,
  isPackaged: app.isPackaged,
});
const windows = new WindowRegistry<BrowserWindow>();
let service: ApiService | undefined;
let store: Store | undefined;

function openWindow(): BrowserWindow {
  const window = createMainWindow(paths.preload);
  windows.add(window);
  window.on('closed', () => windows.delete(window));
  return window;
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  serveRenderer(paths.rendererRoot, CONTENT_SECURITY_POLICY);
  installApplicationMenu(!app.isPackaged);

  const dataDir = app.getPath('userData');
  const { protector, decision } = await createSafeStorageProtector(safeStorage, process.platform);
  const cachePlugin = encryptedCachePlugin(
    protector,
    fileTokenCacheStore(join(dataDir, TOKEN_CACHE_FILE)),
    { onProblem: log },
  );
  log(
    decision.storage === 'encrypted'
      ? `Sign-ins are saved encrypted with a key kept by ${decision.keyStore}.`
      : `Sign-ins are kept in memory only: ${decision.reason}.`,
  );

  store = await Store.open(join(dataDir, DATABASE_FILE));
  service = createApiService({
    store,
    mode: 'desktop',
    dataLocation: dataDir,
    clock: () => new Date(),
    demoFixturePath: paths.demoFixture,
    openBrowser: openSignInPage,
    chooseFile: chooseFileWithDialog,
    ...(process.env.BREACH_READY_CLIENT_ID ? { clientId: process.env.BREACH_READY_CLIENT_ID } : {}),
    cachePlugin,
    localActor: `Someone on ${hostname()}`,
    onUnexpected: (error) =>
      log(`Unexpected error: ${error instanceof Error ? error.name : 'unknown'}.`),
  });
  registerApiIpc(service.handlers, windows, log);
  openWindow();
}

let stopping = false;
async function stop(): Promise<void> {
  await service?.shutdown().catch(() => {});
  await store?.close().catch(() => {});
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => {
    const [window] = windows.all();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (service && windows.all().length === 0) openWindow();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (stopping) return;
    stopping = true;
    event.preventDefault();
    void stop().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox(
        'Breach Ready could not start',
        `Breach Ready could not open its data folder or database, so it is closing. Nothing was changed.\n\n${detail}`,
      );
      app.exit(1);
    });
}
