import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { EMPTY_TENANT_SETTINGS } from '../shared/models/tenant';
import { AppOnlySignIn } from '../main/auth/app-only';
import { runScan, type TenantConnection } from '../main/engine/scan';
import { GraphGateway } from '../main/graph/gateway';
import { createSimGraphSender, createSimNetworkClient } from '../main/sim';
import type { TenantSize } from './generate-tenant';
import { lowerBound } from './lower-bound';
import { naiveCollect, type NaiveLimits, type NaivePhase } from './naive-collector';
import type { SimProcessHello, SimProcessStats } from './sim-process';

export const LATENCY_MS = 40;

/** Naive runs on L and XL would take an hour or more: they are measured on a sample. */
const NAIVE_SAMPLE: Partial<Record<TenantSize, NaiveLimits>> = {
  L: { list: 150, report: 12, object: 400 },
  XL: { list: 150, report: 12, object: 400 },
};

export interface SizeFigures {
  readonly size: TenantSize;
  readonly users: number;
  readonly wallMs: number;
  readonly graphRequests: number;
  readonly bytes: number;
  readonly peakRssMb: number;
  readonly lowerBoundMs: number;
  readonly limitedBy: string;
  readonly throttled: number;
  readonly earlyRetries: number;
  readonly unreadSources: number;
  readonly naiveMs: number;
  readonly naiveRequests: number;
  /** How the naive figure was obtained. */
  readonly naiveNote: string;
}

/** A simulator serving the generated tenant from a child process. */
async function simulatorProcess(size: TenantSize) {
  const child = spawn(process.execPath, [__filename, '--sim', size, String(LATENCY_MS)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await lines.next();
    if (line.done) throw new Error('the simulator process ended early');
    return JSON.parse(line.value) as unknown;
  };
  const hello = (await next()) as SimProcessHello;
  const signIn = new AppOnlySignIn({
    clientId: hello.clientId,
    credential: { kind: 'secret', secret: hello.secret },
    networkClient: createSimNetworkClient(hello.base),
  });
  const connection: TenantConnection = {
    source: 'fixture',
    tokens: signIn.forTenant(hello.tenantId),
    graphTransport: createSimGraphSender(hello.base),
    tenantHint: hello.tenantId,
    dnsServers: [hello.dns],
    asOf: new Date(hello.recordedAt),
  };
  return {
    hello,
    connection,
    stats: async () => {
      child.stdin.write('stats\n');
      return (await next()) as SimProcessStats;
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

/** One tenant size: our scan, its lower bound, and the naive collector, in this process. */
export async function benchSize(size: TenantSize): Promise<SizeFigures> {
  // One scan of the small tenant first, so the figures do not include compiling the code.
  const warmUp = await simulatorProcess('S');
  await runScan({ connection: warmUp.connection, profile: 'cis', settings: EMPTY_TENANT_SETTINGS });
  await warmUp.close();

  const sim = await simulatorProcess(size);
  const { counts, shape } = sim.hello;
  const bound = lowerBound(shape, LATENCY_MS, counts.users);
  const started = performance.now();
  const trace = process.env.BENCH_TRACE
    ? (event: object) =>
        process.stderr.write(
          `${(performance.now() - started).toFixed(0)} rss ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} ${JSON.stringify(event).slice(0, 140)}\n`,
        )
    : undefined;
  const result = await runScan({
    connection: sim.connection,
    profile: 'cis',
    settings: EMPTY_TENANT_SETTINGS,
    ...(trace ? { onProgress: trace } : {}),
  });
  const wallMs = performance.now() - started;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  if (process.env.BENCH_TRACE) {
    const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
    const before = process.memoryUsage();
    (globalThis as { gc?: () => void }).gc?.();
    const after = process.memoryUsage();
    process.stderr.write(
      `memory: peak RSS ${peakRssMb.toFixed(0)} MB; heap ${mb(before.heapUsed)} → after GC ${mb(after.heapUsed)}, RSS ${mb(after.rss)}; snapshot JSON ${mb(JSON.stringify(result.snapshot).length)}\n`,
    );
  }
  const stats = await sim.stats();
  const unreadSources = Object.values(result.snapshot.sources).filter((s) => s && !s.ok).length;
  await sim.close();

  // The naive collector, against a fresh simulator with the same behaviour.
  const naiveSim = await simulatorProcess(size);
  const gateway = new GraphGateway({
    getAccessToken: (options) => naiveSim.connection.tokens.getAccessToken(options),
    transport: naiveSim.connection.graphTransport!,
    pacing: false,
    retry: { budget: 1_000_000 },
  });
  const limits = NAIVE_SAMPLE[size] ?? {};
  const phases = await naiveCollect(gateway, sim.connection.asOf!, limits);
  await naiveSim.close();
  const totals: Record<NaivePhase, number> = {
    list: shape.filter((s) => s.bucket !== 'reports').reduce((n, s) => n + s.defaultPages, 0),
    report: shape.filter((s) => s.bucket === 'reports').reduce((n, s) => n + s.defaultPages, 0),
    object: counts.users + counts.groups + counts.servicePrincipals + counts.applications,
    audit: phases.audit.done,
  };
  let naiveMs = 0;
  let naiveRequests = 0;
  const sampled: string[] = [];
  for (const phase of Object.keys(phases) as NaivePhase[]) {
    const { done, ms } = phases[phase];
    const total = Math.max(done, totals[phase]);
    naiveMs += done > 0 ? (ms * total) / done : 0;
    naiveRequests += phase === 'audit' ? done * 4 : total;
    if (done < total) sampled.push(`${phase} ${done} of ${total}`);
  }
  return {
    size,
    users: counts.users,
    wallMs,
    peakRssMb,
    lowerBoundMs: bound.ms,
    limitedBy: bound.limitedBy,
    naiveMs,
    naiveRequests,
    naiveNote: sampled.length
      ? `extrapolated: measured ${sampled.join(', ')} requests, scaled per phase`
      : 'measured in full',
    graphRequests: stats.graphRequests,
    bytes: stats.bytes,
    throttled: stats.throttled,
    earlyRetries: stats.earlyRetries,
    unreadSources,
  };
}
