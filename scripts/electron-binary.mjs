// Finds the Electron executable without loading the `electron` package: requiring it starts a
// download when the binary is missing. Honours ELECTRON_OVERRIDE_DIST_PATH like the package does.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DEFAULT_EXECUTABLE = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
};

/**
 * @param {string} electronDir the folder of the `electron` npm package
 * @returns {string | undefined} the executable's path, when it exists
 */
export function findElectronBinary(electronDir, env = process.env, platform = process.platform) {
  const pathFile = join(electronDir, 'path.txt');
  const executable = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : (DEFAULT_EXECUTABLE[platform] ?? 'electron');
  const candidate = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, executable)
    : existsSync(pathFile)
      ? join(electronDir, 'dist', executable)
      : undefined;
  return candidate && existsSync(candidate) ? candidate : undefined;
}
