import type { TenantFixture } from '../../shared/fixture/tenant-fixture';
import { sourcesNeeded } from '../checks/catalog';
import { collectSnapshot } from '../collect/collect';
import { snapshotToFixture } from '../collect/snapshot-to-fixture';
import { GraphGateway } from '../graph/gateway';
import type { ScanProgress, TenantConnection } from './scan';

export interface RecordOptions {
  readonly connection: TenantConnection;
  readonly onProgress?: (event: ScanProgress) => void;
  readonly signal?: AbortSignal;
  readonly now?: () => Date;
}

/**
 * Reads a tenant the way a scan does and keeps what it read as a `tenant-fixture/1` document,
 * so it can be archived and evaluated again later (`scan --fixture`).
 */
export async function recordTenant(options: RecordOptions): Promise<TenantFixture> {
  const now = options.now ?? (() => new Date());
  const { connection, onProgress, signal } = options;
  onProgress?.({ type: 'signing-in', description: connection.tokens.description });
  await connection.tokens.getAccessToken();
  const recordedAt = connection.asOf ?? now();
  const gateway = new GraphGateway({
    getAccessToken: (options) => connection.tokens.getAccessToken(options),
    ...(connection.graphTransport ? { transport: connection.graphTransport } : {}),
    ...(onProgress ? { onWait: (wait) => onProgress({ type: 'waiting', ...wait }) } : {}),
  });
  const auditRecords: unknown[] = [];
  const snapshot = await collectSnapshot({
    gateway,
    sources: sourcesNeeded(),
    ...(onProgress ? { onProgress } : {}),
    ...(signal ? { signal } : {}),
    fallbackTenantId: connection.tokens.tenantId() ?? connection.tenantHint,
    ...(connection.dnsServers?.length ? { dns: { servers: connection.dnsServers } } : {}),
    asOf: recordedAt,
    now,
    onAuditRecords: (records) => auditRecords.push(...records),
  });
  return snapshotToFixture(snapshot, auditRecords, recordedAt);
}
