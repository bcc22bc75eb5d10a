import { isAppUrl } from './app-origin';

/** The parts of a BrowserWindow the registry uses. */
export interface RegisteredWindow {
  isDestroyed(): boolean;
  readonly webContents: {
    readonly id: number;
    isDestroyed(): boolean;
    getURL(): string;
    send(channel: string, payload: unknown): void;
  };
}

/**
 * The app's own windows. IPC calls are answered only for their webContents, and events go only to
 * them, and only while they still show an app page.
 */
export class WindowRegistry<W extends RegisteredWindow = RegisteredWindow> {
  private readonly windows = new Set<W>();

  add(window: W): void {
    this.windows.add(window);
  }

  delete(window: W): void {
    this.windows.delete(window);
  }

  /** The live windows, destroyed ones dropped. */
  all(): W[] {
    for (const window of this.windows) {
      if (window.isDestroyed() || window.webContents.isDestroyed()) this.windows.delete(window);
    }
    return [...this.windows];
  }

  webContentsIds(): ReadonlySet<number> {
    return new Set(this.all().map((w) => w.webContents.id));
  }

  /** Sends an event to every known window that shows an app page; returns how many got it. */
  broadcast(channel: string, payload: unknown): number {
    let sent = 0;
    for (const window of this.all()) {
      if (!isAppUrl(window.webContents.getURL())) continue;
      try {
        window.webContents.send(channel, payload);
        sent++;
      } catch {
        // The window is closing; it misses this event.
      }
    }
    return sent;
  }
}
