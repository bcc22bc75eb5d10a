import type { TenantFixture } from '../../shared/fixture/tenant-fixture';
import { AppOnlySignIn } from '../auth/app-only';
import {
  createDemoClient,
  createSimGraphSender,
  createSimNetworkClient,
  startSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../sim';
import type { TenantConnection } from './scan';

export interface SimulatedTenant {
  readonly connection: TenantConnection;
  readonly simulator: Simulator;
  close(): Promise<void>;
}

/**
 * Serves a fixture (the demo tenant or a recorded one) from the tenant simulator and connects to
 * it the way a live tenant is reached: MSAL signs in, the Graph client calls Graph, the resolver
 * asks DNS. Only the documented network seams differ (and the DNS server list).
 */
export async function openSimulatedTenant(
  fixture: TenantFixture,
  source: 'demo' | 'fixture',
  /** Simulator behaviour: latency, throttling model, seed. */
  behaviour: Pick<SimulatorOptions, 'latencyMs' | 'throttling' | 'seed'> = {},
): Promise<SimulatedTenant> {
  const client = createDemoClient();
  const simulator = await startSimulator({ ...behaviour, fixture, clients: [client] });
  const signIn = new AppOnlySignIn({
    clientId: client.clientId,
    credential: { kind: 'secret', secret: client.secret },
    networkClient: createSimNetworkClient(simulator.base),
  });
  return {
    connection: {
      source,
      tokens: signIn.forTenant(fixture.tenant.id),
      graphTransport: createSimGraphSender(simulator.base),
      tenantHint: fixture.tenant.id,
      dnsServers: [simulator.dns],
      ...(fixture.recordedAt ? { asOf: new Date(fixture.recordedAt) } : {}),
    },
    simulator,
    close: () => simulator.close(),
  };
}
