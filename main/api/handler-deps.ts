import type { ICachePlugin, INetworkModule } from '@azure/msal-node';
import type { Middleware } from '@microsoft/microsoft-graph-client';
import type { Store } from '../store/store';

/** What a file chooser shows: its title and the kinds of file it offers. */
export interface FileChoiceRequest {
  readonly title: string;
  readonly filters: readonly { readonly name: string; readonly extensions: readonly string[] }[];
}

/** What the api handlers need from their host (the desktop app or `breach-ready serve`). */
export interface ApiHandlerDeps {
  /** The open database; the host closes it. */
  readonly store: Store;
  readonly mode: 'desktop' | 'browser';
  /** The folder (or file) that holds the data, shown to the user as is. */
  readonly dataLocation: string;
  readonly clock: () => Date;
  /** The demo tenant fixture (`tenant-fixture/1`); its declared settings sit beside it. */
  readonly demoFixturePath: string;
  /** The demo tenant's declared settings; `<fixture>.settings.json` when absent. */
  readonly demoSettingsPath?: string;
  /** Opens a URL in the system browser (interactive sign-in). */
  readonly openBrowser: (url: string) => Promise<void>;
  /**
   * Opens the system's file chooser (desktop only) and resolves to the chosen file's path, or null
   * when the person closed it without choosing.
   */
  readonly chooseFile?: (request: FileChoiceRequest) => Promise<string | null>;
  /** The Entra app registration for live sign-in; live sign-in is unavailable without one. */
  readonly clientId?: string;
  /** Keeps the sign-in encrypted on disk; without it tokens live in memory for this session. */
  readonly cachePlugin?: ICachePlugin & { readonly persistent?: boolean };
  /** Who decides when nobody is signed in, e.g. "Someone on LAPTOP-7". */
  readonly localActor?: string;
  /** Network seams (MSAL's network client, the Graph client's last middleware, DNS servers). */
  readonly network?: {
    readonly msal?: INetworkModule;
    readonly graphTransport?: Middleware;
    readonly dnsServers?: readonly string[];
  };
  /** Told about unexpected failures (logged by the host; never sent to the screen). */
  readonly onUnexpected?: (error: unknown) => void;
}
