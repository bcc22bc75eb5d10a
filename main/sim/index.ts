/** The tenant simulator: Microsoft Entra ID and Microsoft Graph on loopback, played from a fixture. */
export {
  startSimulator,
  MAX_REQUEST_BODY_BYTES,
  type Simulator,
  type SimulatorOptions,
  type SimRequestLogEntry,
} from './server';
export { FixtureError, loadFixtureFile, parseFixture, MAX_FIXTURE_BYTES } from './load-fixture';
export { createSimNetworkClient, createSimGraphSender } from './seams';
export { createDemoClient, type DemoClient } from './demo-client';
export { DEFAULT_PERMISSIONS, type SimClient } from './clients';
export type { SimUser } from './tokens';
export {
  startDnsServer,
  type DnsFault,
  type DnsServer,
  type DnsZone,
  type DnsQueryLogEntry,
} from './dns-server';
