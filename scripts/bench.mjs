// `npm run bench`: bundles the benchmark with esbuild and runs it with Node.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
// Built inside the project so the native sqlite3 module resolves from node_modules.
const outfile = 'out/bench/scan-bench.cjs';
await build({
  entryPoints: ['bench/scan-bench.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['electron', 'sqlite3'],
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, [outfile], { stdio: 'inherit' });
process.exit(result.status ?? 1);
