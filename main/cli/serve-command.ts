import { createApiService } from '../api/handlers';
import { startBrowserServer } from '../api/http-server';
import { defaultDatabasePath } from '../store/data-location';
import { EXIT, UsageError, type CliIo } from './cli-io';
import { openCliStore } from './open-cli-store';
import { openInBrowser } from './open-browser';
import { DEMO_FIXTURE_PATH, RENDERER_DIR } from './project-paths';

export interface ServeCommandOptions {
  port?: string;
  db?: string;
  open?: boolean;
  clientId?: string;
}

export interface ServeHooks {
  /** Resolves when the server should stop; Ctrl+C (SIGINT) or SIGTERM by default. */
  readonly stopped?: Promise<void>;
  /** Told the address once the server listens (tests). */
  readonly onListening?: (url: string) => void;
  readonly openBrowser?: (url: string) => Promise<void>;
  readonly rendererDir?: string;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new UsageError(
      `--port must be a number from 0 to 65535 (0 picks a free one), not "${value}"`,
    );
  }
  return port;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** `breach-ready serve`: the app in the browser, on this computer only. Returns the exit code. */
export async function serveCommand(
  options: ServeCommandOptions,
  io: CliIo,
  hooks: ServeHooks = {},
): Promise<number> {
  const port = parsePort(options.port);
  const stopped = hooks.stopped ?? untilSignal();
  const openBrowser = hooks.openBrowser ?? openInBrowser;
  const databasePath = options.db ?? defaultDatabasePath(io.env);
  const clientId = options.clientId ?? io.env.BREACH_READY_CLIENT_ID;
  const store = await openCliStore(options.db, io);
  const service = createApiService({
    store,
    mode: 'browser',
    dataLocation: databasePath,
    clock: () => new Date(),
    demoFixturePath: DEMO_FIXTURE_PATH,
    openBrowser,
    ...(clientId ? { clientId } : {}),
    onUnexpected: (error) =>
      io.stderr.write(
        `breach-ready: unexpected problem: ${error instanceof Error ? error.message : String(error)}\n`,
      ),
  });
  let server;
  try {
    server = await startBrowserServer({
      handlers: service.handlers,
      rendererDir: hooks.rendererDir ?? RENDERER_DIR,
      port,
    });
  } catch (error) {
    await store.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new UsageError(`port ${port} is already in use; try another --port, or 0`);
    throw error;
  }
  io.stdout.write(
    [
      'Breach Ready is running. Open this address in a browser on this computer:',
      '',
      `  ${server.url}`,
      '',
      'Only this computer can reach it, and only with the key in that address.',
      `Your data is kept in ${databasePath}`,
      clientId
        ? `You can sign in to your Microsoft 365 tenant with the app registration ${clientId}; the sign-in lasts until you stop this server.`
        : 'You can sign in to your Microsoft 365 tenant (through Microsoft Graph Command Line Tools) or explore the demo tenant; the sign-in lasts until you stop this server.',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  hooks.onListening?.(server.url);
  if (options.open) {
    await openBrowser(server.url).catch(() =>
      io.stderr.write('breach-ready: could not open a browser; open the address above yourself.\n'),
    );
  }
  await stopped;
  io.stdout.write('Stopping…\n');
  await service.shutdown();
  await server.close();
  await store.close();
  io.stdout.write('Stopped. Everything is saved.\n');
  return EXIT.done;
}
