import demoFixture from '../assets/demo/contoso-dental.json';
import { tenantFixtureSchema } from '../shared/fixture/tenant-fixture';
import { EMPTY_TENANT_SETTINGS } from '../shared/models/tenant';
import { evaluateSnapshot, runScan } from '../main/engine/scan';
import { openSimulatedTenant } from '../main/engine/simulated-tenant';
import { storeBench } from './store-bench';

/** Figures for `npm run bench`: a full scan of the demo tenant, and evaluation alone. */
async function main(): Promise<void> {
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

void main();
