import demoFixture from '../assets/demo/contoso-dental.json';
import { tenantFixtureSchema } from '../shared/fixture/tenant-fixture';
import { EMPTY_TENANT_SETTINGS } from '../shared/models/tenant';
import { evaluateSnapshot, runScan } from '../main/engine/scan';
import { openSimulatedTenant } from '../main/engine/simulated-tenant';
import { storeBench } from './store-bench';
import { spawnSync } from 'node:child_process';
import { benchSize, LATENCY_MS, type SizeFigures } from './size-bench';
import { SIZE_USERS, type TenantSize } from './generate-tenant';
import { runSimProcess } from './sim-process';

/** Figures for `npm run bench`: a full scan of the demo tenant, and evaluation alone. */
async function demoFigures(): Promise<void> {
  const fixture = tenantFixtureSchema.parse(demoFixture);
  const runs = 15;
  const times: number[] = [];
  let requests = 0;
  let snapshot;
  for (let i = 0; i < runs; i += 1) {
    const tenant = await openSimulatedTenant(fixture, 'demo');
    const started = performance.now();
    const result = await runScan({
      connection: tenant.connection,
      profile: 'cis',
      settings: EMPTY_TENANT_SETTINGS,
    });
    times.push(performance.now() - started);
    requests = result.graphRequests;
    snapshot = result.snapshot;
    await tenant.close();
  }
  times.sort((a, b) => a - b);
  const evalRuns = 2000;
  const evalStarted = performance.now();
  for (let i = 0; i < evalRuns; i += 1)
    evaluateSnapshot(snapshot!, 'cis', EMPTY_TENANT_SETTINGS, new Date());
  const evalMs = (performance.now() - evalStarted) / evalRuns;
  const median = times[Math.floor(runs / 2)]!;
  const rows = [
    ['demo scan (sign-in + collect + evaluate), median of ' + runs, `${median.toFixed(1)} ms`],
    ['demo scan, fastest / slowest', `${times[0]!.toFixed(1)} / ${times.at(-1)!.toFixed(1)} ms`],
    ['Graph requests per scan', String(requests)],
    ['evaluation of the whole catalog on one snapshot', `${evalMs.toFixed(3)} ms`],
    ['evaluation share of a scan', `${((evalMs / median) * 100).toFixed(1)} %`],
    ...(await storeBench()),
    ['peak RSS', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`],
  ];
  const width = Math.max(...rows.map((r) => r[0]!.length));
  for (const [label, value] of rows) process.stdout.write(`${label!.padEnd(width)}  ${value}\n`);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function printSizes(rows: readonly SizeFigures[]): void {
  const header = [
    'tenant',
    'users',
    'wall',
    'lower bound',
    'ratio',
    'Graph requests',
    'MB received',
    'peak RSS',
    'naive',
    'vs naive',
  ];
  const lines = rows.map((r) => [
    r.size,
    String(r.users),
    seconds(r.wallMs),
    seconds(r.lowerBoundMs),
    `${(r.wallMs / r.lowerBoundMs).toFixed(2)}x`,
    String(r.graphRequests),
    (r.bytes / 1e6).toFixed(1),
    `${r.peakRssMb.toFixed(0)} MB`,
    `${seconds(r.naiveMs)}${r.naiveNote === 'measured in full' ? '' : ' *'}`,
    `${(r.naiveMs / r.wallMs).toFixed(1)}x faster`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const print = (cells: readonly string[]) =>
    process.stdout.write(`${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}\n`);
  process.stdout.write(
    `\nGenerated tenants, simulator latency ${LATENCY_MS} ms per request, Graph throttling model on\n`,
  );
  print(header);
  for (const line of lines) print(line);
  for (const r of rows) {
    process.stdout.write(
      `  ${r.size}: lower bound set by ${r.limitedBy}; ${r.throttled} answers 429, ${r.earlyRetries} early retries, ${r.unreadSources} sources unread (as in the demo: licence), naive ${r.naiveRequests} requests, ${r.naiveNote}\n`,
    );
  }
  process.stdout.write(
    '  * naive time extrapolated from a measured sample (see the line above)\n' +
      '  Each size runs in its own process after one warm-up scan of S; the simulator runs in a child process.\n',
  );
}

async function main(): Promise<void> {
  const simOnly = process.argv.indexOf('--sim');
  if (simOnly !== -1) {
    await runSimProcess(process.argv[simOnly + 1] as TenantSize, Number(process.argv[simOnly + 2]));
    return;
  }
  const only = process.argv.indexOf('--size');
  if (only !== -1) {
    // One size per process, so each peak RSS is its own.
    const figures = await benchSize(process.argv[only + 1] as TenantSize);
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return;
  }
  await demoFigures();
  const wanted = (process.env.BENCH_SIZES?.split(',') ?? Object.keys(SIZE_USERS)) as TenantSize[];
  const rows: SizeFigures[] = [];
  for (const size of wanted) {
    const child = spawnSync(process.execPath, [__filename, '--size', size], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) {
      process.stderr.write(child.stderr);
      throw new Error(`the ${size} tenant benchmark failed`);
    }
    rows.push(JSON.parse(child.stdout.trim().split('\n').at(-1)!) as SizeFigures);
  }
  printSizes(rows);
}

void main();
