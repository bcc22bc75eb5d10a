// Bundles the command line into one file, so `npx breach-ready` works right after `npm ci`.
import { build } from 'esbuild';

await build({
  entryPoints: ['main/cli/index.ts'],
  outfile: 'out/cli/breach-ready.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['electron', 'sqlite3', 'pdfkit'],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
