import { homedir } from 'node:os';
import { join } from 'node:path';

export const DATABASE_FILE = 'breach-ready.db';

/**
 * The per-user data folder, the same one the desktop app uses (Electron's `userData` for the
 * product name), so the command line and the app share history. `BREACH_READY_DATA_DIR` overrides.
 */
export function defaultDataDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.BREACH_READY_DATA_DIR) return env.BREACH_READY_DATA_DIR;
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Breach Ready');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Breach Ready');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Breach Ready');
}

export function defaultDatabasePath(env?: Readonly<Record<string, string | undefined>>): string {
  return join(defaultDataDir(env), DATABASE_FILE);
}
