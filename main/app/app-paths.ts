import { join } from 'node:path';

export interface AppPaths {
  /** The renderer build served on `app://breach-ready/`. */
  readonly rendererRoot: string;
  /** The sandboxed preload (CommonJS). */
  readonly preload: string;
  /** The demo tenant fixture; its settings file sits beside it. */
  readonly demoFixture: string;
}

/**
 * Where the app's files are. `mainDir` is the folder of the built main bundle (`out/main`); the
 * demo tenant ships as an extra resource in installers and comes from `assets/demo` otherwise.
 */
export function appPaths(input: {
  readonly mainDir: string;
  readonly appPath: string;
  readonly resourcesPath: string;
  readonly isPackaged: boolean;
}): AppPaths {
  return {
    rendererRoot: join(input.mainDir, '..', 'renderer'),
    preload: join(input.mainDir, '..', 'preload', 'index.cjs'),
    demoFixture: input.isPackaged
      ? join(input.resourcesPath, 'demo', 'contoso-dental.json')
      : join(input.appPath, 'assets', 'demo', 'contoso-dental.json'),
  };
}

/** The sign-in cache file inside the data folder (encrypted; absent when tokens stay in memory). */
export const TOKEN_CACHE_FILE = 'sign-in.bin';
