// `npm start`: builds and opens the desktop app. Electron downloads its runtime the first time;
// where that is impossible (offline), it says so in one paragraph and starts browser mode instead
// (`breach-ready serve --open`), which serves the same app to this computer only.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';
import { planStart } from './start-plan.mjs';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = dirname(require.resolve('electron/package.json'));
const cli = join(root, 'bin', 'breach-ready.cjs');
const binOf = (pkg, file) => join(dirname(require.resolve(`${pkg}/package.json`)), 'bin', file);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status ?? 1;
}

function nodeScript(script, args) {
  return run(process.execPath, [script, ...args]);
}

function fetchElectron() {
  process.stdout.write('Downloading the Electron runtime (first start only)…\n');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 10 * 60 * 1000,
  });
  return result.status === 0;
}

/** Builds the command line and asks it whether it has browser mode. */
function browserModeAvailable() {
  if (nodeScript(join(root, 'scripts', 'build-cli.mjs'), []) !== 0) return false;
  const help = spawnSync(process.execPath, [cli, 'serve', '--help'], {
    cwd: root,
    stdio: 'ignore',
  });
  return help.status === 0;
}

let binary = findElectronBinary(electronDir);
let downloadFailed = false;
if (!binary) {
  downloadFailed = !fetchElectron();
  binary = findElectronBinary(electronDir);
}
const plan = planStart({
  electronBinary: binary,
  downloadFailed,
  browserModeAvailable: binary ? false : browserModeAvailable(),
});

if (plan.action === 'desktop') {
  if (nodeScript(binOf('electron-vite', 'electron-vite.js'), ['build']) !== 0) process.exit(1);
  process.exit(run(plan.binary, [root]));
}

process.stderr.write(`\n${plan.notice}\n\n`);
if (plan.action === 'none') process.exit(1);

const renderer = join(root, 'vite.renderer.config.mts');
if (nodeScript(binOf('vite', 'vite.js'), ['build', '--config', renderer]) !== 0) process.exit(1);
process.exit(nodeScript(cli, ['serve', '--open']));
