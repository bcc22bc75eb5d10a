#!/usr/bin/env node
// The `breach-ready` command: runs the bundled command line built by `npm run build:cli`.
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'out', 'cli', 'breach-ready.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write(
    'breach-ready: the command line has not been built yet. Run "npm install" (or "npm run build:cli") in the project folder first.\n',
  );
  process.exit(1);
}
require(bundle);
