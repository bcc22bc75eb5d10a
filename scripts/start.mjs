// `npm start`: builds and opens the desktop app. The Electron runtime is downloaded the first time;
// where that is impossible (offline), say so plainly and point to what works without it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : undefined;
}

function fetchElectron() {
  process.stdout.write('Downloading the Electron runtime (first start only)…\n');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 10 * 60 * 1000,
  });
  return result.status === 0;
}

if (!electronBinary() && !(fetchElectron() && electronBinary())) {
  process.stderr.write(
    [
      '',
      'Breach Ready cannot open its desktop window on this machine: the Electron runtime it runs in is',
      'not installed, and it could not be downloaded (Electron fetches it from github.com on first start,',
      'and that address cannot be reached from here). Nothing is broken and no data was touched.',
      'Connect to the internet and run "npm start" again, or use the same scan engine from the',
      'command line now:',
      '',
      '    npx breach-ready scan --demo            scan the built-in demo tenant',
      '    npx breach-ready scan --help            scan your own tenant',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

const result = spawnSync(
  process.execPath,
  [require.resolve('electron-vite/bin/electron-vite.js'), 'preview'],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
