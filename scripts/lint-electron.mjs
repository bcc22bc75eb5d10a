// `npm run lint:electron`: runs Electronegativity (Doyensec's Electron security scanner) over the
// desktop shell (main/app) and the page it loads, and fails on any finding that the allowlist
// (main/app/electronegativity-allowlist.json) does not explain. The scanner itself always exits 0,
// so this script is the gate. Usage: node scripts/lint-electron.mjs [source-root]
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { judgeFindings } from './electronegativity-gate.mjs';

const require = createRequire(import.meta.url);
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourceRoot = resolve(process.argv[2] ?? projectRoot);
const allowlistPath = join(sourceRoot, 'main', 'app', 'electronegativity-allowlist.json');

/** What is scanned: the shell's sources (not their tests) and the renderer page. */
function collectTargets() {
  const shell = readdirSync(join(sourceRoot, 'main', 'app'))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => `main/app/${name}`);
  return [...shell, 'renderer/index.html'];
}

const targets = collectTargets();
const workDir = mkdtempSync(join(tmpdir(), 'breach-ready-electronegativity-'));
try {
  for (const file of targets) {
    mkdirSync(dirname(join(workDir, file)), { recursive: true });
    cpSync(join(sourceRoot, file), join(workDir, file));
  }
  const run = require('@doyensec/electronegativity/dist/runner.js');
  const originalLog = console.log;
  // The scanner prints a translation notice when it cannot reach the network; keep output clean.
  console.log = () => {};
  let result;
  try {
    result = await run(
      {
        input: workDir,
        isRelative: true,
        customScan: [],
        // Needs the network (it downloads Electron's release list); the version is pinned anyway.
        excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
        electronVersionOverride: '45.5.0',
        parserPlugins: [],
      },
      false,
    );
  } finally {
    console.log = originalLog;
  }

  const checks = result.globalChecks + result.atomicChecks;
  const fatal = result.errors.filter((e) => !e.tolerable);
  const allowlist = JSON.parse(readFileSync(allowlistPath, 'utf8'));
  const verdict = judgeFindings(
    result.issues.map((i) => ({
      id: i.id,
      file: i.file,
      location: i.location,
      description: i.description,
    })),
    allowlist,
  );
  const where = (i) => `${i.file}:${i.location?.line ?? 0}`;

  console.log(
    `Electronegativity ${require('@doyensec/electronegativity/package.json').version}: ${checks} checks over ${targets.length} files (Electron 45.5.0).`,
  );
  for (const issue of result.issues) {
    const entry = allowlist.find((e) => e.check === issue.id && e.file === issue.file);
    console.log(
      `  ${entry ? 'allowed ' : 'FINDING '} ${issue.id} ${issue.severity.name}/${issue.confidence.name} ${where(issue)} — ${entry ? entry.reason : issue.description}`,
    );
  }
  for (const error of fatal) console.log(`  COULD NOT PARSE ${error.file}: ${error.message}`);
  for (const entry of verdict.stale)
    console.log(
      `  STALE allowlist entry ${entry.check} ${entry.file}: it no longer matches a finding; remove it.`,
    );
  for (const entry of verdict.unreasoned)
    console.log(
      `  Allowlist entry ${entry.check} ${entry.file} does not say why it is a false positive.`,
    );

  if (checks < 30 || fatal.length > 0 || !verdict.ok) {
    console.log(
      checks < 30
        ? 'Electronegativity did not load its checks, so nothing was proven.'
        : 'Electronegativity found something the allowlist does not explain. Fix the code, or add an entry with the reason it is a false positive.',
    );
    process.exitCode = 1;
  } else {
    console.log(
      `No unexplained findings (${result.issues.length} allowlisted, each with its reason).`,
    );
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
