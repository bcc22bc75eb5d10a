import { createInterface } from 'node:readline';
import { createDemoClient, startSimulator } from '../main/sim';
import { generateTenant, type GeneratedCounts, type TenantSize } from './generate-tenant';
import { tenantShape, type SourceShape } from './tenant-shape';

/** What the parent needs to reach the simulator running in this process. */
export interface SimProcessHello {
  readonly base: string;
  readonly dns: string;
  readonly tenantId: string;
  readonly recordedAt: string;
  readonly clientId: string;
  readonly secret: string;
  readonly counts: GeneratedCounts;
  readonly shape: readonly SourceShape[];
}

export interface SimProcessStats {
  readonly graphRequests: number;
  readonly bytes: number;
  readonly throttled: number;
  readonly earlyRetries: number;
}

/**
 * Serves a generated tenant from a simulator in its own process, so the simulator's work is not
 * counted in the scan's time or memory (as with Microsoft Graph, it runs elsewhere). Prints one
 * JSON line to start; answers `stats` with the request figures; ends when its input closes.
 */
export async function runSimProcess(size: TenantSize, latencyMs: number): Promise<void> {
  const { fixture, counts } = generateTenant(size);
  const client = createDemoClient();
  const sim = await startSimulator({
    fixture,
    clients: [client],
    latencyMs,
    throttling: true,
    seed: 1,
  });
  const hello: SimProcessHello = {
    base: sim.base,
    dns: sim.dns,
    tenantId: fixture.tenant.id,
    recordedAt: fixture.recordedAt!,
    clientId: client.clientId,
    secret: client.secret,
    counts,
    shape: tenantShape(fixture),
  };
  process.stdout.write(`${JSON.stringify(hello)}\n`);
  const lines = createInterface({ input: process.stdin });
  let from = 0;
  for await (const line of lines) {
    if (line.trim() !== 'stats') continue;
    const log = sim.log.slice(from).filter((e) => e.service === 'graph');
    from = sim.log.length;
    const stats: SimProcessStats = {
      graphRequests: log.length,
      bytes: sim.graphBytes(),
      throttled: log.filter((e) => e.status === 429).length,
      earlyRetries: sim.earlyRetries.length,
    };
    process.stdout.write(`${JSON.stringify(stats)}\n`);
  }
  await sim.close();
}
