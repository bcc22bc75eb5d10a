import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** Tests never touch the real per-user data folder. */
const DATA_DIR = mkdtempSync(join(tmpdir(), 'breach-ready-data-'));

/** Runs the built `breach-ready` command as a user would (`npm test` builds it first). */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'breach-ready.cjs'), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, BREACH_READY_DATA_DIR: DATA_DIR, ...options.env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
